import { runStatements, type Migration } from './types';

/**
 * When a contact's photo was last set, so the window can keep the photos it has shown and ask
 * again only for one that changed. Photos stored before have none (''): they are as they were.
 */
export const migration019: Migration = {
  version: 19,
  name: 'contact_photo_stamp',
  async up(db) {
    await runStatements(db, [`ALTER TABLE contact_photos ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`]);
  },
};
