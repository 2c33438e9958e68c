import { runStatements, type Migration } from './types';

/** Contacts in circles, their emails, phones, links and tags; settings; the user's own addresses. */
export const migration001: Migration = {
  version: 1,
  name: 'contacts',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        given_name TEXT, family_name TEXT, organisation TEXT, title TEXT,
        how_we_met TEXT, notes TEXT,
        cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        snoozed_until TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX contacts_name ON contacts (archived, display_name COLLATE NOCASE)`,
      `CREATE INDEX contacts_org ON contacts (organisation COLLATE NOCASE)`,
      `CREATE TABLE contact_circles (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        circle TEXT NOT NULL CHECK (circle IN ('colleague','mentor','sponsor','mentee','peer','friend','other')),
        PRIMARY KEY (contact_id, circle)
      ) WITHOUT ROWID`,
      `CREATE INDEX contact_circles_circle ON contact_circles (circle, contact_id)`,
      `CREATE TABLE contact_emails (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        email TEXT NOT NULL UNIQUE,
        label TEXT,
        position INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE INDEX contact_emails_contact ON contact_emails (contact_id)`,
      `CREATE TABLE contact_phones (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        phone TEXT NOT NULL, normalized TEXT NOT NULL, label TEXT,
        position INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE INDEX contact_phones_contact ON contact_phones (contact_id)`,
      `CREATE INDEX contact_phones_normalized ON contact_phones (normalized)`,
      `CREATE TABLE contact_links (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('linkedin','x','website','other')),
        url TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE INDEX contact_links_contact ON contact_links (contact_id)`,
      `CREATE INDEX contact_links_url ON contact_links (url)`,
      `CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)`,
      `CREATE TABLE contact_tags (
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, tag_id)
      ) WITHOUT ROWID`,
      `CREATE INDEX contact_tags_tag ON contact_tags (tag_id, contact_id)`,
      `CREATE TABLE relationships (
        id INTEGER PRIMARY KEY,
        from_contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        to_contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
      `CREATE TABLE self_emails (email TEXT PRIMARY KEY) WITHOUT ROWID`,
      // Names, organisation, title and notes, searchable with prefixes, ignoring case and accents.
      `CREATE VIRTUAL TABLE contacts_fts USING fts5(
        display_name, given_name, family_name, organisation, title, notes,
        content='contacts', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
      )`,
      `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, display_name, given_name, family_name, organisation, title, notes)
        VALUES (new.id, new.display_name, new.given_name, new.family_name, new.organisation, new.title, new.notes);
      END`,
      `CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, display_name, given_name, family_name, organisation, title, notes)
        VALUES ('delete', old.id, old.display_name, old.given_name, old.family_name, old.organisation, old.title, old.notes);
      END`,
      `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF display_name, given_name, family_name, organisation, title, notes ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, display_name, given_name, family_name, organisation, title, notes)
        VALUES ('delete', old.id, old.display_name, old.given_name, old.family_name, old.organisation, old.title, old.notes);
        INSERT INTO contacts_fts (rowid, display_name, given_name, family_name, organisation, title, notes)
        VALUES (new.id, new.display_name, new.given_name, new.family_name, new.organisation, new.title, new.notes);
      END`,
    ]);
  },
};
