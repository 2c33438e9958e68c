import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration009 } from '../../../../src/main/db/migrations/009_relationships';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(9));
  const contact = sqlite.prepare(
    `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  );
  for (const [id, name] of [
    [1, 'Ana'],
    [2, 'Ben'],
    [3, 'Cy'],
  ] as const)
    contact.run(id, name, now, now);
});
afterEach(async () => {
  await db.destroy();
});

const rows = () =>
  sqlite
    .prepare('SELECT id, from_contact_id AS f, to_contact_id AS t, kind, note FROM relationships ORDER BY id')
    .all();

describe('migration 009 (relationships between contacts)', () => {
  it('keeps known relationships, folds duplicates, drops self-links and reads unknown kinds as "knows"', async () => {
    const insert = sqlite.prepare(
      `INSERT INTO relationships (id, from_contact_id, to_contact_id, kind, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    insert.run(1, 1, 2, 'reports_to', now);
    insert.run(2, 1, 2, 'reports_to', now); // the same again
    insert.run(3, 2, 2, 'knows', now); // to themself
    insert.run(4, 3, 1, 'works_with', now); // symmetric, higher id first
    insert.run(5, 1, 3, 'works_with', now); // the same pair the other way
    insert.run(6, 3, 2, 'cousin of', now); // a kind this version does not know

    await migration009.up(db);

    expect(rows()).toEqual([
      { id: 1, f: 1, t: 2, kind: 'reports_to', note: '' },
      { id: 4, f: 1, t: 3, kind: 'works_with', note: '' },
      { id: 6, f: 2, t: 3, kind: 'knows', note: '' },
    ]);
  });

  it('refuses what the rules forbid, a reversed symmetric pair included, and still cascades with contacts', async () => {
    await migration009.up(db);
    const insert = sqlite.prepare(
      `INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at) VALUES (?, ?, ?, ?)`,
    );
    insert.run(1, 2, 'introduced_by', now);
    insert.run(2, 1, 'introduced_by', now); // not symmetric: Ana introduced Ben is another fact
    insert.run(3, 1, 'knows', now);
    expect(() => insert.run(1, 3, 'knows', now)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 2, 'introduced_by', now)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 1, 'knows', now)).toThrow(/CHECK/);
    expect(() => insert.run(1, 2, 'boss', now)).toThrow(/CHECK/);
    expect(() => insert.run(1, 99, 'knows', now)).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM contacts WHERE id = 3').run();
    expect(rows()).toHaveLength(2);
    expect(
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relationships' ORDER BY name`,
        )
        .pluck()
        .all(),
    ).toEqual(['relationships_symmetric_pair', 'relationships_to', 'sqlite_autoindex_relationships_1']);
  });
});
