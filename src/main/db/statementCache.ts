import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Hands Kysely a connection that reuses prepared statements. Kysely prepares every query
 * afresh and better-sqlite3 keeps no cache, so without this SQLite parses and plans the
 * same list query on every keystroke; with it the bridge path costs little more than a
 * hand-written statement. Least recently used statements are dropped past `capacity`.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      // A statement still being iterated (a streamed query) cannot run twice at once.
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
