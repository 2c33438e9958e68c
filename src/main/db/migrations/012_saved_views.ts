import { runStatements, type Migration } from './types';

/**
 * Saved views of the contacts list ("Mentors in London, strongest first"): a name and the
 * list's filters as its address writes them, so opening one is opening that address.
 */
export const migration012: Migration = {
  version: 12,
  name: 'saved_views',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60 AND name = trim(name)),
        params TEXT NOT NULL CHECK (length(params) BETWEEN 1 AND 1000),
        created_at TEXT NOT NULL
      )`,
    ]);
  },
};
