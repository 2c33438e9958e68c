import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { BIRTHDAY_WINDOW_DAYS, type UpcomingBirthday } from '../../../../shared/journal/views';
import { daysUntilText } from '../../../../shared/contacts/birthday';
import { ContactAvatar } from '../contacts/ContactAvatar';

/** Two rows at the widest: the reconnect queue below is what the dashboard is for. */
const SHOWN = 6;

function when(b: UpcomingBirthday): string {
  const text = daysUntilText(b.daysUntil);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function day(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** Birthdays coming up soon, so a note or a call goes out on the day rather than after it. */
export function UpcomingBirthdays({ birthdays }: { birthdays: UpcomingBirthday[] }) {
  if (birthdays.length === 0) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Birthdays</Title>
          <Text size="sm" c="dimmed">
            next {BIRTHDAY_WINDOW_DAYS} days
          </Text>
        </Group>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="xs"
          verticalSpacing={6}
          aria-label="Upcoming birthdays"
        >
          {birthdays.slice(0, SHOWN).map((b) => (
            <Group key={b.contactId} gap="xs" wrap="nowrap" data-contact-id={b.contactId}>
              <Badge
                color={b.daysUntil === 0 ? 'pink' : 'gray'}
                variant="light"
                w={112}
                style={{ flexShrink: 0 }}
              >
                {when(b)}
              </Badge>
              <ContactAvatar
                contact={{ id: b.contactId, displayName: b.displayName, photo: b.photo }}
                size={28}
                aria-hidden
              />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  <Link to={`/contacts/${b.contactId}`}>{b.displayName}</Link>
                </Text>
                <Text size="xs" c="dimmed">
                  {day(b.date)}
                  {b.turns !== null ? ` · turns ${b.turns}` : ''}
                </Text>
              </div>
            </Group>
          ))}
        </SimpleGrid>
        {birthdays.length > SHOWN && (
          <Text size="xs" c="dimmed">
            and {birthdays.length - SHOWN} more
          </Text>
        )}
      </Stack>
    </Card>
  );
}
