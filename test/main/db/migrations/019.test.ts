import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration019 } from '../../../../src/main/db/migrations/019_contact_photo_stamp';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(19));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 019 (when a contact photo was set)', () => {
  it('keeps the photos stored before, stamped as such, and stamps the ones set after', async () => {
    sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ana', ?, ?)`)
      .run(now, now);
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    sqlite.prepare(`INSERT INTO contact_photos (contact_id, mime, data) VALUES (1, 'image/png', ?)`).run(png);
    await migration019.up(db);
    expect(
      sqlite.prepare('SELECT contact_id, mime, data, updated_at FROM contact_photos').raw().all(),
    ).toEqual([[1, 'image/png', png, '']]);
    sqlite.prepare(`UPDATE contact_photos SET updated_at = ? WHERE contact_id = 1`).run(now);
    expect(sqlite.prepare('SELECT updated_at FROM contact_photos').pluck().get()).toBe(now);
    expect(() => sqlite.prepare(`UPDATE contact_photos SET updated_at = NULL`).run()).toThrow(/NOT NULL/);
  });
});
