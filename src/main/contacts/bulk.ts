import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContactBulkAction, ContactBulkResult } from '../../shared/contacts/schemas';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import { upsertTagIds } from '../tags/repository';

type Trx = Transaction<Database>;

/** The contacts among `ids` the action would change, so only they get a new `updated_at`. */
async function toChange(trx: Trx, ids: number[], action: ContactBulkAction): Promise<number[]> {
  const base = trx.selectFrom('contacts as c').select('c.id').where('c.id', 'in', ids);
  switch (action.kind) {
    case 'addTag':
    case 'removeTag': {
      const has = sql<boolean>`EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.contact_id = c.id AND t.name = ${action.tag})`;
      const rows = await base.where(action.kind === 'addTag' ? sql<boolean>`NOT ${has}` : has).execute();
      return rows.map((r) => r.id);
    }
    case 'addCircle':
    case 'removeCircle': {
      const has = sql<boolean>`EXISTS (SELECT 1 FROM contact_circles cc
        WHERE cc.contact_id = c.id AND cc.circle = ${action.circle})`;
      const rows = await base.where(action.kind === 'addCircle' ? sql<boolean>`NOT ${has}` : has).execute();
      return rows.map((r) => r.id);
    }
    case 'setArchived': {
      const rows = await base.where('c.archived', '!=', action.archived ? 1 : 0).execute();
      return rows.map((r) => r.id);
    }
  }
}

async function apply(trx: Trx, ids: number[], action: ContactBulkAction): Promise<void> {
  switch (action.kind) {
    case 'addTag': {
      const [tagId] = await upsertTagIds(trx, [action.tag]);
      await trx
        .insertInto('contact_tags')
        .values(ids.map((contact_id) => ({ contact_id, tag_id: tagId })))
        .execute();
      return;
    }
    case 'removeTag':
      await trx
        .deleteFrom('contact_tags')
        .where('contact_id', 'in', ids)
        .where('tag_id', 'in', trx.selectFrom('tags').select('id').where('name', '=', action.tag))
        .execute();
      return;
    case 'addCircle':
      await trx
        .insertInto('contact_circles')
        .values(ids.map((contact_id) => ({ contact_id, circle: action.circle })))
        .execute();
      return;
    case 'removeCircle':
      await trx
        .deleteFrom('contact_circles')
        .where('contact_id', 'in', ids)
        .where('circle', '=', action.circle)
        .execute();
      return;
    case 'setArchived':
      await trx
        .updateTable('contacts')
        .set({ archived: action.archived ? 1 : 0 })
        .where('id', 'in', ids)
        .execute();
      return;
  }
}

/**
 * Applies one action to many contacts in one transaction. Every id must name a contact, or
 * nothing is written; contacts the action already holds for are left untouched.
 */
export async function bulkUpdate(
  db: Kysely<Database>,
  ids: number[],
  action: ContactBulkAction,
  now: Date,
): Promise<ContactBulkResult> {
  const unique = [...new Set(ids)];
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('contacts').select('id').where('id', 'in', unique).execute();
    if (found.length !== unique.length) {
      const known = new Set(found.map((r) => r.id));
      const missing = unique.filter((id) => !known.has(id));
      throw new AppError(
        'NOT_FOUND',
        `There is no contact with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}; nothing was changed.`,
        { missing },
      );
    }
    const changing = await toChange(trx, unique, action);
    if (changing.length === 0) return { changed: 0 };
    await apply(trx, changing, action);
    await trx
      .updateTable('contacts')
      .set({ updated_at: now.toISOString() })
      .where('id', 'in', changing)
      .execute();
    return { changed: changing.length };
  });
}
