import { Checkbox } from '@mantine/core';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';

/**
 * Whether to import the invitations the user never answered: an FYI invite or an optional
 * all-hands left unanswered says little about a relationship, and would count towards it.
 */
export function UnansweredChoice({
  unanswered,
  busy,
  onToggle,
}: {
  unanswered: CalendarPreview['unanswered'];
  busy: boolean;
  /** Previews again with them left out, or back in. */
  onToggle(): void;
}) {
  const { meetings, leftOut, importedBefore } = unanswered;
  const stay = importedBefore > 0 ? ` ${count(importedBefore, 'meeting')} imported before stay.` : '';
  return (
    <Checkbox
      checked={leftOut}
      disabled={busy}
      onChange={onToggle}
      label={`Leave out ${count(meetings, 'meeting')} you never answered`}
      description={`Invitations you neither accepted nor declined, such as FYI invites and optional all-hands: they would count towards your relationships with everyone invited.${leftOut ? stay : ''}`}
    />
  );
}
