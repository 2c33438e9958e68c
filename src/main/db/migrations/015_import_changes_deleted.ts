import { runStatements, type Migration } from './types';

/**
 * A calendar import can take back an interaction it imported before (the meeting was cancelled
 * or declined since), keeping the whole row in `before` for undo: the change log learns the
 * action 'deleted'. SQLite cannot change a CHECK in place, so the table is copied into a new one.
 */
export const migration015: Migration = {
  version: 15,
  name: 'import_changes_deleted',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE import_changes_new (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        entity TEXT NOT NULL CHECK (entity IN ('interaction','contact')),
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created','updated','deleted')),
        before TEXT,
        PRIMARY KEY (import_id, entity, entity_id)
      ) WITHOUT ROWID`,
      `INSERT INTO import_changes_new (import_id, entity, entity_id, action, before)
       SELECT import_id, entity, entity_id, action, before FROM import_changes`,
      `DROP TABLE import_changes`,
      `ALTER TABLE import_changes_new RENAME TO import_changes`,
    ]);
  },
};
