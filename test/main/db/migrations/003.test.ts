import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration003 } from '../../../../src/main/db/migrations/003_calendar';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(3));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 003 (calendar)', () => {
  it('keeps imports seeded before it and records changes that go with their import', async () => {
    const importId = sqlite
      .prepare(`INSERT INTO imports (kind, file_name, sha256, started_at) VALUES ('ics', 'a.ics', 'x', ?)`)
      .run(now).lastInsertRowid;
    const interaction = sqlite
      .prepare(
        `INSERT INTO interactions (kind, starts_at, source, import_id, source_key, created_at, updated_at)
         VALUES ('meeting', ?, 'ics', ?, 'k1', ?, ?)`,
      )
      .run(now, importId, now, now).lastInsertRowid;

    await migration003.up(db);

    expect(sqlite.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    expect(sqlite.prepare('SELECT import_id FROM interactions').pluck().get()).toBe(importId);
    const record = sqlite.prepare(
      `INSERT INTO import_changes (import_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?)`,
    );
    record.run(importId, 'interaction', interaction, 'updated', '{}');
    expect(() => record.run(importId, 'interaction', interaction, 'updated', '{}')).toThrow(/UNIQUE/);
    expect(() => record.run(importId, 'person', 1, 'created', null)).toThrow(/CHECK/);
    expect(() => record.run(999, 'contact', 1, 'created', null)).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM imports').run();
    expect(sqlite.prepare('SELECT count(*) FROM import_changes').pluck().get()).toBe(0);
  });
});
