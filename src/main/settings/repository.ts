import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { normalizeEmail, sameAddresses } from '../../shared/text/email';

export async function getSelfEmails(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('self_emails').select('email').orderBy('email').execute();
  return rows.map((r) => r.email);
}

/** Replaces the user's own addresses in one transaction. */
export async function setSelfEmails(db: Kysely<Database>, emails: string[]): Promise<string[]> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  const current = await getSelfEmails(db);
  // The same addresses again (every calendar commit sends them) write nothing.
  if (sameAddresses(current, unique)) return current;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('self_emails').execute();
    if (unique.length > 0)
      await trx
        .insertInto('self_emails')
        .values(unique.map((email) => ({ email })))
        .execute();
  });
  return getSelfEmails(db);
}

/** A JSON value stored under a key in `settings`, or the fallback when absent or unreadable. */
export async function getSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export async function putSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
