import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration023 } from '../../../../src/main/db/migrations/023_contact_custom_fields';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(23));
});
afterEach(async () => {
  await db.destroy();
});

const addContact = (name: string, notes: string | null = null) =>
  Number(
    sqlite
      .prepare('INSERT INTO contacts (display_name, notes, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, notes, now, now).lastInsertRowid,
  );
const found = (query: string) =>
  (
    sqlite
      .prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid')
      .all(query) as Array<{
      rowid: number;
    }>
  ).map((r) => r.rowid);

describe('migration 023 (custom fields on a contact)', () => {
  it('keeps the contacts searchable as before, then finds them by a field value too', async () => {
    const ana = addContact('Ana Lima', 'Met at a platform meetup');
    const bo = addContact('Bo Chen');
    await migration023.up(db);
    expect(found('platform')).toEqual([ana]);
    expect(found('bo')).toEqual([bo]);

    const field = sqlite.prepare(
      'INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES (?, ?, ?, ?)',
    );
    const expertise = Number(field.run(bo, 'Expertise', 'Kubernetes operators', 1).lastInsertRowid);
    field.run(bo, 'Team', 'Platform', 0);
    expect(sqlite.prepare('SELECT custom_field_values FROM contacts WHERE id = ?').pluck().get(bo)).toBe(
      'Platform\nKubernetes operators',
    );
    expect(found('platform')).toEqual([ana, bo]);
    expect(found('kubernetes')).toEqual([bo]);
    // The label is not searched: everyone with a team would match "team".
    expect(found('team')).toEqual([]);

    sqlite.prepare('UPDATE contact_custom_fields SET value = ? WHERE id = ?').run('Helm charts', expertise);
    expect(found('kubernetes')).toEqual([]);
    expect(found('helm')).toEqual([bo]);
    sqlite.prepare('UPDATE contact_custom_fields SET contact_id = ? WHERE id = ?').run(ana, expertise);
    expect(found('helm')).toEqual([ana]);
    expect(sqlite.prepare('SELECT custom_field_values FROM contacts WHERE id = ?').pluck().get(bo)).toBe(
      'Platform',
    );
    sqlite.prepare('DELETE FROM contact_custom_fields WHERE contact_id = ?').run(bo);
    expect(
      sqlite.prepare('SELECT custom_field_values FROM contacts WHERE id = ?').pluck().get(bo),
    ).toBeNull();
    expect(found('platform')).toEqual([ana]);
  });

  it('holds one field per label on a contact, ignoring case, and drops them with the contact', async () => {
    await migration023.up(db);
    const ana = addContact('Ana Lima');
    const bo = addContact('Bo Chen');
    const field = sqlite.prepare(
      'INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES (?, ?, ?, 0)',
    );
    field.run(ana, 'Team', 'Platform');
    field.run(bo, 'Team', 'Payments');
    expect(() => field.run(ana, 'TEAM', 'Search')).toThrow(/UNIQUE/);
    expect(() => field.run(ana, ' Team', 'Search')).toThrow(/CHECK/);
    expect(() => field.run(ana, 'Desk', '')).toThrow(/CHECK/);
    expect(() => field.run(999, 'Desk', '4F')).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(ana);
    expect(sqlite.prepare('SELECT contact_id, value FROM contact_custom_fields').all()).toEqual([
      { contact_id: bo, value: 'Payments' },
    ]);
    expect(found('platform')).toEqual([]);
  });

  it('keeps the full-text index gathering 16 MiB before writing, as migration 014 set', async () => {
    await migration023.up(db);
    expect(sqlite.prepare("SELECT v FROM contacts_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(
      16 * 1024 * 1024,
    );
  });
});
