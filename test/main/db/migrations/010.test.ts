import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration010 } from '../../../../src/main/db/migrations/010_follow_ups';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(10));
  sqlite
    .prepare(`INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ana', ?, ?)`)
    .run(now, now);
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 010 (follow-ups)', () => {
  it('keeps a trimmed step with a real day or none, and goes with its contact', async () => {
    await migration010.up(db);
    const insert = sqlite.prepare(
      `INSERT INTO follow_ups (contact_id, text, due_on, created_at) VALUES (?, ?, ?, ?)`,
    );
    insert.run(1, 'Send the deck', '2026-12-01', now);
    insert.run(1, 'Book a coffee', null, now);
    expect(() => insert.run(1, '', null, now)).toThrow(/CHECK/);
    expect(() => insert.run(1, ' padded ', null, now)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'x'.repeat(301), null, now)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'Bad day', '2026-02-30', now)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'Not a day', 'next week', now)).toThrow(/CHECK/);
    expect(() => insert.run(2, 'Nobody', null, now)).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(2);
    sqlite.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(sqlite.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
  });
});
