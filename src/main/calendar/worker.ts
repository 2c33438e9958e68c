import { parentPort, workerData } from 'node:worker_threads';
import type { ImportError, ParsedCalendar } from '../../shared/calendar/types';
import { isImportError } from './errors';
import type { CalendarFile } from './input';
import { parseCalendar, type ParseOptions } from './parse';

export interface WorkerRequest {
  files: CalendarFile[];
  options: ParseOptions;
}

export type WorkerReply =
  { ok: true; results: ParsedCalendar[] } | { ok: false; error: ImportError; file: string };

/** Parses each file in turn; the first rejected file ends the run with its error. */
export function parseAll(request: WorkerRequest): WorkerReply {
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

if (parentPort && workerData) {
  parentPort.postMessage(parseAll(workerData as WorkerRequest));
}
