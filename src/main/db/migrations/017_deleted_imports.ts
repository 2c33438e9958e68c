import { runStatements, type Migration } from './types';

/**
 * Imported interactions the user deleted in Rapport, by the key their import gave them, so the
 * next import of the same calendar (or LinkedIn export) does not bring them back; and, for a
 * calendar's meeting, by the meeting itself (`meetingId`: UID and start), so a colleague's
 * calendar holding the same invitation does not either. A key whose interaction exists again
 * (brought back on purpose, or the delete undone) no longer counts.
 */
export const migration017: Migration = {
  version: 17,
  name: 'deleted_imports',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE deleted_imports (
        source_key TEXT PRIMARY KEY,
        meeting TEXT,
        deleted_at TEXT NOT NULL
      ) WITHOUT ROWID`,
    ]);
  },
};
