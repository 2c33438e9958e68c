import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration011 } from '../../../../src/main/db/migrations/011_contact_location';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(11));
  const insert = sqlite.prepare(
    `INSERT INTO contacts (id, display_name, organisation, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  insert.run(1, 'Ana Souza', 'Granite Systems', now, now);
  insert.run(2, 'Tomás Ruiz', 'Lisbon Labs', now, now);
});
afterEach(async () => {
  await db.destroy();
});

const search = (match: string) =>
  sqlite
    .prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid`)
    .pluck()
    .all(match);

describe('migration 011 (contact location)', () => {
  it('adds a trimmed location, and the search index keeps what it had and learns the new column', async () => {
    await migration011.up(db);
    expect(sqlite.prepare('SELECT location FROM contacts').pluck().all()).toEqual([null, null]);
    // Rows from before the migration are still found by what they held.
    expect(search('granite')).toEqual([1]);
    expect(search('lisbon')).toEqual([2]);

    const setLocation = sqlite.prepare('UPDATE contacts SET location = ? WHERE id = ?');
    setLocation.run('Berlin, Germany', 1);
    expect(search('berlin')).toEqual([1]);
    expect(search('location : lisbon')).toEqual([]);
    setLocation.run('Lisboa, Portugal', 2);
    expect(search('location : lisb*')).toEqual([2]);
    setLocation.run('Porto', 2);
    expect(search('lisboa')).toEqual([]);
    expect(search('porto')).toEqual([2]);

    expect(() => setLocation.run('', 1)).toThrow(/CHECK/);
    expect(() => setLocation.run(' Berlin', 1)).toThrow(/CHECK/);
    expect(() => setLocation.run('x'.repeat(201), 1)).toThrow(/CHECK/);

    sqlite
      .prepare(
        `INSERT INTO contacts (id, display_name, location, created_at, updated_at) VALUES (3, 'Mei', 'Zürich', ?, ?)`,
      )
      .run(now, now);
    expect(search('zurich')).toEqual([3]);
    sqlite.prepare('DELETE FROM contacts WHERE id = 3').run();
    expect(search('zurich')).toEqual([]);
    // FTS5 throws when the index and the table disagree.
    expect(() =>
      sqlite.prepare(`INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')`).run(),
    ).not.toThrow();
  });
});
