import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore, insertJobChangeEntry } from '../../../support/migrationDb';
import { migration020 } from '../../../../src/main/db/migrations/020_job_change_dismissals';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(20));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 020 (job changes dismissed from New jobs)', () => {
  it('keeps one dismissal per job change, gone with the entry it names', async () => {
    const entry = () => insertJobChangeEntry(sqlite, now);
    const before = entry();
    await migration020.up(db);
    const after = entry();
    const dismiss = sqlite.prepare(
      'INSERT INTO job_change_dismissals (interaction_id, dismissed_at) VALUES (?, ?)',
    );
    dismiss.run(before, now);
    dismiss.run(after, now);
    expect(() => dismiss.run(before, now)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => dismiss.run(999, now)).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(before);
    expect(sqlite.prepare('SELECT interaction_id FROM job_change_dismissals').pluck().all()).toEqual([after]);
  });
});
