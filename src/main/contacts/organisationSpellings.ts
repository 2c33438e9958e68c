import { sql, type Kysely, type Transaction } from 'kysely';
import { organisationKey } from '../../shared/contacts/career';
import type { Database } from '../db/schema';

/**
 * Organisations as written on contacts, one spelling per group SQLite's NOCASE takes as one,
 * read off the `contacts_org` index (a few hundred rows however many contacts). With
 * `formerToo`, those the roles recorded job changes ended name too.
 */
export function writtenOrganisationsSql(formerToo: boolean): string {
  const current = `SELECT DISTINCT organisation COLLATE NOCASE AS organisation FROM contacts WHERE organisation IS NOT NULL`;
  return formerToo
    ? `${current} UNION SELECT organisation COLLATE NOCASE FROM previous_roles WHERE organisation IS NOT NULL`
    : current;
}

/**
 * The spellings among `written` that `organisationKey` takes for one of `organisations` (case,
 * accented letters' too, and spacing aside), to match rows with `organisation COLLATE NOCASE IN
 * (…)`, SQLite's own comparison: NOCASE alone folds A-Z only, and a key computed in SQL for every
 * contact (a JavaScript function per row) took 7–9 ms at 10,000 contacts.
 */
export function spellingsOf(written: Iterable<string>, organisations: Iterable<string>): string[] {
  const keys = new Set([...organisations].map(organisationKey).filter((k) => k !== null));
  return [...new Set([...written].filter((o) => keys.has(organisationKey(o) ?? '')))];
}

/** `spellingsOf` the organisations as written now (and, with `formerToo`, once). */
export async function organisationSpellings(
  db: Kysely<Database> | Transaction<Database>,
  organisations: Iterable<string>,
  formerToo: boolean,
): Promise<string[]> {
  const written = await sql<{ organisation: string }>`${sql.raw(writtenOrganisationsSql(formerToo))}`.execute(
    db,
  );
  return spellingsOf(
    written.rows.map((o) => o.organisation),
    organisations,
  );
}
