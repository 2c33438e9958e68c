import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration024 } from '../../../../src/main/db/migrations/024_important_dates';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(24));
});
afterEach(async () => {
  await db.destroy();
});

const addContact = (name: string) =>
  Number(
    sqlite
      .prepare('INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, now, now).lastInsertRowid,
  );

describe('migration 024 (important dates on a contact)', () => {
  it('leaves the contacts as they were and starts with no dates', async () => {
    const ana = addContact('Ana Lima');
    await migration024.up(db);
    expect(sqlite.prepare('SELECT display_name FROM contacts WHERE id = ?').pluck().get(ana)).toBe(
      'Ana Lima',
    );
    expect(sqlite.prepare('SELECT count(*) FROM contact_important_dates').pluck().get()).toBe(0);
  });

  it('holds one date per label, ignoring case, in the stored forms only, and drops them with the contact', async () => {
    await migration024.up(db);
    const ana = addContact('Ana Lima');
    const date = sqlite.prepare(
      'INSERT INTO contact_important_dates (contact_id, label, date, position) VALUES (?, ?, ?, 0)',
    );
    date.run(ana, 'Work anniversary', '2019-12-03');
    date.run(ana, 'Anniversary', '--06-14');
    expect(() => date.run(ana, 'WORK ANNIVERSARY', '2020-01-01')).toThrow(/UNIQUE/);
    expect(() => date.run(ana, ' Wedding', '2020-01-01')).toThrow(/CHECK/);
    expect(() => date.run(ana, '', '2020-01-01')).toThrow(/CHECK/);
    expect(() => date.run(ana, 'x'.repeat(61), '2020-01-01')).toThrow(/CHECK/);
    for (const bad of ['2020-1-01', '14 June', '20200614', '--6-14', '2020-06-14T00:00']) {
      expect(() => date.run(ana, 'Wedding', bad), bad).toThrow(/CHECK/);
    }
    expect(() => date.run(999, 'Wedding', '2020-01-01')).toThrow(/FOREIGN KEY/);

    const bo = addContact('Bo Chen');
    date.run(bo, 'Work anniversary', '2021-03-01');
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(ana);
    expect(sqlite.prepare('SELECT contact_id, label FROM contact_important_dates').all()).toEqual([
      { contact_id: bo, label: 'Work anniversary' },
    ]);
  });
});
