import type { Kysely } from 'kysely';
import { nextBirthday } from '../../shared/contacts/birthday';
import type { UpcomingBirthday, UpcomingImportantDate } from '../../shared/journal/views';
import type { Database } from '../db/schema';
import { photoVersionOf } from './photoVersion';

const soonestFirst = (
  a: { daysUntil: number; displayName: string },
  b: { daysUntil: number; displayName: string },
) => a.daysUntil - b.daysUntil || a.displayName.localeCompare(b.displayName);

/**
 * Contacts (not archived) whose birthday comes round within `withinDays` of `localToday`
 * (today included), soonest first. Few contacts carry a birthday, so they are read whole and
 * dated here rather than in SQL, where the year wrap and 29 February would be hard to read.
 */
export async function upcomingBirthdays(
  db: Kysely<Database>,
  localToday: string,
  withinDays: number,
): Promise<UpcomingBirthday[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'birthday', photoVersionOf('contacts.id').as('photo')])
    .where('birthday', 'is not', null)
    .where('archived', '=', 0)
    .execute();
  const upcoming: UpcomingBirthday[] = [];
  for (const row of rows) {
    const next = nextBirthday(row.birthday!, localToday);
    if (next && next.daysUntil <= withinDays) {
      upcoming.push({ contactId: row.id, displayName: row.display_name, ...next, photo: row.photo });
    }
  }
  return upcoming.sort(soonestFirst);
}

/** The important dates of contacts (not archived) coming round as `upcomingBirthdays` reads birthdays. */
export async function upcomingImportantDates(
  db: Kysely<Database>,
  localToday: string,
  withinDays: number,
): Promise<UpcomingImportantDate[]> {
  const rows = await db
    .selectFrom('contact_important_dates as d')
    .innerJoin('contacts as c', 'c.id', 'd.contact_id')
    .select(['c.id', 'c.display_name', 'd.label', 'd.date', photoVersionOf('c.id').as('photo')])
    .where('c.archived', '=', 0)
    .execute();
  const upcoming: UpcomingImportantDate[] = [];
  for (const row of rows) {
    const next = nextBirthday(row.date, localToday);
    if (next && next.daysUntil <= withinDays) {
      upcoming.push({
        contactId: row.id,
        displayName: row.display_name,
        label: row.label,
        date: next.date,
        daysUntil: next.daysUntil,
        years: next.turns,
        photo: row.photo,
      });
    }
  }
  return upcoming.sort(soonestFirst);
}
