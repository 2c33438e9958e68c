import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration001 } from '../../../../src/main/db/migrations/001_contacts';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;

beforeEach(async () => {
  // Version 0 is an empty file: there is nothing to seed before the first migration.
  ({ sqlite, db } = await databaseBefore(1));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 001 (contacts)', () => {
  it('creates the contact tables, cascades deletes and keeps emails unique', async () => {
    await migration001.up(db);
    const now = '2026-01-01T00:00:00.000Z';
    const id = sqlite
      .prepare(
        `INSERT INTO contacts (display_name, organisation, created_at, updated_at) VALUES (?, ?, ?, ?)`,
      )
      .run('Zoë Ångström', 'Nokia', now, now).lastInsertRowid;
    sqlite.prepare(`INSERT INTO contact_circles (contact_id, circle) VALUES (?, 'mentor')`).run(id);
    sqlite.prepare(`INSERT INTO contact_emails (contact_id, email) VALUES (?, 'zoe@nokia.example')`).run(id);
    expect(() =>
      sqlite
        .prepare(`INSERT INTO contact_emails (contact_id, email) VALUES (?, 'zoe@nokia.example')`)
        .run(id),
    ).toThrow(/UNIQUE/);
    expect(() =>
      sqlite.prepare(`INSERT INTO contact_circles (contact_id, circle) VALUES (?, 'enemy')`).run(id),
    ).toThrow(/CHECK/);

    // Search ignores accents and matches prefixes.
    const hits = sqlite
      .prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '"angst"*'`)
      .pluck()
      .all();
    expect(hits).toEqual([Number(id)]);

    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    expect(sqlite.prepare('SELECT count(*) FROM contact_emails').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM contact_circles').pluck().get()).toBe(0);
    expect(
      sqlite.prepare(`SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'zoe'`).pluck().get(),
    ).toBe(0);
  });
});
