import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration015 } from '../../../../src/main/db/migrations/015_import_changes_deleted';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(15));
  sqlite
    .prepare(
      `INSERT INTO imports (id, kind, file_name, sha256, stats, started_at) VALUES (1, 'ics', 'a.ics', 'x', '{}', ?)`,
    )
    .run(now);
  const record = sqlite.prepare(
    `INSERT INTO import_changes (import_id, entity, entity_id, action, before) VALUES (1, ?, ?, ?, ?)`,
  );
  record.run('interaction', 7, 'created', null);
  record.run('interaction', 8, 'updated', '{"title":"Lunch"}');
  record.run('contact', 3, 'created', null);
});
afterEach(async () => {
  await db.destroy();
});

const rows = () =>
  sqlite
    .prepare(
      'SELECT import_id, entity, entity_id, action, before FROM import_changes ORDER BY entity, entity_id',
    )
    .raw(true)
    .all();

describe('migration 015 (import changes can be deletions)', () => {
  it('keeps every recorded change, takes deletions, and still refuses other actions and entities', async () => {
    const insertDeleted = () =>
      sqlite
        .prepare(
          `INSERT INTO import_changes (import_id, entity, entity_id, action, before) VALUES (1, 'interaction', 9, 'deleted', '{}')`,
        )
        .run();
    expect(insertDeleted).toThrow(/CHECK/);
    const before = rows();

    await migration015.up(db);

    expect(rows()).toEqual(before);
    insertDeleted();
    expect(rows()).toContainEqual([1, 'interaction', 9, 'deleted', '{}']);
    const insert = sqlite.prepare(
      `INSERT INTO import_changes (import_id, entity, entity_id, action) VALUES (1, ?, 10, ?)`,
    );
    expect(() => insert.run('interaction', 'moved')).toThrow(/CHECK/);
    expect(() => insert.run('goal', 'created')).toThrow(/CHECK/);
    // Deleting an import still takes its change log with it.
    sqlite.prepare('DELETE FROM imports WHERE id = 1').run();
    expect(rows()).toEqual([]);
  });
});
