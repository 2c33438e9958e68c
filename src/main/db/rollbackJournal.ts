import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs `write` with the database in rollback-journal mode, then puts WAL back. For a large
 * write into a database much smaller than it (a restore into an empty file, a first calendar
 * import): the journal keeps only the few pages that existed and every new page is written
 * once, where the WAL writes it twice (into the log, then into the file when the log is
 * checkpointed at the end of the commit). Leaving WAL needs the file to itself: when another
 * connection holds it, the write goes through the WAL as always, without waiting for it.
 */
export function withRollbackJournal<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  if (sqlite.inTransaction || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return write();
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  let switched = false;
  try {
    sqlite.pragma('busy_timeout = 0');
    switched = sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    // Another connection holds the file (SQLITE_BUSY): the WAL it is.
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
  try {
    return write();
  } finally {
    if (switched) sqlite.pragma('journal_mode = WAL');
  }
}
