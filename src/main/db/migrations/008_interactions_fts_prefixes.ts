import { runStatements, type Migration } from './types';

/**
 * The journal's full-text index keeps prefix indexes for one- and two-character prefixes only
 * (002 also kept three). Each prefix index is written for every token of every entry, so
 * the three-character one cost a quarter of every journal write, calendar import and restore
 * (rebuilding 200,000 entries: 1.07 s with '1 2 3', 0.78 s with '1 2'), while a three-letter
 * prefix is rare enough in the term list that FTS5 answers it from the main index in about
 * a millisecond. The triggers of 002 name the table, so they keep working once it is back.
 */
export const migration008: Migration = {
  version: 8,
  name: 'interactions_fts_prefixes',
  async up(db) {
    await runStatements(db, [
      `DROP TABLE interactions_fts`,
      `CREATE VIRTUAL TABLE interactions_fts USING fts5(
        title, notes, location,
        content='interactions', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2'
      )`,
      `INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')`,
    ]);
  },
};
