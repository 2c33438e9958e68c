import { Alert, Text } from '@mantine/core';
import type { CalendarPreview } from '../../../../shared/calendar/schemas';
import { count } from '../../../../shared/text/count';

/** How many of them are named; the rest are counted. */
const NAMED = 12;

/**
 * People the files name without an address and no contact of the user's is named as: left out
 * of their meetings, which the user should know rather than find them missing.
 */
export function UnaddressedPeople({ people }: { people: CalendarPreview['unaddressed'] }) {
  if (people.length === 0) return null;
  const named = people.slice(0, NAMED);
  return (
    <Alert color="gray" title={`${count(people.length, 'person', 'people')} without an address`}>
      <Text size="sm">
        The files name {named.map((p) => `${p.name} (${count(p.meetings, 'meeting')})`).join(', ')}
        {people.length > NAMED ? ` and ${people.length - NAMED} more` : ''} without an email address (Outlook
        writes none for some people, and an Exchange export its own internal addresses), and neither a contact
        of yours with an address nor anyone with an address in these files has their name, so they are left
        out of their meetings. Add them as a contact with an address, or the address to the contact of their
        name, and import again to count these meetings.
      </Text>
    </Alert>
  );
}
