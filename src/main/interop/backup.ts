import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../db/open';
import { AppError } from '../../shared/ipc/envelope';
import type { BackupInfo, BackupsOverview } from '../../shared/interop/types';
import { syncedFolderProvider } from '../../shared/interop/synced';
import { fsyncPath } from './fsync';
import { backupsToDelete, defaultRotation, type RotationPolicy } from './rotation';

const backupPattern = /^rapport-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function backupFileName(now: Date, reason: string): string {
  const safeReason =
    reason
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'manual';
  return `rapport-${now.toISOString().replace(/[:.]/g, '-')}-${safeReason}.sqlite`;
}

function parseBackupName(name: string): { createdAt: string; reason: string } | null {
  const m = backupPattern.exec(name);
  if (!m) return null;
  return { createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] };
}

/** Opens a copy read-only and checks it is whole; throws with SQLite's own words when it is not. */
export function verifySqliteFile(path: string): { userVersion: number } {
  let copy: BetterSqlite3.Database | undefined;
  try {
    copy = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new AppError('DB_DAMAGED', `${path} failed its integrity check: ${String(check)}`);
    return { userVersion: copy.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'DB_DAMAGED',
      `${path} is not a readable Rapport database: ${(error as Error).message}`,
    );
  } finally {
    copy?.close();
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Copies the live database with SQLite's online backup API (readers and writers may carry
 * on meanwhile) to a temporary name, proves the copy whole with integrity_check, then
 * renames it into place: a backup that exists under its final name is always complete.
 */
export async function createBackup(
  store: Store,
  dir: string,
  reason: string,
  now: Date = new Date(),
  policy: RotationPolicy = defaultRotation,
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  let name = backupFileName(now, reason);
  // Two backups in the same millisecond (tests, a double click) must not overwrite each other.
  for (let i = 1; existsSync(join(dir, name)); i++)
    name = backupFileName(new Date(now.getTime() + i), reason);
  const finalPath = join(dir, name);
  const tmpPath = `${finalPath}.tmp`;
  try {
    await store.sqlite.backup(tmpPath);
    verifySqliteFile(tmpPath);
    fsyncPath(tmpPath);
    renameSync(tmpPath, finalPath);
    fsyncPath(dir);
  } catch (error) {
    removeQuietly(tmpPath);
    removeQuietly(`${tmpPath}-wal`);
    removeQuietly(`${tmpPath}-shm`);
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `The backup could not be written to ${dir}: ${(error as Error).message}`);
  }
  rotateBackups(dir, policy);
  const parsed = parseBackupName(name);
  return {
    name,
    path: finalPath,
    createdAt: parsed?.createdAt ?? now.toISOString(),
    reason: parsed?.reason ?? reason,
    bytes: statSync(finalPath).size,
  };
}

/** Every finished backup in the folder, newest first (temporary and foreign files are ignored). */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    out.push({ name, path, createdAt: parsed.createdAt, reason: parsed.reason, bytes: statSync(path).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Deletes what the policy no longer keeps, and leftovers of backups that were interrupted. */
export function rotateBackups(dir: string, policy: RotationPolicy = defaultRotation): string[] {
  const doomed = backupsToDelete(listBackups(dir), policy);
  for (const name of doomed) removeQuietly(join(dir, name));
  for (const name of readdirSync(dir)) {
    if (/^rapport-.*\.sqlite\.tmp(-wal|-shm)?$/.test(name)) removeQuietly(join(dir, name));
  }
  return doomed;
}

/** At app start: a backup unless one was already taken today (UTC). Returns it, or null. */
export async function autoBackup(
  store: Store,
  dataDir: string,
  now: Date = new Date(),
): Promise<BackupInfo | null> {
  const dir = backupsDir(dataDir);
  const today = now.toISOString().slice(0, 10);
  if (listBackups(dir).some((b) => b.createdAt.slice(0, 10) === today)) return null;
  return createBackup(store, dir, 'daily', now);
}

/** Before an import, a merge or a restore: always a fresh backup, named for its reason. */
export function backupBeforeRiskyChange(
  store: Store,
  dataDir: string,
  reason: string,
  now: Date = new Date(),
): Promise<BackupInfo> {
  return createBackup(store, backupsDir(dataDir), `before-${reason}`, now);
}

export function backupsOverview(dataDir: string): BackupsOverview {
  const dir = backupsDir(dataDir);
  return { dir, backups: listBackups(dir), syncedFolder: syncedFolderProvider(dataDir) };
}

/** Resolves a backup the renderer names to a file inside the backups folder, never elsewhere. */
export function backupPathByName(dataDir: string, name: string): string {
  if (!parseBackupName(name)) throw new AppError('VALIDATION', `${name} is not a Rapport backup name.`);
  const path = join(backupsDir(dataDir), name);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `There is no backup named ${name}.`);
  return path;
}
