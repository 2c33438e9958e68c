import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedCalendar } from '../../shared/calendar/types';
import { CalendarImportError } from './errors';
import type { CalendarFile } from './input';
import type { ParseOptions } from './parse';
import { defaultRepairLimits } from './repair';
import { ParserThread, shared, type ReadProgress, type WorkerScript } from './parserThread';
import { cutPoint, mergeParts, SPLIT_MIN_BYTES, unmergeable, type FilePart } from './split';
import { parseAll, type ParseReply, type WorkerRequest } from './worker';

export interface RunLimits {
  /** Wall-clock limit for parsing and expanding all files. */
  timeoutMs: number;
  /** Heap limit of the worker thread. */
  maxHeapMb: number;
  /** Parse in the calling thread (tests measuring the parser alone). */
  inProcess?: boolean;
  /** A single file from this size up is read in two threads (tests set it low). */
  splitMinBytes?: number;
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

/** The options with the wall-clock limit running from now: from when a parse starts, not when it was queued. */
function startingNow(options: ParseOptions, limits: RunLimits): ParseOptions {
  return { ...options, deadline: Date.now() + limits.timeoutMs };
}

const parserThread = new ParserThread();
/** The second thread, for the second part of a file read in two. */
const partThread = new ParserThread();

/**
 * Ends the parser threads kept for the next read, unless one is at work, and resolves once
 * their memory is given back. An import's write is the peak of its memory, and the threads,
 * idle by then, still held about 150 MB after reading a 20,000-event file: released first,
 * that import peaked at 380–400 MB instead of 520–540. The cost is a read started within
 * the minute after, which finds them cold.
 */
export async function releaseParserThreads(): Promise<void> {
  await Promise.all([parserThread.release(), partThread.release()]);
}

/** How many parser threads are there, at work or kept for the next read. */
export function liveParserThreads(): number {
  return [parserThread, partThread].filter((thread) => thread.alive).length;
}

/**
 * Reads one file in two threads at once, each the calendar's header and half of its events,
 * and merges the parts into what one thread reading the whole file gives; or says why it did
 * not (no place to cut, a part refused, or parts that would read differently from the whole),
 * and the caller reads the file whole. A limit overrun in either part ends the read.
 */
export async function parseInParts(
  file: CalendarFile,
  options: ParseOptions,
  limits: RunLimits,
  script: WorkerScript,
  progress?: ReadProgress,
): Promise<{ parsed: ParsedCalendar } | { whole: string }> {
  // Each part alone may be under the size limit where the file is not: the whole read refuses it.
  if (file.bytes.length > (options.maxBytes ?? defaultRepairLimits.maxBytes))
    return { whole: 'it is too large' };
  const cut = cutPoint(file.bytes);
  if (!cut) return { whole: 'there is no place to cut it' };
  const bytes = shared(file.bytes);
  const parts: FilePart[] = [
    { header: 0, from: 0, to: cut.cut, close: true },
    { header: cut.header, from: cut.cut, to: bytes.length, close: false },
  ];
  const read = [0, 0];
  const [a, b] = await Promise.all(
    parts.map((part, k) =>
      (k === 0 ? parserThread : partThread).run(
        script,
        (): WorkerRequest => ({
          files: [{ name: file.name, bytes }],
          options: startingNow(options, limits),
          part,
        }),
        limits,
        progress &&
          ((bytesRead) => {
            read[k] = bytesRead;
            progress(Math.min(read[0] + read[1], bytes.length), bytes.length);
          }),
      ),
    ),
  );
  if (!a.ok || !b.ok) return { whole: 'a part of it was refused' };
  if (!a.part || !b.part) return { whole: 'a part did not describe itself' };
  const why = unmergeable(a.part, b.part);
  if (why !== null) return { whole: why };
  return { parsed: mergeParts(a.results[0], a.part, b.results[0], b.part) };
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
  progress?: ReadProgress,
  /** Told the bytes read when a file read in two parts must be read again whole. */
  progressAgain?: ReadProgress,
): Promise<ParsedCalendar[]> {
  const script = limits.inProcess ? null : workerScript();
  const requestFor = (list: CalendarFile[]) => (): WorkerRequest => ({
    files: list,
    options: startingNow(options, limits),
  });
  if (!script) return rejected(parseAll(requestFor(files)(), progress));
  if (files.length === 1 && files[0].bytes.length >= (limits.splitMinBytes ?? SPLIT_MIN_BYTES)) {
    // Copied into shared memory once, for the two parts and for a whole read after them.
    const file = { name: files[0].name, bytes: shared(files[0].bytes) };
    const split = await parseInParts(file, options, limits, script, progress);
    if ('parsed' in split) return [split.parsed];
    // The bytes were all read once already: counted again from zero, they are a second pass.
    return rejected(await parserThread.run(script, requestFor([file]), limits, progressAgain ?? progress));
  }
  return rejected(await parserThread.run(script, requestFor(files), limits, progress));
}
