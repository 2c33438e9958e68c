import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { bundleChild, killAtRandom } from '../../support/crash';
import { ics } from './helpers';

/**
 * A first calendar import into an empty database writes through a rollback journal rather
 * than the WAL. Killed with SIGKILL at random moments of its commit, 30 times, it must leave
 * a database that passes integrity_check, is back in WAL mode when the app opens it, and holds
 * all of the import or none of it.
 */
const runs = 30;
const parallel = 4;
let root: string;
let child: string;
let template: string;
let calendar: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rapport-calendar-crash-'));
  child = bundleChild(join(__dirname, 'crashChild.ts'), 'rapport-calendar-crash-child');
  template = join(root, 'template.sqlite');
  await (await openStore(template)).close();
  const events = Array.from({ length: 6000 }, (_, i) => [
    'BEGIN:VEVENT',
    `UID:crash-${i}`,
    `DTSTART:20${String(16 + (i % 9)).padStart(2, '0')}0${(i % 9) + 1}1${i % 10}T0930${String(i % 60).padStart(2, '0')}Z`,
    'DURATION:PT45M',
    `SUMMARY:Planning ${i}`,
    `DESCRIPTION:${'Notes from the meeting. '.repeat(4)}`,
    'ORGANIZER:mailto:me@example.com',
    `ATTENDEE;CN=Guest ${i % 300};PARTSTAT=ACCEPTED:mailto:guest${i % 300}@example.com`,
    `ATTENDEE;CN=Guest ${(i + 7) % 300};PARTSTAT=ACCEPTED:mailto:guest${(i + 7) % 300}@example.com`,
    'END:VEVENT',
  ]).flat();
  calendar = join(root, 'work.ics');
  writeFileSync(calendar, ics(...events));
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshCopy(i: number): string {
  const path = join(mkdtempSync(join(root, `run-${i}-`)), 'rapport.sqlite');
  copyFileSync(template, path);
  return path;
}

/** Integrity and what the import touches, read the way the app opens the file, which must be back in WAL. */
async function inspect(path: string) {
  const store = await openStore(path);
  try {
    const count = (table: string) =>
      store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    return {
      integrity: store.sqlite.pragma('integrity_check', { simple: true }),
      fingerprint: ['interactions', 'interaction_participants', 'contacts', 'imports', 'interactions_fts']
        .map((t) => `${t}=${count(t)}`)
        .join(' '),
    };
  } finally {
    await store.close();
  }
}

describe('crash safety of a first calendar import', () => {
  it(`killed at ${runs} random moments of its commit, it leaves all or nothing`, async () => {
    const { after, outcomes } = await killAtRandom({
      child,
      runs,
      parallel,
      seed: 5,
      start: (i) => {
        const path = freshCopy(i);
        return { path, args: [path, calendar] };
      },
      inspect,
      before: (await inspect(template)).fingerprint,
    });
    expect(after).toContain('interactions=6000');
    expect(outcomes).toContain('before');
    expect(outcomes).toContain('after');
  }, 600_000);
});
