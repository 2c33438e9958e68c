import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

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

export function mulberry32(seed: number) {
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
export async function inBatches<T>(
  count: number,
  parallel: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += parallel) {
    results.push(
      ...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => task(i + k)))),
    );
  }
  return results;
}
