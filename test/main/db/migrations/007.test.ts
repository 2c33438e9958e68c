import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration007 } from '../../../../src/main/db/migrations/007_journal_extras';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(7));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 007 (journal extras)', () => {
  it('keeps existing contacts and interactions and adds undo snapshots, cadence-off and dismissals', async () => {
    const insert = sqlite.prepare(
      'INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)',
    );
    const a = Number(insert.run('Ana', now, now).lastInsertRowid);
    const b = Number(insert.run('Ana S.', now, now).lastInsertRowid);
    sqlite
      .prepare(
        `INSERT INTO interactions (kind, title, starts_at, created_at, updated_at) VALUES ('coffee', 'Coffee', ?, ?, ?)`,
      )
      .run(now, now, now);

    await migration007.up(db);

    expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(2);
    expect(sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
    sqlite
      .prepare(`INSERT INTO undo_snapshots (kind, payload, created_at) VALUES ('merge', '{}', ?)`)
      .run(now);
    expect(() =>
      sqlite
        .prepare(`INSERT INTO undo_snapshots (kind, payload, created_at) VALUES ('other', '{}', ?)`)
        .run(now),
    ).toThrow(/CHECK/);
    sqlite.prepare('INSERT INTO keep_in_touch_off (contact_id) VALUES (?)').run(a);
    sqlite.prepare('INSERT INTO duplicate_dismissals (low_id, high_id) VALUES (?, ?)').run(a, b);
    expect(() =>
      sqlite.prepare('INSERT INTO duplicate_dismissals (low_id, high_id) VALUES (?, ?)').run(b, a),
    ).toThrow(/CHECK/);
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(a);
    expect(sqlite.prepare('SELECT count(*) FROM keep_in_touch_off').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM duplicate_dismissals').pluck().get()).toBe(0);
  });

  it("backfills each contact's last real contact and keeps it in step on insert, move, delete and mention", async () => {
    const contact = (name: string) =>
      Number(
        sqlite
          .prepare('INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)')
          .run(name, now, now).lastInsertRowid,
      );
    const entry = (startsAt: string) =>
      Number(
        sqlite
          .prepare(
            `INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('call', ?, ?, ?)`,
          )
          .run(startsAt, now, now).lastInsertRowid,
      );
    const join = (i: number, c: number, startsAt: string, role = 'participant') =>
      sqlite
        .prepare(
          'INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, ?, ?)',
        )
        .run(i, c, role, startsAt);
    const ana = contact('Ana');
    const bruno = contact('Bruno');
    const old = entry('2025-01-01T10:00:00Z');
    join(old, ana, '2025-01-01T10:00:00Z');
    join(old, bruno, '2025-01-01T10:00:00Z', 'mentioned');

    await migration007.up(db);
    const last = (id: number) =>
      sqlite.prepare('SELECT last_contact_at FROM contacts WHERE id = ?').pluck().get(id);
    expect(last(ana)).toBe('2025-01-01T10:00:00Z');
    expect(last(bruno)).toBeNull();

    const newer = entry('2025-06-01T10:00:00Z');
    join(newer, ana, '2025-06-01T10:00:00Z');
    join(newer, bruno, '2025-06-01T10:00:00Z', 'mentioned');
    expect(last(ana)).toBe('2025-06-01T10:00:00Z');
    expect(last(bruno)).toBeNull();
    // Moving an entry moves the participants' copy of its start (migration 002's trigger), and so the last contact.
    sqlite.prepare('UPDATE interactions SET starts_at = ? WHERE id = ?').run('2025-03-01T10:00:00Z', newer);
    expect(last(ana)).toBe('2025-03-01T10:00:00Z');
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(newer);
    expect(last(ana)).toBe('2025-01-01T10:00:00Z');
    sqlite
      .prepare(`UPDATE interaction_participants SET role = 'participant' WHERE contact_id = ?`)
      .run(bruno);
    expect(last(bruno)).toBe('2025-01-01T10:00:00Z');
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(old);
    expect(last(ana)).toBeNull();
  });
});
