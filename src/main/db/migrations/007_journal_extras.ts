import { runStatements, type Migration } from './types';

/**
 * What the journal needs beyond 002: undo snapshots (a deleted interaction, a merge),
 * contacts the user never wants reminded about ("none" cadence: a NULL cadence_days means
 * "use the circle default"), pairs the user said are not duplicates, and each contact's last real contact.
 */
export const migration007: Migration = {
  version: 7,
  name: 'journal_extras',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE undo_snapshots (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('interaction_delete','merge')),
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE keep_in_touch_off (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE
      ) WITHOUT ROWID`,
      `CREATE TABLE duplicate_dismissals (
        low_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        high_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        PRIMARY KEY (low_id, high_id),
        CHECK (low_id < high_id)
      ) WITHOUT ROWID`,
      // The last real contact (mentions excluded) per person, kept by triggers, so the Reconnect
      // queue reads one row per contact instead of seeking into the participants index 10,000 times.
      // It may lie in the future (a planned meeting); readers then look up the last one up to now.
      `ALTER TABLE contacts ADD COLUMN last_contact_at TEXT`,
      `CREATE INDEX participants_contact_present ON interaction_participants (contact_id, starts_at)
        WHERE role != 'mentioned'`,
      `UPDATE contacts SET last_contact_at = (SELECT max(starts_at) FROM interaction_participants p
        WHERE p.contact_id = contacts.id AND p.role != 'mentioned')`,
      `CREATE TRIGGER participants_last_contact_insert AFTER INSERT ON interaction_participants
        WHEN new.role != 'mentioned' BEGIN
        UPDATE contacts SET last_contact_at = new.starts_at
          WHERE id = new.contact_id AND (last_contact_at IS NULL OR last_contact_at < new.starts_at);
      END`,
      `CREATE TRIGGER participants_last_contact_delete AFTER DELETE ON interaction_participants
        WHEN old.role != 'mentioned' BEGIN
        UPDATE contacts SET last_contact_at = (SELECT max(starts_at) FROM interaction_participants p
          WHERE p.contact_id = old.contact_id AND p.role != 'mentioned')
          WHERE id = old.contact_id AND last_contact_at = old.starts_at;
      END`,
      `CREATE TRIGGER participants_last_contact_update AFTER UPDATE OF contact_id, role, starts_at
        ON interaction_participants BEGIN
        UPDATE contacts SET last_contact_at = (SELECT max(starts_at) FROM interaction_participants p
          WHERE p.contact_id = old.contact_id AND p.role != 'mentioned') WHERE id = old.contact_id;
        UPDATE contacts SET last_contact_at = (SELECT max(starts_at) FROM interaction_participants p
          WHERE p.contact_id = new.contact_id AND p.role != 'mentioned') WHERE id = new.contact_id;
      END`,
    ]);
  },
};
