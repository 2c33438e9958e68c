import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration013 } from '../../../../src/main/db/migrations/013_goal_cities';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(13));
  sqlite
    .prepare(
      `INSERT INTO goals (title, start_date, measure, period, created_at, updated_at)
       VALUES ('Meet a mentor a month', '2026-01-01', 'count', 'month', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run();
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 013 (goal cities)', () => {
  it('gives every goal, old and new, an empty list of cities', async () => {
    await migration013.up(db);
    expect(sqlite.prepare('SELECT filter_cities FROM goals').pluck().all()).toEqual(['[]']);
    sqlite.prepare(`UPDATE goals SET filter_cities = '["Berlin"]'`).run();
    expect(sqlite.prepare('SELECT filter_cities FROM goals').pluck().get()).toBe('["Berlin"]');
  });
});
