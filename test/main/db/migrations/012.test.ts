import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration012 } from '../../../../src/main/db/migrations/012_saved_views';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(12));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 012 (saved views)', () => {
  it('keeps named views, one per name whatever its case', async () => {
    await migration012.up(db);
    const insert = sqlite.prepare(`INSERT INTO saved_views (name, params, created_at) VALUES (?, ?, ?)`);
    insert.run('Mentors in London', 'circle=mentor&city=London', now);
    expect(() => insert.run('mentors in london', 'circle=mentor', now)).toThrow(/UNIQUE/);
    expect(() => insert.run('', 'circle=mentor', now)).toThrow(/CHECK/);
    expect(() => insert.run(' Padded', 'circle=mentor', now)).toThrow(/CHECK/);
    expect(() => insert.run('x'.repeat(61), 'circle=mentor', now)).toThrow(/CHECK/);
    expect(() => insert.run('Empty', '', now)).toThrow(/CHECK/);
    expect(sqlite.prepare('SELECT name FROM saved_views').pluck().all()).toEqual(['Mentors in London']);
  });
});
