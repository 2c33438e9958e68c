import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration002 } from '../../../../src/main/db/migrations/002_journal';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(2));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 002 (journal)', () => {
  it('keeps contacts seeded at version 1 and links interactions to them', async () => {
    const id = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Kwame Mensah', ?, ?)`)
      .run(now, now).lastInsertRowid;
    sqlite.prepare(`INSERT INTO contact_emails (contact_id, email) VALUES (?, 'kwame@example.org')`).run(id);
    sqlite.prepare(`INSERT INTO tags (name) VALUES ('ghana')`).run();

    await migration002.up(db);

    expect(sqlite.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Kwame Mensah']);
    expect(sqlite.prepare('SELECT email FROM contact_emails').pluck().all()).toEqual(['kwame@example.org']);

    const interaction = sqlite
      .prepare(
        `INSERT INTO interactions (kind, title, starts_at, created_at, updated_at) VALUES ('coffee', 'Catch-up in Accra', ?, ?, ?)`,
      )
      .run('2025-05-01T09:00:00.000Z', now, now).lastInsertRowid;
    sqlite
      .prepare(
        `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)`,
      )
      .run(interaction, id, '2025-05-01T09:00:00.000Z');

    // Moving the interaction moves the participant's copy of its start.
    sqlite
      .prepare(`UPDATE interactions SET starts_at = '2025-05-02T09:00:00.000Z' WHERE id = ?`)
      .run(interaction);
    expect(sqlite.prepare('SELECT starts_at FROM interaction_participants').pluck().get()).toBe(
      '2025-05-02T09:00:00.000Z',
    );
    expect(
      sqlite.prepare(`SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH 'accra'`).pluck().all(),
    ).toEqual([Number(interaction)]);
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('telepathy', ?, ?, ?)`,
        )
        .run(now, now, now),
    ).toThrow(/CHECK/);

    // Deleting the contact removes them from the meeting but keeps the meeting.
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    expect(sqlite.prepare('SELECT count(*) FROM interaction_participants').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
  });
});
