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
  /** How long one uninterrupted run took after "ready": kills land up to 1.2 times as late. */
  calibrationMs: number;
  /** A fresh file for run `i`, and the child's arguments for it. */
  start(i: number): { path: string; args: string[] };
  inspect(path: string): FileState | Promise<FileState>;
  /** The file's state before the operation, and after it completed. */
  before: string;
  after: string;
}

/**
 * Runs the child `runs` times, each killed at a random moment, and checks every time that the
 * file passes integrity_check and holds the state from before or after the operation (after,
 * when the child said it finished). Returns which, run by run.
 */
export function killAtRandom(plan: KillPlan): Promise<Array<'before' | 'after'>> {
  const random = mulberry32(plan.seed);
  return inBatches(plan.runs, plan.parallel, async (i) => {
    const { path, args } = plan.start(i);
    const result = await runChild(plan.child, args, random() * plan.calibrationMs * 1.2);
    const state = await plan.inspect(path);
    expect(state.integrity).toBe('ok');
    expect([plan.after, plan.before]).toContain(state.fingerprint);
    if (result.finished) expect(state.fingerprint).toBe(plan.after);
    return state.fingerprint === plan.after ? 'after' : 'before';
  });
}
