import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../support/migrationDb';
import { migration022 } from '../../../../src/main/db/migrations/022_previous_roles_backfill';

let sqlite: BetterSqlite3.Database;
let db: Kysely<unknown>;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(async () => {
  ({ sqlite, db } = await databaseBefore(22));
});
afterEach(async () => {
  await db.destroy();
});

describe('migration 022 (the organisations job changes recorded before 021 ended)', () => {
  it('reads each from its entry, leaves a row already kept as it is, and the rest alone', async () => {
    const entry = (kind: string, title: string) =>
      Number(
        sqlite
          .prepare(
            `INSERT INTO interactions (kind, title, notes, starts_at, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?)`,
          )
          .run(kind, title, now, now, now).lastInsertRowid,
      );
    const moved = entry('job_change', 'Moved from Northwind Traders to Litware Inc.');
    const left = entry('job_change', 'Left Acme');
    const promoted = entry('job_change', 'New position at Globex: CTO');
    entry('job_change', 'New position: CTO');
    entry('coffee', 'Left Acme');
    const kept = entry('job_change', 'Moved from Initech to Contoso');
    sqlite
      .prepare(
        `INSERT INTO previous_roles (interaction_id, organisation, title) VALUES (?, 'Initech', 'Lead')`,
      )
      .run(kept);
    await migration022.up(db);
    expect(sqlite.prepare('SELECT * FROM previous_roles ORDER BY interaction_id').all()).toEqual([
      { interaction_id: moved, organisation: 'Northwind Traders', title: null },
      { interaction_id: left, organisation: 'Acme', title: null },
      { interaction_id: promoted, organisation: 'Globex', title: null },
      { interaction_id: kept, organisation: 'Initech', title: 'Lead' },
    ]);
  });
});
