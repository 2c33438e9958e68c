import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { latestVersion, migrations } from '../../../src/main/db/migrations';
import { AppError } from '../../../src/shared/ipc/envelope';

let dir: string;
let path: string;
const open: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-open-'));
  path = join(dir, 'rapport.sqlite');
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function track(store: Promise<Store>): Promise<Store> {
  const s = await store;
  open.push(s);
  return s;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function pragmas(sqlite: BetterSqlite3.Database) {
  return {
    journal_mode: sqlite.pragma('journal_mode', { simple: true }),
    synchronous: sqlite.pragma('synchronous', { simple: true }),
    foreign_keys: sqlite.pragma('foreign_keys', { simple: true }),
    busy_timeout: sqlite.pragma('busy_timeout', { simple: true }),
    trusted_schema: sqlite.pragma('trusted_schema', { simple: true }),
    temp_store: sqlite.pragma('temp_store', { simple: true }),
  };
}

const expectedPragmas = {
  journal_mode: 'wal',
  synchronous: 2,
  foreign_keys: 1,
  busy_timeout: 5000,
  trusted_schema: 0,
  temp_store: 2,
};

/** Builds a file at `version` by running only the migrations up to it, as an older Rapport would have. */
async function fileAtVersion(file: string, version: number): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  for (const m of migrations.filter((m) => m.version <= version)) await m.up(db);
  sqlite.pragma(`user_version = ${version}`);
  await db.destroy();
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('openStore pragmas', () => {
  it('sets and reads back every pragma on a new file', async () => {
    const store = await track(openStore(path));
    expect(pragmas(store.sqlite)).toEqual(expectedPragmas);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('keeps synchronous at FULL when reopening an existing WAL file', async () => {
    const first = await openStore(path);
    first.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('k', '"v"')`);
    await first.close();
    // A plain reopen of a WAL file comes back at NORMAL (1): the store must raise it again.
    const plain = new BetterSqlite3(path);
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();

    const again = await track(openStore(path));
    expect(pragmas(again.sqlite)).toEqual(expectedPragmas);
    expect(again.sqlite.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('"v"');
  });

  it('opens an in-memory store with the same pragmas, journaling in memory', async () => {
    const store = await track(openStore(':memory:'));
    expect(pragmas(store.sqlite)).toEqual({ ...expectedPragmas, journal_mode: 'memory' });
  });
});

describe('openStore migrations and backups', () => {
  it('writes a verified backup of an older file before migrating it', async () => {
    await fileAtVersion(path, 1);
    const seeded = new BetterSqlite3(path);
    seeded
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)`)
      .run('Old Friend', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
    seeded.close();

    const store = await track(openStore(path, { now: () => new Date('2026-01-02T03:04:05.000Z') }));
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);

    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toEqual(['pre-migration-v1-2026-01-02T03-04-05-000Z.sqlite']);
    const backup = new BetterSqlite3(join(dir, 'backups', backups[0]), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Old Friend']);
    // The backup is the old schema: the journal tables came with the migration, not before it.
    expect(
      backup.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'interactions'`).pluck().get(),
    ).toBe(0);
    backup.close();
  });

  it('writes no backup for a new file or one already at the latest version', async () => {
    await (await openStore(path)).close();
    await track(openStore(path));
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('rolls every pending migration back when one fails, leaving the old version', async () => {
    await fileAtVersion(path, 1);
    // A table the journal migration wants to create makes it fail halfway through.
    const sqlite = new BetterSqlite3(path);
    sqlite.exec('CREATE TABLE interaction_tags (x)');
    sqlite.close();

    const error = await openStore(path).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/interaction_tags/);

    const after = new BetterSqlite3(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    const tables = after.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).not.toContain('imports');
    expect(tables).not.toContain('interactions');
    after.close();
  });
});

describe('openStore refusals', () => {
  it('refuses a newer schema with SCHEMA_TOO_NEW and leaves the file byte-for-byte untouched', async () => {
    const sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('CREATE TABLE future (x)');
    sqlite.pragma('user_version = 999');
    sqlite.close();
    const before = sha256(path);
    const filesBefore = readdirSync(dir).sort();

    const error = await refusal(openStore(path));
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toMatch(/newer Rapport.*999/);

    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file of random bytes with DB_DAMAGED and keeps it in place', async () => {
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
    const before = sha256(path);
    const error = await refusal(openStore(path));
    expect(error.code).toBe('DB_DAMAGED');
    expect(error.message).toMatch(/is damaged.*not an SQLite file.*left it as it is/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['rapport.sqlite']);
  });

  it('refuses a file with a corrupted page with DB_DAMAGED and does not replace it', async () => {
    const store = await openStore(path);
    const insert = store.sqlite.prepare(
      `INSERT INTO contacts (display_name, notes, created_at, updated_at) VALUES (?, ?, 'x', 'x')`,
    );
    store.sqlite.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`Person ${i}`, 'n'.repeat(200));
    })();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();

    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a page in the middle of the contacts table's b-tree.
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0xa5, page * pageSize, (page + 1) * pageSize);
    writeFileSync(path, bytes);
    const before = sha256(path);

    const error = await refusal(openStore(path));
    expect(error.code).toBe('DB_DAMAGED');
    expect(error.message).toMatch(/The database at .*rapport\.sqlite is damaged/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['rapport.sqlite']);
  });

  it('opens a file whose write through a rollback journal was cut off, with that write undone', async () => {
    const seeded = await openStore(path);
    seeded.sqlite
      .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ada', 'x', 'x')`)
      .run();
    await seeded.close();
    // A writer in rollback-journal mode whose cache spills changed pages into the file itself,
    // killed in the middle of its transaction: the file then needs its hot journal played back.
    const writer = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 8');
      db.exec('BEGIN');
      const insert = db.prepare("INSERT INTO contacts (display_name, notes, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
      for (let i = 0; i < 3000; i++) insert.run('Person ' + i, 'n'.repeat(300));
      process.stdout.write('spilled');
      setInterval(() => {}, 1000);`;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', writer], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('spilled')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error('not killed')),
      );
    });
    expect(existsSync(`${path}-journal`)).toBe(true);

    const store = await track(openStore(path));
    expect(store.sqlite.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Ada']);
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(pragmas(store.sqlite)).toEqual(expectedPragmas);
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('refuses a truncated file with DB_DAMAGED', async () => {
    const store = await openStore(path);
    const insert = store.sqlite.prepare(
      `INSERT INTO contacts (display_name, notes, created_at, updated_at) VALUES (?, ?, 'x', 'x')`,
    );
    store.sqlite.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`Person ${i}`, 'n'.repeat(200));
    })();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = sha256(path);

    const error = await refusal(openStore(path));
    expect(error.code).toBe('DB_DAMAGED');
    expect(sha256(path)).toBe(before);
  });
});
