import { Checkbox, Stack } from '@mantine/core';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';
import { AlsoRemoveImported } from './AlsoRemoveImported';

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
      {leftOut && (
        <AlsoRemoveImported
          imported={imported}
          of="of these imported before"
          busy={busy}
          remove={removeImported}
          setRemove={setRemoveImported}
          ml="xl"
        />
      )}
    </Stack>
  );
}
