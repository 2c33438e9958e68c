import { runStatements, type Migration } from './types';

/**
 * Job changes the user has seen and will not act on: the dashboard's New jobs and the morning
 * reminder leave them out. The timeline keeps the entry; deleting it takes the dismissal along.
 */
export const migration020: Migration = {
  version: 20,
  name: 'job_change_dismissals',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE job_change_dismissals (
        interaction_id INTEGER PRIMARY KEY REFERENCES interactions (id) ON DELETE CASCADE,
        dismissed_at TEXT NOT NULL
      )`,
    ]);
  },
};
