import { runStatements, type Migration } from './types';

/**
 * Yearly dates of the user's own on a contact beside the birthday ("Work anniversary",
 * "Maya's birthday"), a label and a date each, in the order the user put them. The date is
 * stored as the birthday is: `YYYY-MM-DD`, or `--MM-DD` without the year. A label is one per
 * contact, as a custom field's is: a merge keeps the kept contact's where both have one.
 */
export const migration024: Migration = {
  version: 24,
  name: 'important_dates',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE contact_important_dates (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60 AND label = trim(label)),
        date TEXT NOT NULL CHECK (
          date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' OR date GLOB '--[0-1][0-9]-[0-3][0-9]'
        ),
        position INTEGER NOT NULL
      )`,
      `CREATE UNIQUE INDEX contact_important_dates_label ON contact_important_dates (contact_id, label COLLATE NOCASE)`,
    ]);
  },
};
