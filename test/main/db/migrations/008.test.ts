import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration008 } from '../../../../src/main/db/migrations/008_interactions_fts_prefixes';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(8));
});
afterEach(async () => {
  await db.destroy();
});

const search = (query: string) =>
  sqlite
    .prepare('SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(query);

describe('migration 008 (journal full-text prefixes)', () => {
  it('rebuilds the index with one- and two-character prefixes, finding what was there and what comes', async () => {
    const insert = sqlite.prepare(
      `INSERT INTO interactions (kind, title, notes, starts_at, created_at, updated_at) VALUES ('coffee', ?, ?, ?, ?, ?)`,
    );
    const a = Number(
      insert.run('Coffee with Ana', 'Talked about the promotion', now, now, now).lastInsertRowid,
    );
    const b = Number(insert.run('Café in Lisboa', '', now, now, now).lastInsertRowid);

    await migration008.up(db);

    const definition = sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'interactions_fts'`)
      .pluck()
      .get() as string;
    expect(definition).toContain(`prefix='1 2'`);
    expect(search('"c"*')).toEqual([a, b]);
    expect(search('"caf"*')).toEqual([b]);
    expect(search('"promo"*')).toEqual([a]);
    expect(
      sqlite.prepare(`INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')`).run(),
    ).toBeTruthy();
    // The triggers of 002 still keep it current.
    const c = Number(insert.run('Mentoring call', '', now, now, now).lastInsertRowid);
    expect(search('"me"*')).toEqual([c]);
    sqlite.prepare(`UPDATE interactions SET title = 'Sponsor lunch' WHERE id = ?`).run(a);
    expect(search('"coffee"*')).toEqual([]);
    expect(search('"sp"*')).toEqual([a]);
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(b);
    expect(search('"lisboa"*')).toEqual([]);
  });
});
