import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedCalendar } from '../../shared/calendar/types';
import { CalendarImportError } from './errors';
import type { CalendarFile } from './input';
import type { ParseOptions } from './parse';
import { unpackCalendar } from './transfer';
import {
  parseAll,
  PARSER_THREAD,
  type ParseReply,
  type WorkerProgress,
  type WorkerReply,
  type WorkerRequest,
} from './worker';

/** Hears how many bytes of all the files have been read. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

export interface RunLimits {
  /** Wall-clock limit for parsing and expanding all files. */
  timeoutMs: number;
  /** Heap limit of the worker thread. */
  maxHeapMb: number;
  /** Parse in the calling thread (tests and benchmarks measuring the parser alone). */
  inProcess?: boolean;
}

export const defaultRunLimits: RunLimits = { timeoutMs: 120_000, maxHeapMb: 2048 };

/**
 * The worker script: the TypeScript source under tsx (tests, CLI), or the bundled
 * `calendar-worker.js` next to the main bundle. Null when neither exists.
 */
function workerScript(): { url: URL; execArgv: string[] } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./worker.ts', here), execArgv: ['--import', 'tsx'] };
  const bundled = new URL('./calendar-worker.js', here);
  return existsSync(fileURLToPath(bundled)) ? { url: bundled, execArgv: [] } : null;
}

function rejected(reply: ParseReply): ParsedCalendar[] {
  if (reply.ok) return reply.results;
  const message = reply.error.message.includes(reply.file)
    ? reply.error.message
    : `${reply.file}: ${reply.error.message}`;
  throw new CalendarImportError(reply.error.code, message, reply.error.line);
}

/** How long an idle worker is kept for the next parse before its memory is given back. */
const IDLE_MS = 60_000;

/**
 * One worker thread kept between parses: a fresh thread starts with cold code, and reading a
 * large file in it takes twice as long as in a thread that has read one before (previewing
 * again with another window, re-importing). It never keeps the process alive, is ended when a
 * run overruns its limits or fails, and after a minute without work.
 */
class ParserThread {
  private worker: Worker | null = null;
  private key = '';
  private idle: NodeJS.Timeout | null = null;
  /** Runs one at a time: a second parse waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();

  run(
    script: { url: URL; execArgv: string[] },
    request: () => WorkerRequest,
    limits: RunLimits,
    progress?: ReadProgress,
  ) {
    const next = this.queue.then(() => this.runNow(script, request(), limits, progress));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private end(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private thread(script: { url: URL; execArgv: string[] }, maxHeapMb: number): Worker {
    const key = `${script.url.href} ${maxHeapMb}`;
    if (this.worker && this.key !== key) this.end();
    if (!this.worker) {
      this.worker = new Worker(script.url, {
        workerData: PARSER_THREAD,
        execArgv: script.execArgv,
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      });
      this.key = key;
    }
    return this.worker;
  }

  private runNow(
    script: { url: URL; execArgv: string[] },
    request: WorkerRequest,
    limits: RunLimits,
    progress?: ReadProgress,
  ): Promise<ParsedCalendar[]> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.thread(script, limits.maxHeapMb);
    worker.ref();
    return new Promise<ParsedCalendar[]>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep && this.worker === worker) {
          worker.unref();
          this.idle = setTimeout(() => this.end(), IDLE_MS).unref();
        } else if (this.worker === worker) this.end();
        fn();
      };
      const timer = setTimeout(() => {
        finish(
          () =>
            reject(
              new CalendarImportError(
                'TIMEOUT',
                `Reading the calendar took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped.`,
              ),
            ),
          false,
        );
      }, limits.timeoutMs + 1000);
      const onMessage = (reply: WorkerReply | WorkerProgress) => {
        if ('progress' in reply) {
          progress?.(reply.progress.bytesRead, reply.progress.totalBytes);
          return;
        }
        finish(() => {
          try {
            resolve(rejected(reply.ok ? { ok: true, results: reply.results.map(unpackCalendar) } : reply));
          } catch (error) {
            reject(error as Error);
          }
        }, true);
      };
      const onError = (error: Error & { code?: string }) => {
        finish(
          () =>
            reject(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new CalendarImportError(
                    'MEMORY',
                    `Reading the calendar needed more than ${limits.maxHeapMb} MB of memory and was stopped.`,
                  )
                : new CalendarImportError('PARSE', `The calendar reader failed: ${error.message}`),
            ),
          false,
        );
      };
      const onExit = (code: number) => {
        finish(
          () =>
            reject(new CalendarImportError('PARSE', `The calendar reader stopped unexpectedly (${code}).`)),
          false,
        );
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

const parserThread = new ParserThread();

/**
 * Parses and expands calendars in a worker thread with a wall-clock and a memory limit, so a
 * hostile file (a rule ical.js never finishes, a huge expansion) ends with an ImportError
 * instead of a hung or crashed app.
 */
export async function parseFiles(
  files: CalendarFile[],
  options: ParseOptions,
  limits: RunLimits = defaultRunLimits,
  progress?: ReadProgress,
): Promise<ParsedCalendar[]> {
  const script = limits.inProcess ? null : workerScript();
  const request = (): WorkerRequest => ({
    files,
    // The limit runs from when this parse starts, not from when it was queued.
    options: { ...options, deadline: Date.now() + limits.timeoutMs },
  });
  if (!script) return rejected(parseAll(request(), progress));
  return parserThread.run(script, request, limits, progress);
}
