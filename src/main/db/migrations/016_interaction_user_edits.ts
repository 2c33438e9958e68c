import { runStatements, type Migration } from './types';

/** What a user can change of an imported interaction, besides its notes (`notes_edited`, 002). */
export const userEditedColumns = [
  'kind_edited',
  'title_edited',
  'location_edited',
  'time_edited',
  'initiator_edited',
  'people_edited',
] as const;

/**
 * A calendar import keeps its hands off what the user changed in Rapport. Until now only the
 * notes were marked as the user's: a kind set to "coffee", a corrected time or title, or the
 * people the user said were really there went back to the calendar's the next time a changed
 * export was imported. One flag per part, set by the journal when the user edits an imported
 * entry, read by the import (which then keeps that part) and by its undo.
 */
export const migration016: Migration = {
  version: 16,
  name: 'interaction_user_edits',
  async up(db) {
    await runStatements(
      db,
      userEditedColumns.map(
        (column) =>
          `ALTER TABLE interactions ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`,
      ),
    );
  },
};
