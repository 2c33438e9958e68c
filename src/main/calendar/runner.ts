import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedCalendar } from '../../shared/calendar/types';
import { CalendarImportError } from './errors';
import type { CalendarFile } from './input';
import type { ParseOptions } from './parse';
import { ParserThread, type ReadProgress, type WorkerScript } from './parserThread';
import { parseAll, type ParseReply, type WorkerRequest } from './worker';

export interface RunLimits {
  /** Wall-clock limit for parsing and expanding all files. */
  timeoutMs: number;
  /** Heap limit of the worker thread. */
  maxHeapMb: number;
  /** Parse in the calling thread (tests measuring the parser alone). */
  inProcess?: boolean;
}

export const defaultRunLimits: RunLimits = { timeoutMs: 120_000, maxHeapMb: 2048 };

/**
 * The worker script: the TypeScript source under tsx (tests, CLI), or the bundled
 * `calendar-worker.js` next to the main bundle. Null when neither exists.
 */
function workerScript(): WorkerScript | null {
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
  return rejected(await parserThread.run(script, request, limits, progress));
}
