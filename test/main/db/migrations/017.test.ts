import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration017 } from '../../../../src/main/db/migrations/017_deleted_imports';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(17));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 017 (imported interactions the user deleted)', () => {
  it('starts empty and holds each key once, with when it was deleted', async () => {
    await migration017.up(db);
    expect(sqlite.prepare('SELECT count(*) FROM deleted_imports').pluck().get()).toBe(0);
    const insert = sqlite.prepare('INSERT INTO deleted_imports (source_key, deleted_at) VALUES (?, ?)');
    insert.run('ics\u001fWork\u001fplan', now);
    // A LinkedIn key has no meeting; a calendar's names it.
    sqlite
      .prepare('UPDATE deleted_imports SET meeting = ? WHERE source_key = ?')
      .run('plan\u001f2025-03-03T10:00:00.000Z', 'ics\u001fWork\u001fplan');
    expect(() => insert.run('ics\u001fWork\u001fplan', now)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(null, now)).toThrow(/NOT NULL/);
    expect(() => insert.run('linkedin-connected:ana', null)).toThrow(/NOT NULL/);
    expect(sqlite.prepare('SELECT source_key, meeting, deleted_at FROM deleted_imports').all()).toEqual([
      {
        source_key: 'ics\u001fWork\u001fplan',
        meeting: 'plan\u001f2025-03-03T10:00:00.000Z',
        deleted_at: now,
      },
    ]);
  });
});
