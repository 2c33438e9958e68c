import { runStatements, type Migration } from './types';

/**
 * The order the user gives their saved views (most used first, say), not their names'. Views
 * saved before keep the order they were shown in, by name.
 */
export const migration018: Migration = {
  version: 18,
  name: 'saved_view_order',
  async up(db) {
    await runStatements(db, [
      `ALTER TABLE saved_views ADD COLUMN position INTEGER NOT NULL DEFAULT 0`,
      `UPDATE saved_views SET position = (
        SELECT count(*) FROM saved_views o WHERE o.name COLLATE NOCASE < saved_views.name COLLATE NOCASE
      )`,
    ]);
  },
};
