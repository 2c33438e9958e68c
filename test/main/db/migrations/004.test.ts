import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration004 } from '../../../../src/main/db/migrations/004_strength';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(4));
});
afterEach(async () => {
  await db.destroy();
});

const dirty = () => sqlite.prepare('SELECT interaction_id FROM strength_dirty ORDER BY 1').pluck().all();

describe('migration 004 (strength)', () => {
  it('keeps the journal seeded before it and logs every later change to it', async () => {
    const ada = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ada', ?, ?)`)
      .run(now, now).lastInsertRowid;
    const bo = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Bo', ?, ?)`)
      .run(now, now).lastInsertRowid;
    const insertInteraction = sqlite.prepare(
      `INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('meeting', ?, ?, ?)`,
    );
    const insertParticipant = sqlite.prepare(
      `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)`,
    );
    const before = insertInteraction.run(now, now, now).lastInsertRowid;
    insertParticipant.run(before, ada, now);

    await migration004.up(db);

    expect(sqlite.prepare('SELECT count(*) FROM interaction_participants').pluck().get()).toBe(1);
    expect(dirty()).toEqual([]);

    const after = Number(insertInteraction.run(now, now, now).lastInsertRowid);
    insertParticipant.run(after, ada, now);
    insertParticipant.run(after, bo, now);
    expect(dirty()).toEqual([after]);

    sqlite.prepare('DELETE FROM strength_dirty').run();
    sqlite.prepare(`UPDATE interactions SET initiated_by = 'me' WHERE id = ?`).run(before);
    expect(dirty()).toEqual([Number(before)]);
    sqlite.prepare('DELETE FROM strength_dirty').run();
    // A title edit does not touch any score.
    sqlite.prepare(`UPDATE interactions SET title = 'Lunch' WHERE id = ?`).run(before);
    expect(dirty()).toEqual([]);
    // Deleting a contact removes them from meetings through the cascade, and that is logged too.
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(bo);
    expect(dirty()).toEqual([after]);
    sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(before);
    expect(dirty()).toEqual([Number(before), after]);
  });

  it('stores pins and positions per contact, gone with the contact', async () => {
    await migration004.up(db);
    const ada = sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ada', ?, ?)`)
      .run(now, now).lastInsertRowid;
    sqlite
      .prepare(`INSERT INTO strength_pins (contact_id, layer, pinned_at) VALUES (?, 'inner', ?)`)
      .run(ada, now);
    expect(() =>
      sqlite
        .prepare(`INSERT INTO strength_pins (contact_id, layer, pinned_at) VALUES (?, 'bestie', ?)`)
        .run(ada, now),
    ).toThrow(/CHECK|UNIQUE/);
    sqlite
      .prepare(`INSERT INTO graph_positions (contact_id, x, y, updated_at) VALUES (?, 1.5, -2, ?)`)
      .run(ada, now);
    expect(() =>
      sqlite
        .prepare(`INSERT INTO graph_positions (contact_id, x, y, updated_at) VALUES (999, 0, 0, ?)`)
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(ada);
    expect(sqlite.prepare('SELECT count(*) FROM strength_pins').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM graph_positions').pluck().get()).toBe(0);
  });
});
