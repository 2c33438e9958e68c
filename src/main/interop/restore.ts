import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { migrateToLatest, openStore, type Store } from '../db/open';
import { latestVersion } from '../db/migrations';
import { AppError } from '../../shared/ipc/envelope';
import type { RestoreOutcome } from '../../shared/interop/types';
import { backupBeforeRiskyChange, verifySqliteFile } from './backup';
import { fsyncPath } from './fsync';
import { readJsonExport, restoreJsonExport } from './jsonExport';

/**
 * Whatever holds the open store. Handlers read `ctx.store` on every call, so swapping the
 * field is enough for every later call to see the restored database.
 */
export interface StoreHolder {
  store: Store;
}

function isSqliteFile(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Builds the replacement file next to the live one, complete and verified, before anything is touched. */
async function prepareReplacement(source: string, tmp: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeIfPresent(`${tmp}${suffix}`);
  if (isSqliteFile(source)) {
    const { userVersion } = verifySqliteFile(source);
    if (userVersion > latestVersion) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `${basename(source)} was written by a newer Rapport (schema ${userVersion}); update Rapport to restore it.`,
      );
    }
    copyFileSync(source, tmp);
  } else {
    const doc = readJsonExport(source);
    // An older export's rows go into the schema they were written in; the later migrations
    // then change them (backfills, moved columns) as they would an old backup's.
    const fresh = await openStore(tmp, { schemaVersion: doc.schemaVersion });
    try {
      restoreJsonExport(fresh.sqlite, doc);
      await migrateToLatest(fresh);
    } finally {
      // Closing the last connection checkpoints the WAL into the file and deletes it.
      await fresh.close();
    }
  }
  verifySqliteFile(tmp);
  fsyncPath(tmp);
}

/**
 * Replaces the live database with a backup (an SQLite file) or a JSON export, so that a
 * crash at any moment leaves either the old database or the new one, whole:
 * 1. the replacement is built and verified under a temporary name;
 * 2. the current state is backed up (the restore can itself be undone);
 * 3. the live store is checkpointed completely and closed, so its -wal holds nothing;
 * 4. stale -wal/-shm files are removed (a leftover WAL would be replayed onto the new file);
 * 5. the replacement is renamed over the live file (atomic) and the folder synced;
 * 6. the store is reopened (migrating an older backup) and put back in the holder.
 */
export async function restoreFromFile(
  holder: StoreHolder,
  dataDir: string,
  source: string,
  now: Date = new Date(),
): Promise<RestoreOutcome> {
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `There is no file at ${source}.`);
  const livePath = holder.store.path;
  if (livePath === ':memory:')
    throw new AppError('VALIDATION', 'An in-memory database cannot be restored into.');
  const tmp = `${livePath}.restore-tmp`;
  try {
    await prepareReplacement(source, tmp);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) removeIfPresent(`${tmp}${suffix}`);
    throw error;
  }

  const safety = await backupBeforeRiskyChange(holder.store, dataDir, 'restore', now);
  const checkpoint = holder.store.sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (checkpoint[0]?.busy) {
    removeIfPresent(tmp);
    throw new AppError('CONFLICT', 'The database is busy; try the restore again in a moment.');
  }
  await holder.store.close();
  try {
    removeIfPresent(`${livePath}-wal`);
    removeIfPresent(`${livePath}-shm`);
    renameSync(tmp, livePath);
    fsyncPath(dirname(livePath));
  } finally {
    // Reopen whatever is in place now, so the app never runs on without a store.
    holder.store = await openStore(livePath);
  }
  return { restoredFrom: source, safetyBackup: safety.path };
}
