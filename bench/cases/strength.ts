import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../src/main/db/open';
import { generateNetwork, writeNetwork } from '../../src/main/demo/generator';
import { generateJournal, writeJournal } from '../../src/main/demo/journalGenerator';
import { mulberry32 } from '../../src/main/demo/random';
import { StrengthCache } from '../../src/main/strength/cache';
import { listStrength } from '../../src/main/strength/service';
import { DAY_MS } from '../../src/shared/strength/model';
import { backbone, tieWeights } from '../../src/shared/strength/ties';
import type { BenchResult as CaseResult } from '../lib/types';

const NOW = Date.parse('2026-01-01T09:00:00.000Z');

function stats(name: string, n: number, samples: number[]): CaseResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { case: name, n, median_ms: round(at(0.5)), p95_ms: round(at(0.95)) };
}
const round = (ms: number) => Math.round(ms * 100) / 100;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function run(
  options: { contacts?: number; interactions?: number; repeats?: number } = {},
): Promise<CaseResult[]> {
  const contacts = options.contacts ?? 10_000;
  const interactions = options.interactions ?? 200_000;
  const repeats = options.repeats ?? 10;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-strength-'));
  const store = await openStore(join(dir, 'bench.sqlite'));
  try {
    const network = generateNetwork({ size: contacts, now: new Date(NOW) });
    const ids = writeNetwork(store, network);
    writeJournal(
      store,
      ids,
      generateJournal(network, { now: new Date(NOW), target: interactions }),
      new Date(NOW),
    );
    const results: CaseResult[] = [];

    // Reading the journal from SQLite and scoring everyone, as on the first view after start.
    const cold: number[] = [];
    for (let r = 0; r < Math.max(3, repeats / 2); r++)
      cold.push(time(() => new StrengthCache(store.sqlite).snapshot(NOW)));
    results.push(
      stats(
        `strength: cold load + score (${contacts} contacts, ${interactions} interactions)`,
        interactions,
        cold,
      ),
    );

    // Scoring everyone again from the journal in memory (what a parameter change or the clock costs).
    const cache = new StrengthCache(store.sqlite);
    cache.snapshot(NOW);
    const full: number[] = [];
    for (let r = 1; r <= repeats; r++) full.push(time(() => cache.snapshot(NOW + r * 11 * 60_000)));
    results.push(
      stats(
        `strength: full recompute (${contacts} contacts, ${interactions} interactions)`,
        interactions,
        full,
      ),
    );

    // Logging one interaction (plain SQL, as the journal does), then reading scores again.
    const at = NOW + (repeats + 1) * 11 * 60_000;
    cache.snapshot(at);
    const random = mulberry32(99);
    const insert = store.sqlite.prepare(
      `INSERT INTO interactions (kind, starts_at, duration_minutes, created_at, updated_at) VALUES ('coffee', ?, 30, ?, ?)`,
    );
    const addPerson = store.sqlite.prepare(
      `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)`,
    );
    const update: number[] = [];
    for (let r = 0; r < repeats * 5; r++) {
      const iso = new Date(at - DAY_MS).toISOString();
      const id = insert.run(iso, iso, iso).lastInsertRowid;
      addPerson.run(id, ids[random.int(0, ids.length - 1)], iso);
      update.push(time(() => cache.snapshot(at)));
    }
    results.push(stats('strength: update after logging one interaction', interactions, update));

    // Logging a coffee "just now", later than the scores' instant: it must count at once, so
    // everyone is scored again at the new instant (what the Dashboard pays after a log).
    const justNow: number[] = [];
    let clock = at;
    for (let r = 0; r < repeats; r++) {
      clock += 60_000;
      const iso = new Date(clock).toISOString();
      const id = insert.run(iso, iso, iso).lastInsertRowid;
      addPerson.run(id, ids[random.int(0, ids.length - 1)], iso);
      justNow.push(time(() => cache.snapshot(clock + 1_000)));
    }
    results.push(stats('strength: update after logging one interaction just now', interactions, justNow));

    const snap = cache.snapshot(clock + 1_000);
    const tieTimes: number[] = [];
    let tieCount = 0;
    for (let r = 0; r < Math.max(3, repeats / 2); r++) {
      tieTimes.push(
        time(() => {
          const ties = tieWeights(cache.allInteractions(), snap.params, snap.at);
          backbone(ties, snap.params.backboneK);
          tieCount = ties.length;
        }),
      );
    }
    results.push(
      stats(`strength: contact-to-contact ties + backbone (${tieCount} ties)`, interactions, tieTimes),
    );

    const list: number[] = [];
    for (let r = 0; r < Math.max(3, repeats / 2); r++)
      list.push(time(() => listStrength(store.sqlite, clock + 1_000)));
    results.push(
      stats('strength: strength:list (all contacts, with names, circles, tags, pins)', contacts, list),
    );
    return results;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('strength.ts')) {
  run().then((results) => console.table(results));
}
