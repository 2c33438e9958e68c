import { runStatements, type Migration } from './types';

/**
 * Relationships between contacts get their rules (001 made the table, nothing wrote it yet):
 * a known kind, never a contact to themself, one row per pair and kind (either way round for
 * symmetric kinds), and a note ("at the 2023 offsite"). SQLite adds CHECKs only by rebuilding
 * the table. Rows from an older restore keep their id; a self-link is dropped (it says
 * nothing), an unknown kind becomes 'knows' (it still says they know each other), and
 * duplicates fold into the first.
 */
export const migration009: Migration = {
  version: 9,
  name: 'relationships',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE relationships_new (
        id INTEGER PRIMARY KEY,
        from_contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        to_contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('introduced_by','reports_to','mentor_of','works_with','knows')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (from_contact_id <> to_contact_id),
        UNIQUE (from_contact_id, to_contact_id, kind)
      )`,
      `INSERT OR IGNORE INTO relationships_new (id, from_contact_id, to_contact_id, kind, created_at)
       SELECT id,
         CASE WHEN known.kind IN ('works_with','knows') THEN min(from_contact_id, to_contact_id) ELSE from_contact_id END,
         CASE WHEN known.kind IN ('works_with','knows') THEN max(from_contact_id, to_contact_id) ELSE to_contact_id END,
         known.kind, created_at
       FROM (
         SELECT id, from_contact_id, to_contact_id, created_at,
           CASE WHEN kind IN ('introduced_by','reports_to','mentor_of','works_with','knows') THEN kind ELSE 'knows' END AS kind
         FROM relationships WHERE from_contact_id <> to_contact_id
       ) AS known
       ORDER BY id`,
      `DROP TABLE relationships`,
      `ALTER TABLE relationships_new RENAME TO relationships`,
      `CREATE INDEX relationships_to ON relationships (to_contact_id)`,
      // A symmetric pair is one relationship whichever way round it is stored: rows a merge
      // moves keep their order, so uniqueness cannot rest on the lower-id-first convention.
      `CREATE UNIQUE INDEX relationships_symmetric_pair ON relationships
        (min(from_contact_id, to_contact_id), max(from_contact_id, to_contact_id), kind)
        WHERE kind IN ('works_with','knows')`,
    ]);
  },
};
