import { runStatements, type Migration } from './types';

/** Bytes of new terms a full-text index gathers in memory before it writes them out as a segment. */
export const ftsPendingBytes = 16 * 1024 * 1024;

/**
 * Both full-text indexes gather up to 16 MiB of new terms in memory before writing a segment,
 * where FTS5's default is 1 MiB. A big write (a restore, years of calendar) otherwise writes
 * hundreds of small segments and spends most of its time merging them again: rebuilding the
 * index of 200,000 journal entries took 1.27–1.52 s at 1 MiB and 0.58–0.83 s at 8–16 MiB.
 * Ordinary writes are flushed at each commit as before, so they hold no more memory. FTS5
 * keeps the setting in each index's own config table, which every connection reads.
 */
export const migration014: Migration = {
  version: 14,
  name: 'fts_hashsize',
  async up(db) {
    await runStatements(
      db,
      ['interactions_fts', 'contacts_fts'].map(
        (fts) => `INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${ftsPendingBytes})`,
      ),
    );
  },
};
