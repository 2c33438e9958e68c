import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedCalendar } from '../../shared/calendar/types';
import { CalendarImportError } from './errors';
import type { CalendarFile } from './input';
import type { ParseOptions } from './parse';
import { parseAll, type WorkerReply, type WorkerRequest } from './worker';

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

function rejected(reply: WorkerReply): ParsedCalendar[] {
  if (reply.ok) return reply.results;
  const message = reply.error.message.includes(reply.file)
    ? reply.error.message
    : `${reply.file}: ${reply.error.message}`;
  throw new CalendarImportError(reply.error.code, message, reply.error.line);
}

/**
 * Parses and expands calendars in a worker thread with a wall-clock and a memory limit, so a
 * hostile file (a rule ical.js never finishes, a huge expansion) ends with an ImportError
 * instead of a hung or crashed app.
 */
export async function parseFiles(
  files: CalendarFile[],
  options: ParseOptions,
  limits: RunLimits = defaultRunLimits,
): Promise<ParsedCalendar[]> {
  const deadline = Date.now() + limits.timeoutMs;
  const script = limits.inProcess ? null : workerScript();
  if (!script) return rejected(parseAll({ files, options: { ...options, deadline } }));
  const request: WorkerRequest = { files, options: { ...options, deadline } };
  const worker = new Worker(script.url, {
    workerData: request,
    execArgv: script.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
  });
  return new Promise<ParsedCalendar[]>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new CalendarImportError(
            'TIMEOUT',
            `Reading the calendar took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped.`,
          ),
        ),
      );
    }, limits.timeoutMs + 1000);
    worker.once('message', (reply: WorkerReply) => {
      finish(() => {
        try {
          resolve(rejected(reply));
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new CalendarImportError(
                'MEMORY',
                `Reading the calendar needed more than ${limits.maxHeapMb} MB of memory and was stopped.`,
              )
            : new CalendarImportError('PARSE', `The calendar reader failed: ${error.message}`),
        ),
      );
    });
    worker.once('exit', (code) => {
      finish(() =>
        reject(new CalendarImportError('PARSE', `The calendar reader stopped unexpectedly (${code}).`)),
      );
    });
  });
}
