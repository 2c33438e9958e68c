import { runStatements, type Migration } from './types';

/**
 * Career and networking goals. Progress is never stored: it is computed from the journal.
 * Only what the journal cannot know is kept: manual check-ins and hand-ticked milestones.
 * `goal_contacts` has its own id (no unique pair) so a contact merge that moves every
 * `contact_id` row to the kept contact can never collide; readers de-duplicate.
 */
export const migration005: Migration = {
  version: 5,
  name: 'goals',
  async up(db) {
    await runStatements(db, [
      `CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        why TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','achieved','paused','dropped')),
        measure TEXT NOT NULL CHECK (measure IN ('count','people','relationship','milestones')),
        target INTEGER CHECK (target IS NULL OR target > 0),
        period TEXT NOT NULL DEFAULT 'month' CHECK (period IN ('week','month','quarter','year','total')),
        people_source TEXT NOT NULL DEFAULT 'interactions' CHECK (people_source IN ('interactions','contacts')),
        target_layer TEXT CHECK (target_layer IS NULL OR target_layer IN ('inner','close','active','known','dormant')),
        filter_kinds TEXT NOT NULL DEFAULT '[]',
        filter_circles TEXT NOT NULL DEFAULT '[]',
        filter_tags TEXT NOT NULL DEFAULT '[]',
        filter_organisations TEXT NOT NULL DEFAULT '[]',
        filter_mode TEXT NOT NULL DEFAULT 'all' CHECK (filter_mode IN ('all','any')),
        template TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (due_date IS NULL OR due_date >= start_date)
      )`,
      `CREATE INDEX goals_status ON goals (status)`,
      `CREATE TABLE goal_contacts (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE
      )`,
      `CREATE INDEX goal_contacts_goal ON goal_contacts (goal_id)`,
      `CREATE INDEX goal_contacts_contact ON goal_contacts (contact_id)`,
      `CREATE TABLE goal_milestones (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        kinds TEXT NOT NULL DEFAULT '[]',
        keyword TEXT,
        done_at TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX goal_milestones_goal ON goal_milestones (goal_id, position)`,
      `CREATE INDEX goal_milestones_contact ON goal_milestones (contact_id)`,
      `CREATE TABLE goal_checkins (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        occurred_on TEXT NOT NULL,
        amount INTEGER NOT NULL DEFAULT 1 CHECK (amount > 0),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX goal_checkins_goal ON goal_checkins (goal_id, occurred_on)`,
    ]);
  },
};
