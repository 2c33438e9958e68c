import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface SavedViewRow {
  id: number;
  name: string;
  params: string;
}

const columns = ['id', 'name', 'params'] as const;

export async function listViewRows(db: Db): Promise<SavedViewRow[]> {
  return db.selectFrom('saved_views').select(columns).orderBy('position').orderBy('id').execute();
}

export async function getViewRow(db: Db, id: number): Promise<SavedViewRow | undefined> {
  return db.selectFrom('saved_views').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The view of that name, ignoring case (names are unique that way). */
export async function findViewByName(db: Db, name: string): Promise<SavedViewRow | undefined> {
  return db
    .selectFrom('saved_views')
    .select(columns)
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .executeTakeFirst();
}

export async function insertViewRow(db: Db, name: string, params: string, now: string): Promise<number> {
  const row = await db
    .insertInto('saved_views')
    .values({
      name,
      params,
      created_at: now,
      position: sql<number>`(SELECT coalesce(max(position) + 1, 0) FROM saved_views)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function renameViewRow(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('saved_views').set({ name }).where('id', '=', id).execute();
}

export async function deleteViewRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('saved_views').where('id', '=', id).execute();
}

/** Puts the views in the order of `ids`, the first at 0. */
export async function setViewPositions(db: Db, ids: readonly number[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable('saved_views').set({ position }).where('id', '=', id).execute();
  }
}
