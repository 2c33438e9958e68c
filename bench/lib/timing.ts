import { performance } from 'node:perf_hooks';
import type { BenchCase, BenchResult } from './types';

/** The value below which `p` of the sorted samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export async function timeOnce(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Runs one case: warm-up, then our path and the peer's alternately, each iteration. */
export async function measure<S>(benchCase: BenchCase<S>): Promise<BenchResult> {
  const state = await benchCase.setup();
  try {
    const iterations = benchCase.iterations ?? 30;
    const warmup = benchCase.warmup ?? 5;
    for (let i = 0; i < warmup; i++) {
      await benchCase.run(state, i);
      if (benchCase.peer) await benchCase.peer(state, i);
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      // Alternate which goes first so neither always gets the warmer cache.
      const peerFirst = i % 2 === 1 && benchCase.peer !== undefined;
      if (peerFirst) theirs.push(await timeOnce(() => benchCase.peer?.(state, i)));
      ours.push(await timeOnce(() => benchCase.run(state, i)));
      if (benchCase.peer && !peerFirst) theirs.push(await timeOnce(() => benchCase.peer?.(state, i)));
    }
    const result: BenchResult = {
      case: benchCase.name,
      n: benchCase.n,
      median_ms: round(percentile(ours, 50)),
      p95_ms: round(percentile(ours, 95)),
    };
    if (benchCase.peer) {
      result.peer = benchCase.peerName ?? 'peer';
      result.peer_median_ms = round(percentile(theirs, 50));
      result.peer_p95_ms = round(percentile(theirs, 95));
      result.ratio = Math.round((percentile(ours, 50) / percentile(theirs, 50)) * 100) / 100;
    }
    return result;
  } finally {
    await benchCase.teardown?.(state);
  }
}

/** A plain-text table of the results, one row per case. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['case', 'n', 'median ms', 'p95 ms', 'peer', 'peer median ms', 'peer p95 ms', 'ratio'];
  const rows = results.map((r) => [
    r.case,
    String(r.n),
    r.median_ms.toFixed(3),
    r.p95_ms.toFixed(3),
    r.peer ?? '',
    r.peer_median_ms?.toFixed(3) ?? '',
    r.peer_p95_ms?.toFixed(3) ?? '',
    r.ratio !== undefined ? `${r.ratio.toFixed(2)}x` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
