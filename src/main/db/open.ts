import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { AppError } from '../../shared/ipc/envelope';
import { latestVersion, migrations } from './migrations';
import { withStatementCache } from './statementCache';
import type { Database } from './schema';
import { registerSqlFunctions } from './sqlFunctions';

export interface Store {
  /** The file this store lives in. */
  path: string;
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where pre-migration backups go; defaults to `<file's folder>/backups`. */
  backupsDir?: string;
  now?: () => Date;
  /**
   * Migrates a new file only this far: a JSON export is restored into the schema it was
   * written with, then brought up to date by `migrateToLatest` as an old backup would be.
   */
  schemaVersion?: number;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** The pragmas every connection runs with, and what each must read back as. */
const requiredPragmas: Array<[name: string, value: string | number, expected: string | number]> = [
  ['journal_mode', 'WAL', 'wal'],
  // better-sqlite3 reopens WAL files at NORMAL; FULL makes every commit durable.
  ['synchronous', 'FULL', 2],
  ['foreign_keys', 'ON', 1],
  ['busy_timeout', 5000, 5000],
  ['trusted_schema', 'OFF', 0],
  // Statement journals (opened by every write that fires a trigger inside a longer
  // transaction) stay in memory: spilled to temp files they tripled a calendar import's write time.
  ['temp_store', 'MEMORY', 2],
];

function damaged(path: string, why: string): AppError {
  return new AppError(
    'DB_DAMAGED',
    `The database at ${path} is damaged (${why}). Rapport has left it as it is: restore a backup from its backups folder or move the file away.`,
  );
}

/** The first 100 bytes: the SQLite header, which holds user_version at offset 60. */
function readHeader(path: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function tooNew(path: string, fileVersion: number): AppError {
  return new AppError(
    'SCHEMA_TOO_NEW',
    `The database at ${path} was written by a newer Rapport (schema ${fileVersion}; this version knows up to ${latestVersion}). Update Rapport to open it; the file has not been changed.`,
  );
}

/**
 * Reads the schema version without writing a byte, so a refused file stays untouched. A
 * newer file is refused from its header alone: even a read-only SQLite connection to a WAL
 * file creates -wal and -shm files beside it.
 */
function inspectExisting(path: string): number {
  if (statSync(path).size > 0) {
    const header = readHeader(path);
    if (header.toString('latin1', 0, 16) !== SQLITE_HEADER) throw damaged(path, 'not an SQLite file');
    const headerVersion = header.readInt32BE(60);
    if (headerVersion > latestVersion) throw tooNew(path, headerVersion);
  }
  const [wal, shm] = [`${path}-wal`, `${path}-shm`];
  const hadSidecars = existsSync(wal) || existsSync(shm);
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    let check: unknown;
    try {
      check = probe.pragma('quick_check', { simple: true });
    } catch (error) {
      // A write through a rollback journal (a first large import) was cut off: the file is
      // sound once the journal puts back what it held, which takes a connection that may write.
      if ((error as { code?: string }).code !== 'SQLITE_READONLY_ROLLBACK') throw error;
      probe.close();
      rollBackInterruptedWrite(path);
      probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
      check = probe.pragma('quick_check', { simple: true });
    }
    if (check !== 'ok') throw damaged(path, `quick_check: ${String(check)}`);
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(path, (error as Error).message);
  } finally {
    probe?.close();
    // A -wal the probe created and left empty holds nothing, nor does its -shm index: leave
    // the folder as it was found, so a refused file has nothing new beside it.
    if (!hadSidecars && existsSync(wal) && statSync(wal).size === 0) {
      rmSync(wal);
      rmSync(shm, { force: true });
    }
  }
}

/** Opens the file to write, which rolls back a hot journal before anything is read. */
function rollBackInterruptedWrite(path: string): void {
  const writer = new BetterSqlite3(path, { fileMustExist: true });
  try {
    writer.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    writer.close();
  }
}

function backupName(version: number, now: Date): string {
  return `pre-migration-v${version}-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** Copies the database with VACUUM INTO and proves the copy opens clean at the same version. */
export function writeVerifiedBackup(sqlite: BetterSqlite3.Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  sqlite.prepare('VACUUM INTO ?').run(target);
  const copy = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const sourceVersion = sqlite.pragma('user_version', { simple: true });
    const copyVersion = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || copyVersion !== sourceVersion) {
      throw new AppError('INTERNAL', `The backup at ${target} did not verify (${String(check)}).`);
    }
  } finally {
    copy.close();
  }
}

function applyPragmas(sqlite: BetterSqlite3.Database, inMemory: boolean): void {
  for (const [name, value, required] of requiredPragmas) {
    sqlite.pragma(`${name} = ${value}`);
    const actual = sqlite.pragma(name, { simple: true });
    // An in-memory database has no file to journal: SQLite keeps it at 'memory'.
    const expected = inMemory && name === 'journal_mode' ? 'memory' : required;
    if (actual !== expected) {
      throw new AppError('INTERNAL', `Could not set PRAGMA ${name} (it reads ${String(actual)}).`);
    }
  }
}

/**
 * Opens (or creates) the store: refuses damaged or newer files untouched, sets and verifies
 * the pragmas, backs up an existing file before migrating, and runs every pending
 * migration in one transaction.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const inMemory = path === ':memory:';
  const existed = !inMemory && existsSync(path);
  const fileVersion = existed ? inspectExisting(path) : 0;
  if (fileVersion > latestVersion) throw tooNew(path, fileVersion);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  const sqlite = new BetterSqlite3(path);
  try {
    applyPragmas(sqlite, inMemory);
    registerSqlFunctions(sqlite);
    if (fileVersion < latestVersion && existed && fileVersion > 0) {
      const dir = options.backupsDir ?? join(dirname(path), 'backups');
      writeVerifiedBackup(sqlite, join(dir, backupName(fileVersion, now())));
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const store: Store = {
    path,
    sqlite,
    db,
    async close() {
      await db.destroy();
    },
  };
  try {
    await migrate(store, fileVersion, existed ? latestVersion : (options.schemaVersion ?? latestVersion));
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Runs the migrations a store opened at an older `schemaVersion` has not had yet. */
export async function migrateToLatest(store: Store): Promise<void> {
  await migrate(store, store.sqlite.pragma('user_version', { simple: true }) as number, latestVersion);
}

async function migrate(store: Store, fromVersion: number, toVersion: number): Promise<void> {
  const pending = migrations.filter((m) => m.version > fromVersion && m.version <= toVersion);
  if (pending.length === 0) return;
  // Kysely's SQLite adapter does not wrap migrations in a transaction: do it here, all or nothing.
  await store.db.transaction().execute(async (trx) => {
    for (const migration of pending) await migration.up(trx);
    // user_version lives in the file header, so it commits or rolls back with the rest.
    await sql.raw(`PRAGMA user_version = ${pending[pending.length - 1].version}`).execute(trx);
  });
}
