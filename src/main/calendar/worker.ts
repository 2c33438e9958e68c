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

/** What the worker thread posts back: the results packed for the copy between threads. */
export type WorkerReply = { ok: true; results: PackedCalendar[] } | Rejected;

/** Parses each file in turn; the first rejected file ends the run with its error. */
export function parseAll(request: WorkerRequest): ParseReply {
  const results: ParsedCalendar[] = [];
  for (const file of request.files) {
    try {
      results.push(parseCalendar(file.bytes, { ...request.options, fileName: file.name }));
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
    const reply = parseAll(request);
    if (!reply.ok) {
      parentPort!.postMessage(reply satisfies WorkerReply);
      return;
    }
    const results = reply.results.map(packCalendar);
    parentPort!.postMessage({ ok: true, results } satisfies WorkerReply, transferables(results));
  });
}
