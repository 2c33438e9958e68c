import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration006 } from '../../../../src/main/db/migrations/006_interop';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(6));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 006 (interop)', () => {
  it('keeps contacts, adds birthdays, photos and the per-import change log', async () => {
    const id = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ana Souza', ?, ?)`)
      .run(now, now).lastInsertRowid;
    await migration006.up(db);

    expect(sqlite.prepare('SELECT display_name, birthday FROM contacts').get()).toEqual({
      display_name: 'Ana Souza',
      birthday: null,
    });
    sqlite.prepare(`UPDATE contacts SET birthday = '--04-15' WHERE id = ?`).run(id);
    sqlite
      .prepare(`INSERT INTO contact_photos (contact_id, mime, data) VALUES (?, 'image/png', x'89504e47')`)
      .run(id);
    const importId = sqlite
      .prepare(
        `INSERT INTO imports (kind, file_name, sha256, started_at) VALUES ('contacts:vcard', 'a.vcf', 'x', ?)`,
      )
      .run(now).lastInsertRowid;
    sqlite
      .prepare(`INSERT INTO contact_import_changes (import_id, contact_id, action) VALUES (?, ?, 'created')`)
      .run(importId, id);
    expect(() =>
      sqlite
        .prepare(`INSERT INTO contact_import_changes (import_id, contact_id, action) VALUES (?, ?, 'merged')`)
        .run(importId, 2),
    ).toThrow(/CHECK/);

    // A deleted contact takes its photo with it; a deleted import its change log.
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    expect(sqlite.prepare('SELECT count(*) FROM contact_photos').pluck().get()).toBe(0);
    sqlite.prepare('DELETE FROM imports WHERE id = ?').run(importId);
    expect(sqlite.prepare('SELECT count(*) FROM contact_import_changes').pluck().get()).toBe(0);
  });
});
