import { sql, type Kysely, type Transaction } from 'kysely';
import type { FollowUp, FollowUpList, FollowUpRestore } from '../../shared/followUps/schemas';
import type { Database } from '../db/schema';
import { photoVersionOf } from '../contacts/photoVersion';

type Db = Kysely<Database> | Transaction<Database>;

function baseQuery(db: Db) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select([
      'f.id',
      'f.contact_id as contactId',
      'c.display_name as contactName',
      'f.text',
      'f.due_on as dueOn',
      'f.done_at as doneAt',
      'f.created_at as createdAt',
    ])
    .select(photoVersionOf('f.contact_id').as('contactPhoto'));
}

export async function getFollowUp(db: Db, id: number): Promise<FollowUp | undefined> {
  return baseQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export async function listFollowUps(
  db: Db,
  opts: { contactId?: number; status: 'open' | 'done'; dueBy?: string; limit: number },
): Promise<FollowUpList> {
  const filtered = (db: Db) => {
    let q = baseQuery(db);
    q = opts.status === 'open' ? q.where('f.done_at', 'is', null) : q.where('f.done_at', 'is not', null);
    if (opts.contactId !== undefined) q = q.where('f.contact_id', '=', opts.contactId);
    if (opts.dueBy !== undefined) q = q.where('f.due_on', '<=', opts.dueBy);
    return q;
  };
  const ordered =
    opts.status === 'open'
      ? // Dated ones first, soonest first; undated after, oldest first.
        filtered(db)
          .orderBy(sql`f.due_on IS NULL`)
          .orderBy('f.due_on')
          .orderBy('f.id')
      : filtered(db).orderBy('f.done_at', 'desc').orderBy('f.id', 'desc');
  const items = await ordered.limit(opts.limit).execute();
  const total =
    items.length < opts.limit
      ? items.length
      : Number(
          (
            await filtered(db)
              .clearSelect()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { items, total };
}

export async function insertFollowUp(
  db: Db,
  row: { contactId: number; text: string; dueOn: string | null; createdAt: string },
): Promise<number> {
  const inserted = await db
    .insertInto('follow_ups')
    .values({ contact_id: row.contactId, text: row.text, due_on: row.dueOn, created_at: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Puts a deleted follow-up back with its own id, state and times. */
export async function restoreFollowUp(db: Db, row: FollowUpRestore): Promise<void> {
  await db
    .insertInto('follow_ups')
    .values({
      id: row.id,
      contact_id: row.contactId,
      text: row.text,
      due_on: row.dueOn,
      done_at: row.doneAt,
      created_at: row.createdAt,
    })
    .execute();
}

export async function updateFollowUp(
  db: Db,
  id: number,
  change: { text?: string; dueOn?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({
      ...(change.text === undefined ? {} : { text: change.text }),
      ...(change.dueOn === undefined ? {} : { due_on: change.dueOn }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setDoneAt(db: Db, id: number, doneAt: string | null): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({ done_at: doneAt })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteFollowUp(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('follow_ups').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
