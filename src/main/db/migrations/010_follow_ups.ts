import { runStatements, type Migration } from './types';

/**
 * Follow-ups: the next step with one person ("send Ana the deck", "ask Tomás about the
 * staff role"), with an optional due date (a local calendar day) and the moment it was done.
 * Open ones are read across all contacts by due date for the dashboard, hence the partial index.
 */
export const migration010: Migration = {
  version: 10,
  name: 'follow_ups',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 300 AND text = trim(text)),
        due_on TEXT CHECK (due_on IS NULL OR (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due_on) = due_on)),
        done_at TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX follow_ups_contact ON follow_ups (contact_id, done_at)`,
      `CREATE INDEX follow_ups_open ON follow_ups (due_on, id) WHERE done_at IS NULL`,
    ]);
  },
};
