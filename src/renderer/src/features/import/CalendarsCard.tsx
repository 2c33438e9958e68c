import { Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { PreviewCalendar } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';

/** A calendar the user is in so few meetings of is most likely someone else's, shared with them. */
function looksShared(f: PreviewCalendar): boolean {
  return f.meetings >= 3 && f.withMe * 2 < f.meetings;
}

/** The entry's own name, without the zip it came in: "Holidays.ics" of "takeout.zip/Holidays.ics". */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * The calendars in the chosen files (Google's export has one per calendar, colleagues' shared
 * ones and public holidays included), each with its meetings and how many the user is in;
 * unticking one previews again without it.
 */
export function CalendarsCard({
  files,
  leftOut,
  busy,
  onToggle,
}: {
  files: PreviewCalendar[];
  /** The calendars the user has left out: ticked off at once, before the new preview lands. */
  leftOut: ReadonlySet<string>;
  busy: boolean;
  onToggle(name: string): void;
}) {
  return (
    <Card withBorder aria-label="Calendars">
      <Text fw={600}>
        Calendars ({files.filter((f) => !f.skipped).length} of {files.length})
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Untick a calendar that is not yours, such as a colleague&apos;s shared calendar: it is left out.
      </Text>
      <Stack gap={6}>
        {files.map((f) => (
          <Group key={f.name} gap="xs" wrap="nowrap">
            <Checkbox
              checked={!leftOut.has(f.name)}
              disabled={busy}
              onChange={() => onToggle(f.name)}
              label={f.calendar || baseName(f.name)}
              description={
                f.skipped
                  ? `${baseName(f.name)} · left out`
                  : `${baseName(f.name)} · ${count(f.meetings, 'meeting')}${f.meetings > 0 ? `, you are in ${f.withMe}` : ''}${f.importedAs === null ? '' : ` · imported before as “${f.importedAs}”: its meetings update in place`}`
              }
            />
            {!f.skipped && looksShared(f) && (
              <Badge color="yellow" variant="light">
                Someone else&apos;s?
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
