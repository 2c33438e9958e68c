import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore, insertJobChangeEntry } from '../../../support/migrationDb';
import { migration021 } from '../../../../src/main/db/migrations/021_previous_roles';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(21));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 021 (the role a job change ended)', () => {
  it('keeps one role per job change, either part unknown, gone with the entry', async () => {
    const entry = () => insertJobChangeEntry(sqlite, now);
    const before = entry();
    await migration021.up(db);
    const after = entry();
    const keep = sqlite.prepare(
      'INSERT INTO previous_roles (interaction_id, organisation, title) VALUES (?, ?, ?)',
    );
    keep.run(before, 'Acme', null);
    keep.run(after, null, 'CTO');
    expect(() => keep.run(before, 'Acme', 'CTO')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => keep.run(999, 'Acme', null)).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(before);
    expect(sqlite.prepare('SELECT * FROM previous_roles').all()).toEqual([
      { interaction_id: after, organisation: null, title: 'CTO' },
    ]);
  });
});
