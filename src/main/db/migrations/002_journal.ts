import { runStatements, type Migration } from './types';

/**
 * The journal: interactions, who took part, their tags, and the imports that created them.
 * `interaction_participants.starts_at` copies the interaction's start so "last contact per
 * person" and a person's timeline are index seeks, not scans of every interaction.
 */
export const migration002: Migration = {
  version: 2,
  name: 'journal',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        stats TEXT NOT NULL DEFAULT '{}',
        started_at TEXT NOT NULL,
        finished_at TEXT,
        undone_at TEXT
      )`,
      `CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('meeting','video','call','coffee','message','email','event','project','note','connected','job_change')),
        title TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        location TEXT,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
        duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
        initiated_by TEXT NOT NULL DEFAULT 'unknown' CHECK (initiated_by IN ('me','them','unknown')),
        source TEXT NOT NULL DEFAULT 'manual',
        import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
        source_key TEXT UNIQUE,
        source_hash TEXT,
        approximate_time INTEGER NOT NULL DEFAULT 0 CHECK (approximate_time IN (0, 1)),
        notes_edited INTEGER NOT NULL DEFAULT 0 CHECK (notes_edited IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_at IS NULL OR ends_at >= starts_at)
      )`,
      `CREATE INDEX interactions_starts ON interactions (starts_at)`,
      `CREATE INDEX interactions_kind ON interactions (kind, starts_at)`,
      `CREATE INDEX interactions_import ON interactions (import_id)`,
      `CREATE TABLE interaction_participants (
        interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('organizer','attendee','participant','mentioned')),
        response TEXT,
        starts_at TEXT NOT NULL,
        PRIMARY KEY (interaction_id, contact_id)
      ) WITHOUT ROWID`,
      `CREATE INDEX participants_contact ON interaction_participants (contact_id, starts_at)`,
      `CREATE TRIGGER interactions_start_moved AFTER UPDATE OF starts_at ON interactions BEGIN
        UPDATE interaction_participants SET starts_at = new.starts_at WHERE interaction_id = new.id;
      END`,
      `CREATE TABLE interaction_tags (
        interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (interaction_id, tag_id)
      ) WITHOUT ROWID`,
      `CREATE INDEX interaction_tags_tag ON interaction_tags (tag_id, interaction_id)`,
      `CREATE VIRTUAL TABLE interactions_fts USING fts5(
        title, notes, location,
        content='interactions', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
      )`,
      `CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
        INSERT INTO interactions_fts (rowid, title, notes, location) VALUES (new.id, new.title, new.notes, new.location);
      END`,
      `CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
        INSERT INTO interactions_fts (interactions_fts, rowid, title, notes, location)
        VALUES ('delete', old.id, old.title, old.notes, old.location);
      END`,
      `CREATE TRIGGER interactions_fts_update AFTER UPDATE OF title, notes, location ON interactions BEGIN
        INSERT INTO interactions_fts (interactions_fts, rowid, title, notes, location)
        VALUES ('delete', old.id, old.title, old.notes, old.location);
        INSERT INTO interactions_fts (rowid, title, notes, location) VALUES (new.id, new.title, new.notes, new.location);
      END`,
    ]);
  },
};
