import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration005 } from '../../../../src/main/db/migrations/005_goals';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(5));
});
afterEach(async () => {
  await db.destroy();
});

const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('migration 005 (goals)', () => {
  it('keeps the contacts and journal seeded before it and links goals to them', async () => {
    const ada = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ada', ?, ?)`)
      .run(now, now).lastInsertRowid;
    const meeting = sqlite
      .prepare(
        `INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('coffee', ?, ?, ?)`,
      )
      .run(now, now, now).lastInsertRowid;
    sqlite
      .prepare(
        'INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)',
      )
      .run(meeting, ada, now);

    await migration005.up(db);

    expect([count('contacts'), count('interactions'), count('interaction_participants')]).toEqual([1, 1, 1]);
    const goal = sqlite
      .prepare(
        `INSERT INTO goals (title, start_date, measure, target, created_at, updated_at)
         VALUES ('Coffees', '2026-01-01', 'count', 2, ?, ?)`,
      )
      .run(now, now).lastInsertRowid;
    sqlite.prepare('INSERT INTO goal_contacts (goal_id, contact_id) VALUES (?, ?)').run(goal, ada);
    // The same pair twice is allowed, so a contact merge moving rows can never collide.
    sqlite.prepare('INSERT INTO goal_contacts (goal_id, contact_id) VALUES (?, ?)').run(goal, ada);
    sqlite
      .prepare(
        `INSERT INTO goal_milestones (goal_id, title, contact_id, created_at) VALUES (?, 'Tell Ada', ?, ?)`,
      )
      .run(goal, ada, now);
    sqlite
      .prepare(
        `INSERT INTO goal_checkins (goal_id, occurred_on, amount, created_at) VALUES (?, '2026-01-02', 1, ?)`,
      )
      .run(goal, now);

    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(ada);
    expect(count('goal_contacts')).toBe(0);
    expect(sqlite.prepare('SELECT contact_id FROM goal_milestones').pluck().get()).toBeNull();
    sqlite.prepare('DELETE FROM goals WHERE id = ?').run(goal);
    expect([count('goal_milestones'), count('goal_checkins')]).toEqual([0, 0]);
  });

  it('refuses a target of zero, a due date before the start and unknown statuses', async () => {
    await migration005.up(db);
    const insert = (target: number | null, due: string | null, status = 'active') =>
      sqlite
        .prepare(
          `INSERT INTO goals (title, start_date, due_date, status, measure, target, created_at, updated_at)
           VALUES ('g', '2026-02-01', ?, ?, 'count', ?, ?, ?)`,
        )
        .run(due, status, target, now, now);
    expect(() => insert(0, null)).toThrow(/CHECK/);
    expect(() => insert(2, '2026-01-31')).toThrow(/CHECK/);
    expect(() => insert(2, null, 'forgotten')).toThrow(/CHECK/);
    insert(2, '2026-02-01');
    expect(count('goals')).toBe(1);
  });
});
