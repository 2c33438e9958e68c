import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** A digest of every row of every table, so a test can prove a call changed nothing. */
export function contentHash(sqlite: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
      .sort();
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  hash.update(String(sqlite.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

/**
 * The rows a user sees of contacts and meetings, in a stable order: for a test that checks an
 * undo put back what was there. Search-index shadow tables and change logs are left out on purpose.
 */
export function visibleState(sqlite: BetterSqlite3.Database): string {
  const dump = (sql: string) => JSON.stringify(sqlite.prepare(sql).all());
  return [
    dump('SELECT * FROM contacts ORDER BY id'),
    dump('SELECT * FROM contact_emails ORDER BY id'),
    dump('SELECT * FROM interactions ORDER BY id'),
    dump('SELECT * FROM interaction_participants ORDER BY interaction_id, contact_id'),
  ].join('\n');
}
