import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import {
  migration016,
  userEditedColumns,
} from '../../../../src/main/db/migrations/016_interaction_user_edits';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(16));
  const insert = sqlite.prepare(
    `INSERT INTO interactions (id, kind, title, notes, starts_at, source, source_key, notes_edited, created_at, updated_at)
     VALUES (?, 'meeting', ?, ?, ?, 'ics', ?, ?, ?, ?)`,
  );
  insert.run(1, 'Planning', 'Mine', '2025-03-03T10:00:00.000Z', 'Work#plan', 1, now, now);
  insert.run(2, 'Sync', '', '2025-03-04T10:00:00.000Z', 'Work#sync', 0, now, now);
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 016 (what the user changed of an imported interaction)', () => {
  it('adds a clear flag per part to every interaction, keeps the notes flag, and takes only 0 or 1', async () => {
    await migration016.up(db);
    const rows = sqlite
      .prepare(`SELECT id, notes_edited, ${userEditedColumns.join(', ')} FROM interactions ORDER BY id`)
      .all();
    expect(rows).toEqual([
      { id: 1, notes_edited: 1, ...Object.fromEntries(userEditedColumns.map((c) => [c, 0])) },
      { id: 2, notes_edited: 0, ...Object.fromEntries(userEditedColumns.map((c) => [c, 0])) },
    ]);
    for (const column of userEditedColumns) {
      sqlite.prepare(`UPDATE interactions SET ${column} = 1 WHERE id = 2`).run();
      expect(() => sqlite.prepare(`UPDATE interactions SET ${column} = 2 WHERE id = 2`).run()).toThrow(
        /CHECK/,
      );
    }
    expect(
      sqlite
        .prepare(`SELECT ${userEditedColumns.join(' + ')} FROM interactions WHERE id = 2`)
        .pluck()
        .get(),
    ).toBe(6);
  });
});
