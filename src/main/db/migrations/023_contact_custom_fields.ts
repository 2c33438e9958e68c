import { ftsPendingBytes } from './014_fts_hashsize';
import { runStatements, type Migration } from './types';

const ftsColumns =
  'display_name, given_name, family_name, organisation, title, notes, location, custom_field_values';
const values = (row: 'new' | 'old') =>
  ftsColumns
    .split(', ')
    .map((column) => `${row}.${column}`)
    .join(', ');

/** The contact's field values, in their order, one per line: what the full-text index reads. */
const valuesOf = (contactId: string) =>
  `UPDATE contacts SET custom_field_values = (
     SELECT group_concat(value, char(10)) FROM (
       SELECT value FROM contact_custom_fields WHERE contact_id = ${contactId} ORDER BY position, id
     )
   ) WHERE id = ${contactId};`;

/**
 * Fields of the user's own on a contact ("Team: Platform", "Expertise: Kubernetes"), a label
 * and a value each, in the order the user put them. A label is one per contact: a merge keeps
 * the kept contact's where both have one (its `UPDATE OR IGNORE` leaves the other behind).
 * Their values are searchable with the rest of the contact, so the contacts' full-text index is
 * built again with a column that holds them (FTS5 tables cannot gain one), kept by triggers.
 */
export const migration023: Migration = {
  version: 23,
  name: 'contact_custom_fields',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE contact_custom_fields (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60 AND label = trim(label)),
        value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
        position INTEGER NOT NULL
      )`,
      `CREATE UNIQUE INDEX contact_custom_fields_label ON contact_custom_fields (contact_id, label COLLATE NOCASE)`,
      `ALTER TABLE contacts ADD COLUMN custom_field_values TEXT`,
      `CREATE TRIGGER contact_custom_fields_insert AFTER INSERT ON contact_custom_fields BEGIN
        ${valuesOf('new.contact_id')}
      END`,
      `CREATE TRIGGER contact_custom_fields_delete AFTER DELETE ON contact_custom_fields BEGIN
        ${valuesOf('old.contact_id')}
      END`,
      `CREATE TRIGGER contact_custom_fields_update AFTER UPDATE ON contact_custom_fields BEGIN
        ${valuesOf('old.contact_id')}
        ${valuesOf('new.contact_id')}
      END`,
      `DROP TRIGGER contacts_fts_insert`,
      `DROP TRIGGER contacts_fts_delete`,
      `DROP TRIGGER contacts_fts_update`,
      `DROP TABLE contacts_fts`,
      `CREATE VIRTUAL TABLE contacts_fts USING fts5(
        ${ftsColumns},
        content='contacts', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
      )`,
      `INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('hashsize', ${ftsPendingBytes})`,
      `CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, ${ftsColumns}) VALUES (new.id, ${values('new')});
      END`,
      `CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, ${ftsColumns}) VALUES ('delete', old.id, ${values('old')});
      END`,
      `CREATE TRIGGER contacts_fts_update AFTER UPDATE OF ${ftsColumns} ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, ${ftsColumns}) VALUES ('delete', old.id, ${values('old')});
        INSERT INTO contacts_fts (rowid, ${ftsColumns}) VALUES (new.id, ${values('new')});
      END`,
      `INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')`,
    ]);
  },
};
