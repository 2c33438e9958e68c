import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from '../../src/main/db/migrations';

export interface MigrationDb {
  sqlite: BetterSqlite3.Database;
  db: Kysely<unknown>;
}

/**
 * An in-memory database just before migration `version`: every earlier migration applied,
 * that one and the later ones not, so a test can seed data at N-1 and check it after N.
 */
export async function databaseBefore(version: number): Promise<MigrationDb> {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  for (const m of migrations.filter((m) => m.version < version)) await m.up(db);
  return { sqlite, db };
}

/** Writes a job change entry (migration 002's columns) at `at`, and gives its id. */
export function insertJobChangeEntry(sqlite: BetterSqlite3.Database, at: string): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO interactions (kind, title, notes, starts_at, created_at, updated_at)
         VALUES ('job_change', 'Moved from Acme to Globex', '', ?, ?, ?)`,
      )
      .run(at, at, at).lastInsertRowid,
  );
}
