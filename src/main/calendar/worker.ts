import { parentPort, workerData } from 'node:worker_threads';
import type { ImportError, ParsedCalendar } from '../../shared/calendar/types';
import { isImportError } from './errors';
import type { CalendarFile } from './input';
import { parseCalendar, type ParseOptions } from './parse';
import { packCalendar, transferables, type PackedCalendar } from './transfer';

export interface WorkerRequest {
  files: CalendarFile[];
  options: ParseOptions;
}

type Rejected = { ok: false; error: ImportError; file: string };

export type ParseReply = { ok: true; results: ParsedCalendar[] } | Rejected;

/** What the worker thread posts back at the end: the results packed for the copy between threads. */
export type WorkerReply = { ok: true; results: PackedCalendar[] } | Rejected;

/** Posted while parsing: how far it has come. */
export interface WorkerProgress {
  progress: { bytesRead: number; totalBytes: number };
}

/**
 * Parses each file in turn; the first rejected file ends the run with its error. `progress`
 * hears the bytes read so far of all the files together.
 */
export function parseAll(
  request: WorkerRequest,
  progress?: (bytesRead: number, totalBytes: number) => void,
): ParseReply {
  const results: ParsedCalendar[] = [];
  const total = request.files.reduce((n, f) => n + f.bytes.length, 0);
  let before = 0;
  for (const file of request.files) {
    try {
      const read = progress && ((bytes: number) => progress(before + bytes, total));
      results.push(parseCalendar(file.bytes, { ...request.options, fileName: file.name }, read));
      before += file.bytes.length;
    } catch (error) {
      if (isImportError(error)) {
        const { code, message, line } = error;
        return {
          ok: false,
          file: file.name,
          error: line === undefined ? { code, message } : { code, message, line },
        };
      }
      return { ok: false, file: file.name, error: { code: 'PARSE', message: (error as Error).message } };
    }
  }
  return { ok: true, results };
}

/** Marks the thread the runner starts, so importing this module anywhere else starts nothing. */
export const PARSER_THREAD = 'rapport-calendar-parser';

// Each message is one parse; the thread stays for the next until the parent ends it.
if (workerData === PARSER_THREAD) {
  parentPort?.on('message', (request: WorkerRequest) => {
    const reply = parseAll(request, (bytesRead, totalBytes) =>
      parentPort!.postMessage({ progress: { bytesRead, totalBytes } } satisfies WorkerProgress),
    );
    if (!reply.ok) {
      parentPort!.postMessage(reply satisfies WorkerReply);
      return;
    }
    const results = reply.results.map(packCalendar);
    parentPort!.postMessage({ ok: true, results } satisfies WorkerReply, transferables(results));
  });
}
