import { runStatements, type Migration } from './types';

/**
 * Relationship strength: layer pins, saved graph positions, and a change log that lets the
 * in-memory strength cache catch up with any write to the journal (the app's, an import's or
 * the command line's) without every writer having to know about it.
 */
export const migration004: Migration = {
  version: 4,
  name: 'strength',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE strength_pins (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        layer TEXT NOT NULL CHECK (layer IN ('inner','close','active','known','dormant')),
        pinned_at TEXT NOT NULL
      )`,
      `CREATE TABLE graph_positions (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      // Interactions changed since the strength cache last looked; it empties this as it reads.
      `CREATE TABLE strength_dirty (interaction_id INTEGER PRIMARY KEY)`,
      // Participants are what scores hang on: a new interaction shows up when its people do.
      `CREATE TRIGGER strength_participant_added AFTER INSERT ON interaction_participants BEGIN
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (new.interaction_id);
      END`,
      `CREATE TRIGGER strength_participant_removed AFTER DELETE ON interaction_participants BEGIN
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (old.interaction_id);
      END`,
      `CREATE TRIGGER strength_participant_changed AFTER UPDATE ON interaction_participants BEGIN
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (old.interaction_id);
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (new.interaction_id);
      END`,
      `CREATE TRIGGER strength_interaction_changed
        AFTER UPDATE OF kind, starts_at, ends_at, all_day, duration_minutes, initiated_by ON interactions BEGIN
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (new.id);
      END`,
      `CREATE TRIGGER strength_interaction_removed AFTER DELETE ON interactions BEGIN
        INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (old.id);
      END`,
    ]);
  },
};
