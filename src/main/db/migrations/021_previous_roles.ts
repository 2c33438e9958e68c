import { runStatements, type Migration } from './types';

/**
 * The role someone held until a job change: where they worked and as what, so their page can
 * list their career. The timeline entry's text says the move in words and leaves the old title
 * out; this keeps it. Gone with the entry. Migration 022 reads the organisation of the entries
 * recorded before it from their text (`previousRoleInEntry`).
 */
export const migration021: Migration = {
  version: 21,
  name: 'previous_roles',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE previous_roles (
        interaction_id INTEGER PRIMARY KEY REFERENCES interactions (id) ON DELETE CASCADE,
        organisation TEXT,
        title TEXT
      )`,
    ]);
  },
};
