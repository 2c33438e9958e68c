import { parentPort, workerData } from 'node:worker_threads';
import type { ImportError, ParsedCalendar } from '../../shared/calendar/types';
import { isImportError } from './errors';
import type { CalendarFile } from './input';
import { parseCalendar, parsePart, type ParseOptions, type PartInfo } from './parse';
import { partBytes, type FilePart } from './split';
import { packCalendar, transferables, type PackedCalendar } from './transfer';

export interface WorkerRequest {
  files: CalendarFile[];
  options: ParseOptions;
  /** Read only this part of the one file (split.ts), and say what the merge must check. */
  part?: FilePart;
}

type Rejected = { ok: false; error: ImportError; file: string };

export type ParseReply = { ok: true; results: ParsedCalendar[]; part?: PartInfo } | Rejected;

/** What the worker thread posts back at the end: the results packed for the copy between threads. */
export type WorkerReply = { ok: true; results: PackedCalendar[]; part?: PartInfo } | Rejected;

/** Posted while parsing: how far it has come. */
export interface WorkerProgress {
  progress: { bytesRead: number; totalBytes: number };
}

function rejectedFile(error: unknown, file: string): Rejected {
  if (isImportError(error)) {
    const { code, message, line } = error;
    return { ok: false, file, error: line === undefined ? { code, message } : { code, message, line } };
  }
  return { ok: false, file, error: { code: 'PARSE', message: (error as Error).message } };
}

/** Reads one part of a file. */
function parseOnePart(
  file: CalendarFile,
  part: FilePart,
  options: ParseOptions,
  progress?: (bytesRead: number, totalBytes: number) => void,
): ParseReply {
  try {
    const { bytes, lineOffset } = partBytes(file.bytes, part);
    const read = progress && ((n: number) => progress(n, bytes.length));
    const { parsed, info } = parsePart(bytes, { ...options, fileName: file.name, lineOffset }, read);
    return { ok: true, results: parsed ? [parsed] : [], part: info };
  } catch (error) {
    return rejectedFile(error, file.name);
  }
}

/**
 * Parses each file in turn; the first rejected file ends the run with its error. `progress`
 * hears the bytes read so far of all the files together.
 */
export function parseAll(
  request: WorkerRequest,
  progress?: (bytesRead: number, totalBytes: number) => void,
): ParseReply {
  if (request.part) return parseOnePart(request.files[0], request.part, request.options, progress);
  const results: ParsedCalendar[] = [];
  const total = request.files.reduce((n, f) => n + f.bytes.length, 0);
  let before = 0;
  for (const file of request.files) {
    try {
      const read = progress && ((bytes: number) => progress(before + bytes, total));
      results.push(parseCalendar(file.bytes, { ...request.options, fileName: file.name }, read));
      before += file.bytes.length;
    } catch (error) {
      return rejectedFile(error, file.name);
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
    parentPort!.postMessage({ ...reply, results } satisfies WorkerReply, transferables(results));
  });
}
