import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { backupsDir, createBackup } from '../../../src/main/interop/backup';
import { readContactsFile } from '../../../src/main/interop/read';
import { linkedInCsv } from './generate';
import { seedNetwork } from './seed';
import { bundleChild, killAtRandom } from '../../support/crash';

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
  child = bundleChild(childSource, 'rapport-crash-child');
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

/** Runs the child's `mode` on fresh copies of the template, each killed at a random moment. */
function killRuns(mode: 'import' | 'restore', input: string, seed: number) {
  return killAtRandom({
    child,
    runs,
    parallel,
    seed,
    start: (i) => {
      const path = freshCopy(i, mode);
      return { path, args: [mode, path, input] };
    },
    inspect,
    before: inspect(template).fingerprint,
  });
}

describe('crash safety', () => {
  it(`an import of 10,000 contacts killed at ${runs} random moments leaves all or nothing`, async () => {
    const { after, outcomes } = await killRuns('import', csv, 7);
    expect(after).toContain('imports=1');
    // The kills landed on both sides of the commit.
    expect(outcomes).toContain('before');
    expect(outcomes).toContain('after');
  }, 600_000);

  it(`a restore killed at ${runs} random moments leaves the old database or the backup, whole`, async () => {
    const { after, outcomes } = await killRuns('restore', backupFile, 11);
    expect(after).toBe(inspect(backupFile).fingerprint);
    expect(outcomes).toContain('before');
    expect(outcomes).toContain('after');
  }, 600_000);
});
