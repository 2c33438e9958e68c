import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  BIRTHDAY_WINDOW_DAYS,
  type UpcomingBirthday,
  type UpcomingImportantDate,
} from '../../../../shared/journal/views';
import { daysUntilText } from '../../../../shared/contacts/birthday';
import { yearsText } from '../../../../shared/contacts/importantDates';
import { ContactAvatar } from '../contacts/ContactAvatar';

/** Two rows at the widest until asked for more: the reconnect queue below is what the dashboard is for. */
const SHOWN = 6;

/** A birthday or an important date, as one line of the card reads it. */
export interface ComingUpEntry {
  key: string;
  kind: 'birthday' | 'date';
  /** The important date's name ("Work anniversary"); null for a birthday. */
  occasion: string | null;
  contactId: number;
  displayName: string;
  photo: string | null;
  date: string;
  daysUntil: number;
  /** "Birthday · Wed 3 Dec · turns 40", "Work anniversary · Wed 3 Dec · 6 years". */
  what: string;
}

function day(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

const joined = (...parts: Array<string | null>) => parts.filter((p) => p !== null).join(' · ');

/** Kept on one line: a narrow column wraps between the parts, not inside "Sat 5 Dec" or "7 years". */
const unbroken = (text: string | null) => text?.replace(/ /g, '\u00a0') ?? null;

/** Both lists as one, soonest first, then by name. */
export function comingUpEntries(
  birthdays: UpcomingBirthday[],
  dates: UpcomingImportantDate[],
): ComingUpEntry[] {
  const entries: ComingUpEntry[] = [
    ...birthdays.map((b) => ({
      ...b,
      key: `birthday:${b.contactId}`,
      kind: 'birthday' as const,
      occasion: null,
      what: joined('Birthday', unbroken(day(b.date)), b.turns === null ? null : unbroken(`turns ${b.turns}`)),
    })),
    ...dates.map((d) => ({
      ...d,
      key: `date:${d.contactId}:${d.label}`,
      kind: 'date' as const,
      occasion: d.label,
      what: joined(d.label, unbroken(day(d.date)), unbroken(yearsText(d.years))),
    })),
  ];
  return entries.sort((a, b) => a.daysUntil - b.daysUntil || a.displayName.localeCompare(b.displayName));
}

/**
 * Each person's soonest birthday or date, as a reason to get in touch: "Birthday in 3 days",
 * "Work anniversary tomorrow". The Reconnect queue shows it beside whoever is overdue.
 */
export function soonestOccasions(
  birthdays: UpcomingBirthday[],
  dates: UpcomingImportantDate[],
): Map<number, string> {
  const soonest = new Map<number, string>();
  for (const e of comingUpEntries(birthdays, dates)) {
    if (!soonest.has(e.contactId))
      soonest.set(e.contactId, `${e.occasion ?? 'Birthday'} ${daysUntilText(e.daysUntil)}`);
  }
  return soonest;
}

function when(daysUntil: number): string {
  const text = daysUntilText(daysUntil);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Birthdays and important dates (work anniversaries and the like) coming up soon, so a note or a
 * call goes out on the day rather than after it.
 */
export function ComingUp({
  birthdays,
  dates,
  onWish,
}: {
  birthdays: UpcomingBirthday[];
  dates: UpcomingImportantDate[];
  /** Log a message for a day that is today. */
  onWish(entry: ComingUpEntry): void;
}) {
  const [all, setAll] = useState(false);
  const entries = comingUpEntries(birthdays, dates);
  if (entries.length === 0) return null;
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{dates.length === 0 ? 'Birthdays' : 'Birthdays and dates'}</Title>
          <Text size="sm" c="dimmed">
            next {BIRTHDAY_WINDOW_DAYS} days
          </Text>
        </Group>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="xs"
          verticalSpacing={6}
          aria-label="Upcoming birthdays and dates"
        >
          {shown.map((e) => (
            <Group key={e.key} gap="xs" wrap="nowrap" data-contact-id={e.contactId} data-kind={e.kind}>
              <Badge
                color={e.daysUntil === 0 ? 'pink' : 'gray'}
                variant="light"
                w={112}
                style={{ flexShrink: 0 }}
              >
                {when(e.daysUntil)}
              </Badge>
              <ContactAvatar
                contact={{ id: e.contactId, displayName: e.displayName, photo: e.photo }}
                size={28}
                aria-hidden
              />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  <Link to={`/contacts/${e.contactId}`}>{e.displayName}</Link>
                </Text>
                <Text size="xs" c="dimmed">
                  {e.what}
                </Text>
              </div>
              {e.daysUntil === 0 && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onWish(e)}
                  aria-label={`Log a message to ${e.displayName} (${e.occasion ?? 'Birthday'})`}
                  style={{ flexShrink: 0 }}
                >
                  Wish
                </Button>
              )}
            </Group>
          ))}
        </SimpleGrid>
        {entries.length > SHOWN && (
          <Group>
            <Button variant="subtle" size="compact-xs" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `and ${entries.length - SHOWN} more`}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
