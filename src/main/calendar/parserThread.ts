import { Worker } from 'node:worker_threads';
import { CalendarImportError } from './errors';
import type { RunLimits } from './runner';
import { unpackCalendar } from './transfer';
import {
  PARSER_THREAD,
  type ParseReply,
  type WorkerProgress,
  type WorkerReply,
  type WorkerRequest,
} from './worker';

/** Hears how many bytes of all the files have been read. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

/** The parser thread's script, and the Node options it needs (tsx for the TypeScript source). */
export interface WorkerScript {
  url: URL;
  execArgv: string[];
}

/**
 * The request with each file's bytes copied into shared memory, which the worker reads where it
 * is. Posted as they are, the bytes are copied twice (serialised out of this thread, then into
 * the worker's heap): about 0.1 s for a 20 MB export and 1.2 s for a 100 MB one, where this copy
 * takes a few tens of milliseconds. A copy rather than a transfer: the caller keeps its bytes
 * (for the import's checksum, or another preview).
 */
export function inSharedMemory(request: WorkerRequest): WorkerRequest {
  return { ...request, files: request.files.map((file) => ({ name: file.name, bytes: shared(file.bytes) })) };
}

/** The bytes in shared memory: a copy, unless they are there already (both parts of one file). */
export function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/**
 * Each parser thread's young generation (MB). V8's default lets it grow to tens of megabytes
 * of short-lived garbage, which an idle thread then keeps: with a large file read in two
 * threads, the bench's peak memory of a 20,000-event import rose from 436 to 564 MB. Limited
 * to 8 MB, a first import peaked at 543 MB instead of 603–627 (two threads) and 474 instead of
 * 504 (one), and parsed no slower at 20,000 or 100,000 events.
 */
const YOUNG_GENERATION_MB = 8;

/** How long an idle worker is kept for the next parse before its memory is given back. */
const IDLE_MS = 60_000;

/**
 * One worker thread kept between parses: a fresh thread starts with cold code, and reading a
 * large file in it takes twice as long as in a thread that has read one before (previewing
 * again with another window, re-importing). It never keeps the process alive, is ended when a
 * run overruns its limits or fails, when it is released, and after a minute without work.
 */
export class ParserThread {
  private worker: Worker | null = null;
  private key = '';
  private idle: NodeJS.Timeout | null = null;
  /** Runs one at a time: a second parse waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Runs queued or under way, which `release` leaves their thread. */
  private pending = 0;

  run(
    script: WorkerScript,
    request: () => WorkerRequest,
    limits: RunLimits,
    progress?: ReadProgress,
  ): Promise<ParseReply> {
    this.pending++;
    const next = this.queue
      .then(() => this.runNow(script, request(), limits, progress))
      .finally(() => this.pending--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Whether a thread is there, at work or kept for the next parse. */
  get alive(): boolean {
    return this.worker !== null;
  }

  /**
   * Ends the kept thread now rather than after its idle minute, unless a parse is queued or
   * under way, and resolves once the thread has exited and its memory is given back.
   */
  async release(): Promise<void> {
    if (this.pending === 0) await this.end();
  }

  private end(): Promise<unknown> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    return worker?.terminate() ?? Promise.resolve();
  }

  private thread(script: WorkerScript, maxHeapMb: number): Worker {
    const key = `${script.url.href} ${maxHeapMb}`;
    if (this.worker && this.key !== key) void this.end();
    if (!this.worker) {
      const worker = new Worker(script.url, {
        workerData: PARSER_THREAD,
        execArgv: script.execArgv,
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      // A thread that ends between runs is simply started again by the next one.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        if (this.worker === worker) void this.end();
      });
      this.worker = worker;
      this.key = key;
    }
    return this.worker;
  }

  private runNow(
    script: WorkerScript,
    request: WorkerRequest,
    limits: RunLimits,
    progress?: ReadProgress,
  ): Promise<ParseReply> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.thread(script, limits.maxHeapMb);
    worker.ref();
    return new Promise<ParseReply>((resolve, reject) => {
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
          this.idle = setTimeout(() => void this.end(), IDLE_MS).unref();
        } else if (this.worker === worker) void this.end();
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
        finish(
          () => resolve(reply.ok ? { ...reply, results: reply.results.map(unpackCalendar) } : reply),
          true,
        );
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
      worker.postMessage(inSharedMemory(request));
    });
  }
}
