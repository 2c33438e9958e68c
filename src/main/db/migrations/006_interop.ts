import { runStatements, type Migration } from './types';

/**
 * What contact imports need beyond the contacts schema: birthdays and photos (vCard and
 * Google carry both), and a per-contact log of what each import did, so "undo this
 * import" can delete what it created and put back exactly what it changed.
 */
export const migration006: Migration = {
  version: 6,
  name: 'interop',
  async up(db) {
    await runStatements(db, [
      `ALTER TABLE contacts ADD COLUMN birthday TEXT`,
      `CREATE TABLE contact_photos (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        data BLOB NOT NULL
      )`,
      `CREATE TABLE contact_import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
        before TEXT,
        PRIMARY KEY (import_id, contact_id)
      ) WITHOUT ROWID`,
    ]);
  },
};
