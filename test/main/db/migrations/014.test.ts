import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { ftsPendingBytes, migration014 } from '../../../../src/main/db/migrations/014_fts_hashsize';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(14));
});
afterEach(async () => {
  await db.destroy();
});

const hashsize = (fts: string) =>
  sqlite.prepare(`SELECT v FROM ${fts}_config WHERE k = 'hashsize'`).pluck().get();

describe('migration 014 (full-text pending bytes)', () => {
  it('stores 16 MiB as both indexes’ in-memory limit, and both still index and find what is written', async () => {
    expect(hashsize('interactions_fts')).toBeUndefined();
    expect(hashsize('contacts_fts')).toBeUndefined();

    await migration014.up(db);

    expect(ftsPendingBytes).toBe(16_777_216);
    expect(hashsize('interactions_fts')).toBe(ftsPendingBytes);
    expect(hashsize('contacts_fts')).toBe(ftsPendingBytes);

    // A write of more than FTS5's default 1 MiB of terms in one transaction, then a search.
    const insert = sqlite.prepare(
      `INSERT INTO interactions (kind, title, notes, starts_at, created_at, updated_at) VALUES ('coffee', ?, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`Coffee ${i}`, `word${i} `.repeat(20), now, now, now);
    })();
    sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ana Lima', ?, ?)`)
      .run(now, now);
    const find = (query: string) =>
      sqlite
        .prepare('SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH ?')
        .pluck()
        .get(query);
    expect(find('word19999')).toBe(1);
    expect(find('coffee')).toBe(20_000);
    expect(
      sqlite.prepare(`SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'lima'`).pluck().get(),
    ).toBe(1);
    for (const fts of ['interactions_fts', 'contacts_fts'])
      sqlite.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
  });
});
