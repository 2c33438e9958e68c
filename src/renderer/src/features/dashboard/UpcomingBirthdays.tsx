import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { BIRTHDAY_WINDOW_DAYS, type UpcomingBirthday } from '../../../../shared/journal/views';
import { daysUntilText } from '../../../../shared/contacts/birthday';

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
        <Stack gap={6} aria-label="Upcoming birthdays">
          {birthdays.map((b) => (
            <Group key={b.contactId} justify="space-between" wrap="nowrap" data-contact-id={b.contactId}>
              <div>
                <Link to={`/contacts/${b.contactId}`}>{b.displayName}</Link>
                <Text size="xs" c="dimmed">
                  {day(b.date)}
                  {b.turns !== null ? ` · turns ${b.turns}` : ''}
                </Text>
              </div>
              <Badge color={b.daysUntil === 0 ? 'pink' : 'gray'} variant="light">
                {when(b)}
              </Badge>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
