import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { backupsDir, createBackup } from '../../../src/main/interop/backup';
import { readContactsFile } from '../../../src/main/interop/read';
import { linkedInCsv } from './generate';
import { seedNetwork } from './seed';

/**
 * Crash safety, shown: a child process imports 10,000 contacts (or restores a backup) and
 * is killed with SIGKILL at a random moment, 50 times each. Every time the database must
 * pass integrity_check and hold all or nothing of the operation.
 */
const childSource = join(__dirname, 'crashChild.ts');
let child: string;
const runs = 50;
const parallel = 4;
let root: string;
let template: string;
let csv: string;
let backupFile: string;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  finished: boolean;
  killed: boolean;
  ms: number;
}

/** Starts the child; `killAfter` ms after it says "ready" it is killed (never, when null). */
function runChild(args: string[], killAfter: number | null): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let readyAt = 0;
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (readyAt === 0 && out.includes('ready')) {
        readyAt = performance.now();
        if (killAfter !== null) setTimeout(() => proc.kill('SIGKILL'), killAfter);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else
        resolve({
          finished: out.includes('done'),
          killed: signal === 'SIGKILL',
          ms: performance.now() - (readyAt || started),
        });
    });
  });
}

async function inBatches<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += parallel) {
    results.push(
      ...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => task(i + k)))),
    );
  }
  return results;
}

/** Integrity, and a fingerprint of everything an import or a restore touches. */
function inspect(path: string): { integrity: unknown; fingerprint: string } {
  const db = new BetterSqlite3(path);
  try {
    const counts = [
      'contacts',
      'contact_emails',
      'contact_links',
      'contact_circles',
      'tags',
      'imports',
      'interactions',
    ].map((t) => `${t}=${String(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get())}`);
    const titles = db
      .prepare(`SELECT group_concat(coalesce(title, ''), '|') FROM contacts`)
      .pluck()
      .get() as string;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      fingerprint: `${counts.join(' ')} titles#${titles.length}`,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
  // One bundled file starts in a fraction of the time tsx needs to load the sources, so
  // 50 kills fit in seconds; the code in it is the app's own, unchanged.
  child = join(__dirname, '../../../node_modules/.cache/rapport-crash-child.mjs');
  buildSync({
    entryPoints: [childSource],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  template = join(root, 'template.sqlite');
  const store = await openStore(template);
  seedNetwork(store, 40, 2);
  // The backup to restore differs from the live database in every table that matters.
  const other = await openStore(join(root, 'other.sqlite'));
  seedNetwork(other, 1000, 5);
  other.sqlite.prepare(`INSERT INTO tags (name) VALUES ('only-in-backup')`).run();
  backupFile = (await createBackup(other, backupsDir(root), 'manual')).path;
  await other.close();
  await store.close();
  csv = join(root, 'Connections.json');
  writeFileSync(
    csv,
    JSON.stringify(readContactsFile('Connections.csv', new Uint8Array(Buffer.from(linkedInCsv(10_000))))),
  );
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshCopy(i: number, kind: string): string {
  const dir = mkdtempSync(join(root, `${kind}-${i}-`));
  const path = join(dir, 'rapport.sqlite');
  copyFileSync(template, path);
  return path;
}

describe('crash safety', () => {
  it(`an import of 10,000 contacts killed at ${runs} random moments leaves all or nothing`, async () => {
    const nothing = inspect(template).fingerprint;
    const calibrationPath = freshCopy(-1, 'import');
    const calibration = await runChild(['import', calibrationPath, csv], null);
    expect(calibration.finished).toBe(true);
    const all = inspect(calibrationPath).fingerprint;
    expect(all).toContain('imports=1');
    expect(all).not.toBe(nothing);
    const random = mulberry32(7);
    const outcomes = await inBatches(runs, async (i) => {
      const path = freshCopy(i, 'import');
      const result = await runChild(['import', path, csv], random() * calibration.ms * 1.2);
      const state = inspect(path);
      expect(state.integrity).toBe('ok');
      expect([all, nothing]).toContain(state.fingerprint);
      if (result.finished) expect(state.fingerprint).toBe(all);
      return state.fingerprint === all ? 'all' : 'nothing';
    });
    // The kills landed on both sides of the commit.
    expect(outcomes).toContain('nothing');
  }, 600_000);

  it(`a restore killed at ${runs} random moments leaves the old database or the backup, whole`, async () => {
    const old = inspect(template).fingerprint;
    const restored = inspect(backupFile).fingerprint;
    expect(restored).not.toBe(old);
    const calibration = await runChild(['restore', freshCopy(-1, 'restore'), backupFile], null);
    expect(calibration.finished).toBe(true);
    const random = mulberry32(11);
    const outcomes = await inBatches(runs, async (i) => {
      const path = freshCopy(i, 'restore');
      const result = await runChild(['restore', path, backupFile], random() * calibration.ms * 1.2);
      const state = inspect(path);
      expect(state.integrity).toBe('ok');
      expect([old, restored]).toContain(state.fingerprint);
      if (result.finished) expect(state.fingerprint).toBe(restored);
      return state.fingerprint === restored ? 'restored' : 'old';
    });
    expect(outcomes).toContain('old');
    expect(outcomes).toContain('restored');
  }, 600_000);
});
