import { runStatements, type Migration } from './types';

const ftsColumns = 'display_name, given_name, family_name, organisation, title, notes, location';
const newValues =
  'new.display_name, new.given_name, new.family_name, new.organisation, new.title, new.notes, new.location';
const oldValues =
  'old.display_name, old.given_name, old.family_name, old.organisation, old.title, old.notes, old.location';

/**
 * Where a contact lives or works ("Berlin, Germany"), free text as people write it: the part
 * before the first comma is read as the city, which the list filters by ("who do I know in
 * Lisbon?"). Searchable like the other fields, so the contacts' full-text index is built again
 * with the column (FTS5 tables cannot gain one) and its triggers with it.
 */
export const migration011: Migration = {
  version: 11,
  name: 'contact_location',
  async up(db) {
    await runStatements(db, [
      `ALTER TABLE contacts ADD COLUMN location TEXT CHECK (location IS NULL OR (length(location) BETWEEN 1 AND 200 AND location = trim(location)))`,
      `DROP TRIGGER contacts_fts_insert`,
      `DROP TRIGGER contacts_fts_delete`,
      `DROP TRIGGER contacts_fts_update`,
      `DROP TABLE contacts_fts`,
      `CREATE VIRTUAL TABLE contacts_fts USING fts5(
        ${ftsColumns},
        content='contacts', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
      )`,
      `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, ${ftsColumns}) VALUES (new.id, ${newValues});
      END`,
      `CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, ${ftsColumns}) VALUES ('delete', old.id, ${oldValues});
      END`,
      `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF ${ftsColumns} ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, ${ftsColumns}) VALUES ('delete', old.id, ${oldValues});
        INSERT INTO contacts_fts (rowid, ${ftsColumns}) VALUES (new.id, ${newValues});
      END`,
      `INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')`,
    ]);
  },
};
