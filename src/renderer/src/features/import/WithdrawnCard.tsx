import { Alert, Checkbox, Text } from '@mantine/core';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';

/**
 * Meetings imported before that the calendar now shows cancelled, or that the user declined
 * since: they did not take place, so the import takes them back unless the user says otherwise.
 */
export function WithdrawnCard({
  withdrawn,
  remove,
  setRemove,
}: {
  withdrawn: CalendarPreview['withdrawn'];
  remove: boolean;
  setRemove(value: boolean): void;
}) {
  return (
    <Alert color="orange" title="Cancelled or declined since they were imported">
      {withdrawn.remove > 0 && (
        <Checkbox
          checked={remove}
          onChange={(e) => setRemove(e.currentTarget.checked)}
          label={`Remove them: ${count(withdrawn.remove, 'meeting')} that did not take place`}
          description="Undoing this import puts them back."
        />
      )}
      {withdrawn.keep > 0 && (
        <Text size="sm" mt={withdrawn.remove > 0 ? 'xs' : 0}>
          {count(withdrawn.keep, 'meeting')} {withdrawn.keep === 1 ? 'stays' : 'stay'}: you wrote notes on{' '}
          {withdrawn.keep === 1 ? 'it' : 'them'} or tagged {withdrawn.keep === 1 ? 'it' : 'them'}.
        </Text>
      )}
    </Alert>
  );
}
