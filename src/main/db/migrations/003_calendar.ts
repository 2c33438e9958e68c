import { runStatements, type Migration } from './types';

/**
 * What each import changed, so "undo this import" can remove exactly what it created and put
 * back what it updated. Interactions an import created are already marked by
 * `interactions.import_id`; this records the contacts it created and the prior state of
 * every interaction it updated (`before`, JSON), which `import_id` cannot express.
 */
export const migration003: Migration = {
  version: 3,
  name: 'calendar',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        entity TEXT NOT NULL CHECK (entity IN ('interaction','contact')),
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created','updated')),
        before TEXT,
        PRIMARY KEY (import_id, entity, entity_id)
      ) WITHOUT ROWID`,
      `CREATE INDEX imports_kind ON imports (kind, started_at)`,
    ]);
  },
};
