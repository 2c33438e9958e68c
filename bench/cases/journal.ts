import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/db/open';
import { generateNetwork, writeNetwork } from '../../src/main/demo/generator';
import { generateJournal, writeJournal } from '../../src/main/demo/journalGenerator';
import { writeJobChanges } from '../../src/main/demo/jobChangesGenerator';
import type { HandlerContext } from '../../src/main/ipc/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { measure, percentile } from '../lib/timing';
import type { BenchCase, BenchResult } from '../lib/types';

const contacts = 10_000;
const interactions = 200_000;
/** Moves recorded in the last 60 days, as a LinkedIn re-import after a year away brings them. */
const jobChanges = 300;
const now = new Date('2026-06-01T12:00:00.000Z');

interface Fixture {
  dir: string;
  store: Store;
  ctx: HandlerContext;
  keystrokes: string[];
  /** The busiest contacts first (the timelines people open most), then a spread of others. */
  timelineContacts: number[];
  fivePeople: number[][];
  /** Contacts with a recorded move, whose page lists a career. */
  moved: number[];
  dbBytes: number;
  rssBytes: number;
}

let fixture: Promise<Fixture> | undefined;

/** 10,000 generated contacts and 200,000 generated interactions in a temp folder, shared by every case. */
function shared(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-journal-'));
    const path = join(dir, 'rapport.sqlite');
    const store = await openStore(path);
    const network = generateNetwork({ size: contacts, now });
    const ids = writeNetwork(store, network);
    writeJournal(store, ids, generateJournal(network, { now, target: interactions }), now);
    writeJobChanges(
      store,
      ids.slice(0, jobChanges).map((contactId, i) => ({
        contactId,
        title: 'Moved from Acme to Globex',
        notes: '',
        previous: { organisation: 'Acme', title: null },
        at: new Date(now.getTime() - (i % 60) * 86_400_000 - i * 60_000).toISOString(),
      })),
    );
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.pragma('optimize');
    const ctx: HandlerContext = { store, dataDir: dir, now: () => now, emit: () => {} };
    const busiest = store.sqlite
      .prepare(
        'SELECT contact_id FROM interaction_participants GROUP BY contact_id ORDER BY count(*) DESC LIMIT 20',
      )
      .pluck()
      .all() as number[];
    const spread = ids.filter((_, i) => i % 97 === 0).slice(0, 80);
    const words = [
      network.people[10].familyName,
      'promotion',
      'reorganisation',
      network.people[42].givenName,
      'coffee',
      'payments migr',
    ];
    global.gc?.();
    return {
      dir,
      store,
      ctx,
      keystrokes: words.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.slice(0, i + 1))),
      timelineContacts: [...busiest, ...spread],
      fivePeople: Array.from({ length: 50 }, (_, i) => ids.slice(i * 5 + 100, i * 5 + 105)),
      moved: ids.slice(0, jobChanges),
      dbBytes: statSync(path).size,
      rssBytes: process.memoryUsage().rss,
    };
  })();
  return fixture;
}

export async function dispose(): Promise<void> {
  if (!fixture) return;
  const { store, dir } = await fixture;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  fixture = undefined;
}

async function bridge(f: Fixture, channel: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(channel, payload, f.ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const search: BenchCase<Fixture> = {
  name: 'journal: search contacts + interactions (one keystroke)',
  n: interactions,
  iterations: 300,
  warmup: 30,
  setup: shared,
  run: (f, i) => bridge(f, 'search:query', { query: f.keystrokes[i % f.keystrokes.length] }),
};

const timeline: BenchCase<Fixture> = {
  name: 'journal: contact timeline, first page',
  n: interactions,
  iterations: 300,
  warmup: 30,
  setup: shared,
  run: (f, i) =>
    bridge(f, 'journal:timeline', {
      contactId: f.timelineContacts[i % f.timelineContacts.length],
      limit: 50,
    }),
};

const reconnect: BenchCase<Fixture> = {
  name: 'journal: reconnect queue',
  n: contacts,
  iterations: 40,
  warmup: 5,
  setup: shared,
  run: (f) => bridge(f, 'reconnect:list', {}),
};

const dashboard: BenchCase<Fixture> = {
  name: 'journal: dashboard (everything it draws, 300 new jobs)',
  n: interactions,
  iterations: 40,
  warmup: 5,
  setup: shared,
  run: (f) => bridge(f, 'dashboard:get', { tzOffsetMinutes: 60 }),
};

const career: BenchCase<Fixture> = {
  name: "journal: a contact page's career, with who else was at each place (300 moves)",
  n: contacts,
  iterations: 100,
  warmup: 10,
  setup: shared,
  run: (f, i) => bridge(f, 'contacts:career', { id: f.moved[(i * 7) % f.moved.length] }),
};

const logFive: BenchCase<Fixture> = {
  name: 'journal: log one interaction with 5 participants (dispatch)',
  n: interactions,
  iterations: 200,
  warmup: 20,
  setup: shared,
  run: (f, i) =>
    bridge(f, 'journal:create', {
      kind: 'meeting',
      title: `Bench sync ${i}`,
      startsAt: new Date(now.getTime() - i * 3_600_000).toISOString(),
      durationMinutes: 30,
      notes: 'Talked about the roadmap and the promotion packet.',
      participants: f.fivePeople[i % f.fivePeople.length].map((contactId) => ({ contactId })),
    }),
};

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

type JournalResult = BenchResult & {
  cpu_median_ms?: number;
  cpu_p95_ms?: number;
  db_file_mb?: number;
  rss_mb?: number;
};

/**
 * Wall-clock time as the bench library measures it, plus the process's own CPU time per
 * run: on a machine shared with other work the CPU figure is what the code costs, the
 * wall figure what it costs there and then (and it includes the fsync of each commit).
 */
async function measureWithCpu(c: BenchCase<Fixture>): Promise<JournalResult> {
  const cpu: number[] = [];
  const result: JournalResult = await measure({
    ...c,
    run: async (state, i) => {
      const before = process.cpuUsage();
      await c.run(state, i);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    },
  });
  const timed = cpu.slice(c.warmup ?? 5);
  result.cpu_median_ms = Math.round(percentile(timed, 50) * 1000) / 1000;
  result.cpu_p95_ms = Math.round(percentile(timed, 95) * 1000) / 1000;
  return result;
}

/** Times each case, then reports the database size and the process's memory after loading the data. */
export async function run(): Promise<BenchResult[]> {
  try {
    const results: JournalResult[] = [];
    for (const c of [search, timeline, reconnect, dashboard, career, logFive]) {
      process.stderr.write(`running ${c.name} ...\n`);
      const r = await measureWithCpu(c);
      process.stderr.write(`  cpu median ${r.cpu_median_ms} ms, p95 ${r.cpu_p95_ms} ms\n`);
      results.push(r);
    }
    const f = await shared();
    results[0].db_file_mb = mb(f.dbBytes);
    results[0].rss_mb = mb(f.rssBytes);
    process.stderr.write(
      `journal: ${contacts} contacts, ${interactions} interactions: database file ${mb(f.dbBytes)} MB, RSS after load ${mb(f.rssBytes)} MB\n`,
    );
    return results;
  } finally {
    await dispose();
  }
}
