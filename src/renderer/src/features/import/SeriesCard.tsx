import { Badge, Button, Card, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PreviewSeries } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';
import { AlsoRemoveImported } from './AlsoRemoveImported';

/** Series listed before "Show all". */
const FIRST_SHOWN = 8;

const monthYear = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Mar 2021 – Nov 2026", or one month. */
function span(from: string, to: string): string {
  const [a, b] = [from, to].map((d) => monthYear.format(new Date(d.length === 10 ? `${d}T00:00:00Z` : d)));
  return a === b ? a : `${a} – ${b}`;
}

/**
 * The recurring meetings in the files, most meetings first, each drawn against the most
 * frequent: an all-hands or a team stand-up can outnumber every one-to-one, and unticking it
 * leaves it out of this import and the next ones.
 */
export function SeriesCard({
  series,
  leftOut,
  maxMeetingSize,
  busy,
  onToggle,
  onLeaveOut,
  imported,
  removeImported,
  setRemoveImported,
}: {
  series: PreviewSeries[];
  /** The series the user has left out: ticked off at once, before the new preview lands. */
  leftOut: ReadonlySet<string>;
  /** Meetings larger than this propose no one: a series of them is flagged as large. */
  maxMeetingSize: number;
  busy: boolean;
  onToggle(uid: string): void;
  /** Leaves these series out at once (the large ones still taken). */
  onLeaveOut(uids: string[]): void;
  /** The preview's `seriesImported`: meetings of the series left out that earlier imports brought in. */
  imported: { remove: number; keep: number };
  /** Whether the import removes them (those the user made their own stay in any case). */
  removeImported: boolean;
  setRemoveImported(value: boolean): void;
}) {
  const [all, setAll] = useState(false);
  const most = Math.max(...series.map((s) => s.meetings));
  // The first few, and any left out further down so that it can be ticked back.
  const shown = all ? series : series.filter((s, i) => i < FIRST_SHOWN || leftOut.has(s.uid));
  // Too large to propose new people, yet still counted as meetings with everyone in them.
  const largeTaken = series.filter((s) => s.largest > maxMeetingSize && !leftOut.has(s.uid));
  return (
    <Card withBorder aria-label="Recurring meetings">
      <Text fw={600}>
        Recurring meetings ({count(series.length, 'series', 'series')}
        {leftOut.size > 0 ? `, ${leftOut.size} left out` : ''})
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Untick a series you would rather not count, such as an all-hands: its meetings are left out of this
        import and of later ones.
      </Text>
      {largeTaken.length > 0 && (
        <Button
          variant="light"
          color="yellow"
          size="xs"
          mb="xs"
          disabled={busy}
          onClick={() => onLeaveOut(largeTaken.map((s) => s.uid))}
        >
          {`Leave out ${largeTaken.length === 1 ? 'the large series' : `the ${largeTaken.length} large series`} (${count(
            largeTaken.reduce((n, t) => n + t.meetings, 0),
            'meeting',
          )}, over ${maxMeetingSize} people)`}
        </Button>
      )}
      <Stack gap={6}>
        {shown.map((s) => (
          <Group key={s.uid} gap="sm" wrap="nowrap" justify="space-between">
            <Checkbox
              checked={!leftOut.has(s.uid)}
              disabled={busy}
              onChange={() => onToggle(s.uid)}
              label={s.title || '(no title)'}
              description={`${count(s.meetings, 'meeting')} · up to ${count(s.largest, 'person', 'people')} · ${span(s.from, s.to)}${s.leftOutBefore && leftOut.has(s.uid) ? ' · left out last time' : ''}${s.importedBefore > 0 ? ` · ${s.importedBefore} imported before` : ''}`}
            />
            <Group gap="xs" wrap="nowrap">
              {s.largest > maxMeetingSize && (
                <Badge color="yellow" variant="light">
                  Large
                </Badge>
              )}
              <Progress
                w={96}
                value={(100 * s.meetings) / most}
                color={leftOut.has(s.uid) ? 'gray' : 'blue'}
                aria-label={`${s.title || '(no title)'}: ${count(s.meetings, 'meeting')}`}
              />
            </Group>
          </Group>
        ))}
      </Stack>
      <AlsoRemoveImported
        imported={imported}
        of="of these series imported before"
        busy={busy}
        remove={removeImported}
        setRemove={setRemoveImported}
      />
      {series.length > shown.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          Show all {series.length}
        </Button>
      )}
    </Card>
  );
}
