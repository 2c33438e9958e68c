import { runStatements, type Migration } from './types';

/** Goals can count people in given cities ("meet five people in Berlin this quarter"), as they count organisations. */
export const migration013: Migration = {
  version: 13,
  name: 'goal_cities',
  async up(db) {
    await runStatements(db, [`ALTER TABLE goals ADD COLUMN filter_cities TEXT NOT NULL DEFAULT '[]'`]);
  },
};
