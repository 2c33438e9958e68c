import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration018 } from '../../../../src/main/db/migrations/018_saved_view_order';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(18));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 018 (the order of saved views)', () => {
  it('puts the views saved before in the order they were shown, by name whatever its case', async () => {
    const insert = sqlite.prepare(`INSERT INTO saved_views (name, params, created_at) VALUES (?, ?, ?)`);
    for (const name of ['mentors', 'Archive', 'London', 'ärzte']) insert.run(name, 'circle=mentor', now);
    await migration018.up(db);
    expect(sqlite.prepare('SELECT name, position FROM saved_views ORDER BY position').raw().all()).toEqual([
      ['Archive', 0],
      ['London', 1],
      ['mentors', 2],
      ['ärzte', 3],
    ]);
    // A view inserted without a position (the app always gives one) comes first; none is without one.
    insert.run('New', 'city=Lagos', now);
    expect(sqlite.prepare(`SELECT position FROM saved_views WHERE name = 'New'`).pluck().get()).toBe(0);
    expect(() => sqlite.prepare(`UPDATE saved_views SET position = NULL`).run()).toThrow(/NOT NULL/);
  });
});
