import type { Kysely } from 'kysely';
import { nextBirthday, type NextBirthday } from '../../shared/contacts/birthday';
import type { UpcomingBirthday, UpcomingImportantDate } from '../../shared/journal/views';
import type { Database } from '../db/schema';
import { photoVersionOf } from './photoVersion';

/**
 * The rows whose yearly date (`dateOf`) comes round within `withinDays` of `localToday` (today
 * included), each with when, soonest first. Few contacts carry such dates, so they are read whole
 * and dated here rather than in SQL, where the year wrap and 29 February would be hard to read.
 */
function comingRound<T extends { displayName: string }>(
  rows: T[],
  dateOf: (row: T) => string,
  localToday: string,
  withinDays: number,
): Array<{ row: T; next: NextBirthday }> {
  return rows
    .flatMap((row) => {
      const next = nextBirthday(dateOf(row), localToday);
      return next && next.daysUntil <= withinDays ? [{ row, next }] : [];
    })
    .sort(
      (a, b) => a.next.daysUntil - b.next.daysUntil || a.row.displayName.localeCompare(b.row.displayName),
    );
}

/** Contacts (not archived) whose birthday comes round within `withinDays` of `localToday`. */
export async function upcomingBirthdays(
  db: Kysely<Database>,
  localToday: string,
  withinDays: number,
): Promise<UpcomingBirthday[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'display_name as displayName', 'birthday', photoVersionOf('contacts.id').as('photo')])
    .where('birthday', 'is not', null)
    .where('archived', '=', 0)
    .execute();
  return comingRound(rows, (r) => r.birthday!, localToday, withinDays).map(({ row, next }) => ({
    contactId: row.id,
    displayName: row.displayName,
    ...next,
    photo: row.photo,
  }));
}

/** The important dates of contacts (not archived) coming round, as `upcomingBirthdays` reads birthdays. */
export async function upcomingImportantDates(
  db: Kysely<Database>,
  localToday: string,
  withinDays: number,
): Promise<UpcomingImportantDate[]> {
  const rows = await db
    .selectFrom('contact_important_dates as d')
    .innerJoin('contacts as c', 'c.id', 'd.contact_id')
    .select([
      'c.id',
      'c.display_name as displayName',
      'd.label',
      'd.date',
      photoVersionOf('c.id').as('photo'),
    ])
    .where('c.archived', '=', 0)
    .execute();
  return comingRound(rows, (r) => r.date, localToday, withinDays).map(({ row, next }) => ({
    contactId: row.id,
    displayName: row.displayName,
    label: row.label,
    date: next.date,
    daysUntil: next.daysUntil,
    years: next.turns,
    photo: row.photo,
  }));
}
