import { Checkbox, Stack, Text } from '@mantine/core';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';
import { keptAsYours } from './RemovalCard';

/**
 * Whether to import the invitations the user never answered: an FYI invite or an optional
 * all-hands left unanswered says little about a relationship, and would count towards it.
 * Left out, those an earlier import brought in stay unless the user also removes them.
 */
export function UnansweredChoice({
  unanswered,
  busy,
  onToggle,
  removeImported,
  setRemoveImported,
}: {
  unanswered: CalendarPreview['unanswered'];
  busy: boolean;
  /** Previews again with them left out, or back in. */
  onToggle(): void;
  removeImported: boolean;
  setRemoveImported(value: boolean): void;
}) {
  const { meetings, leftOut, imported } = unanswered;
  return (
    <Stack gap={4}>
      <Checkbox
        checked={leftOut}
        disabled={busy}
        onChange={onToggle}
        label={`Leave out ${count(meetings, 'meeting')} you never answered`}
        description="Invitations you neither accepted nor declined, such as FYI invites and optional all-hands: they would count towards your relationships with everyone invited."
      />
      {leftOut && imported.remove > 0 && (
        <Checkbox
          ml="xl"
          disabled={busy}
          checked={removeImported}
          onChange={(e) => setRemoveImported(e.currentTarget.checked)}
          label={`Also remove the ${count(imported.remove, 'meeting')} of these imported before`}
          description="Undo the import to bring them back."
        />
      )}
      {leftOut && imported.keep > 0 && (
        <Text size="xs" c="dimmed" ml="xl">
          {keptAsYours(imported.keep, 'of these imported before')}
        </Text>
      )}
    </Stack>
  );
}
