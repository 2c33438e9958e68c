import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { expect } from 'vitest';

/**
 * What the crash tests share: a child script bundled once (one file starts in a fraction of
 * the time tsx needs to load the sources, so dozens of kills fit in seconds; the code in it
 * is the app's own, unchanged), started and killed with SIGKILL at a chosen moment.
 */
export function bundleChild(source: string, name: string): string {
  const out = join(__dirname, '../../node_modules/.cache', `${name}.mjs`);
  buildSync({
    entryPoints: [source],
    outfile: out,
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
  return out;
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RunResult {
  finished: boolean;
  killed: boolean;
  ms: number;
}

/**
 * Starts the bundled child; `killAfter` ms after it prints "ready" it is killed (never, when
 * null). It prints "done" when the operation under test has finished.
 */
export function runChild(child: string, args: string[], killAfter: number | null): Promise<RunResult> {
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
    // 'close', not 'exit': the process can exit before its last output ("done") has been read.
    proc.on('close', (code, signal) => {
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

/** Runs `count` tasks, `parallel` at a time. */
async function inBatches<T>(count: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += parallel) {
    results.push(
      ...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => task(i + k)))),
    );
  }
  return results;
}

export interface FileState {
  integrity: unknown;
  /** What the operation under test changes, as one comparable string. */
  fingerprint: string;
}

export interface KillPlan {
  child: string;
  runs: number;
  parallel: number;
  seed: number;
  /** A fresh file for run `i` (negative for the calibration runs), and the child's arguments for it. */
  start(i: number): { path: string; args: string[] };
  inspect(path: string): FileState | Promise<FileState>;
  /** The file's state before the operation. */
  before: string;
}

export interface KillReport {
  /** The file's state after an uninterrupted run: every calibration run agreed on it. */
  after: string;
  outcomes: Array<'before' | 'after'>;
}

/**
 * First runs the child `parallel` times at once without a kill, under the same load the kills
 * will run under (calibrated alone, a run on two busy cores takes twice as long, and every kill
 * lands before the commit). Then runs it `runs` times, each killed at a random moment up to
 * 1.3 times the slowest calibration run, and checks every time that the file passes
 * integrity_check and holds the state from before or after the operation (after, when the child
 * said it finished). Returns the state after, and which state each killed run left.
 */
export async function killAtRandom(plan: KillPlan): Promise<KillReport> {
  const calibration = await inBatches(plan.parallel, plan.parallel, async (i) => {
    const { path, args } = plan.start(-1 - i);
    const result = await runChild(plan.child, args, null);
    expect(result.finished).toBe(true);
    const state = await plan.inspect(path);
    expect(state.integrity).toBe('ok');
    return { ms: result.ms, fingerprint: state.fingerprint };
  });
  const after = calibration[0].fingerprint;
  expect(calibration.map((c) => c.fingerprint)).toEqual(calibration.map(() => after));
  expect(after).not.toBe(plan.before);
  const window = Math.max(...calibration.map((c) => c.ms)) * 1.3;
  const random = mulberry32(plan.seed);
  const outcomes = await inBatches(plan.runs, plan.parallel, async (i) => {
    const { path, args } = plan.start(i);
    const result = await runChild(plan.child, args, random() * window);
    const state = await plan.inspect(path);
    expect(state.integrity).toBe('ok');
    expect([after, plan.before]).toContain(state.fingerprint);
    if (result.finished) expect(state.fingerprint).toBe(after);
    return state.fingerprint === after ? ('after' as const) : ('before' as const);
  });
  return { after, outcomes };
}
