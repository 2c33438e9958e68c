import { previousRoleInEntry } from '../../../shared/contacts/career';
import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * The organisation each job change recorded before migration 021 ended, read from its entry's
 * wording, so the list's "who worked there" finds those people too. The old title was never
 * written; an entry whose wording says no organisation is left without a row.
 */
export const migration022: Migration = {
  version: 22,
  name: 'previous_roles_backfill',
  async up(db) {
    const entries: Array<{ id: number; title: string }> = await db
      .selectFrom('interactions')
      .select(['id', 'title'])
      .where('kind', '=', 'job_change')
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM previous_roles r WHERE r.interaction_id = interactions.id)`,
      )
      .execute();
    const rows = entries
      .map((e) => ({ interaction_id: e.id, ...previousRoleInEntry(e.title) }))
      .filter((r) => r.organisation !== null);
    // A batch at a time: SQLite takes at most 32,766 parameters in one statement.
    for (let i = 0; i < rows.length; i += 1_000) {
      await db
        .insertInto('previous_roles')
        .values(rows.slice(i, i + 1_000))
        .execute();
    }
  },
};
