import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The ids of these tags, creating the missing ones. Tags compare without case, and the
 * first spelling given wins for a new tag.
 */
export async function upsertTagIds(db: Db, names: string[]): Promise<number[]> {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (!byKey.has(key)) byKey.set(key, name.trim());
  }
  const unique = [...byKey.values()];
  if (unique.length === 0) return [];
  await db
    .insertInto('tags')
    .values(unique.map((name) => ({ name })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select('id').where('name', 'in', unique).execute();
  return rows.map((r) => r.id);
}
