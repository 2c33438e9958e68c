import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../../src/main/calendar/input';
import { inSharedMemory } from '../../../src/main/calendar/parserThread';
import { liveParserThreads, parseFiles, releaseParserThreads } from '../../../src/main/calendar/runner';
import { fixture, ics } from './helpers';

const options = { windowEnd: new Date('2026-01-01T00:00:00Z'), defaultZone: 'UTC' };
/** A series that repeats every second since 1970: only a limit ends reading it. */
const endless = ics('BEGIN:VEVENT', 'UID:x', 'DTSTART:19700101T000000Z', 'RRULE:FREQ=SECONDLY', 'END:VEVENT');

describe('parsing in a worker thread', () => {
  it('returns the same result as parsing in process', async () => {
    const files = [{ name: 'outlook.ics', bytes: fixture('rapport/outlook-windows-zones.ics') }];
    const [inWorker] = await parseFiles(files, options);
    const [inProcess] = await parseFiles(files, options, {
      timeoutMs: 10_000,
      maxHeapMb: 256,
      inProcess: true,
    });
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.occurrences).toHaveLength(6);
  });

  it('hands the worker the files in shared memory and leaves the caller its own bytes', async () => {
    // A zip's entries are views into one inflated buffer: each crosses as its own bytes only.
    const files = expandInputs([{ name: 'google.zip', bytes: fixture('rapport/google-export.zip') }]);
    expect(files.length).toBeGreaterThan(1);
    const before = files.map((f) => Buffer.from(f.bytes).toString('base64'));
    const request = inSharedMemory({ files, options });
    for (const [i, file] of request.files.entries()) {
      expect(file.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(file.bytes.byteLength).toBe(files[i].bytes.byteLength);
      expect(Buffer.from(file.bytes).equals(Buffer.from(files[i].bytes))).toBe(true);
    }
    const inWorker = await parseFiles(files, options);
    const inProcess = await parseFiles(files, options, {
      timeoutMs: 10_000,
      maxHeapMb: 256,
      inProcess: true,
    });
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.reduce((n, f) => n + f.occurrences.length, 0)).toBeGreaterThan(0);
    expect(files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(before);
  });

  it('stops a run that exceeds its wall-clock limit', async () => {
    const started = Date.now();
    const error = await parseFiles(
      [{ name: 'endless.ics', bytes: endless }],
      { ...options, maxOccurrences: 1e9 },
      {
        timeoutMs: 300,
        maxHeapMb: 256,
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect((error as Error).message).toMatch(/too long|longer than/);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The overrunning thread was ended; the next parse gets a new one.
    const files = [{ name: 'outlook.ics', bytes: fixture('rapport/outlook-windows-zones.ics') }];
    const [after] = await parseFiles(files, options);
    expect(after.occurrences).toHaveLength(6);
  });

  it('stops a run that exceeds its memory limit', async () => {
    // Every occurrence copies its 200 attendees: memory grows fast, time does not.
    const attendees = Array.from(
      { length: 200 },
      (_, i) => `ATTENDEE;CN=Guest ${i}:mailto:guest${i}@example.com`,
    );
    const lines = [
      'BEGIN:VEVENT',
      'UID:m',
      'DTSTART:19700101T000000Z',
      'RRULE:FREQ=HOURLY',
      ...attendees,
      'END:VEVENT',
    ];
    const error = await parseFiles(
      [{ name: 'big.ics', bytes: ics(...lines) }],
      { ...options, maxOccurrences: 1e9 },
      {
        timeoutMs: 60_000,
        maxHeapMb: 32,
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MEMORY' });
  });

  it('names the rejected file and keeps the line', async () => {
    const error = await parseFiles(
      [{ name: 'deep.ics', bytes: Buffer.from('BEGIN:VCALENDAR\n'.repeat(12)) }],
      options,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TOO_DEEP',
      line: 9,
      message: 'deep.ics: Components are nested more than 8 deep.',
    });
  });

  it('runs parses one at a time in one thread, each with its own limit', async () => {
    const files = [{ name: 'outlook.ics', bytes: fixture('rapport/outlook-windows-zones.ics') }];
    const limits = { timeoutMs: 2_000, maxHeapMb: 256 };
    const [first, stopped, last] = await Promise.allSettled([
      parseFiles(files, options, limits),
      parseFiles([{ name: 'endless.ics', bytes: endless }], { ...options, maxOccurrences: 1e9 }, limits),
      parseFiles(files, options, limits),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled' });
    expect(stopped).toMatchObject({ status: 'rejected', reason: { code: 'TIMEOUT' } });
    expect(last).toMatchObject({ status: 'fulfilled' });
    if (first.status === 'fulfilled' && last.status === 'fulfilled') expect(last.value).toEqual(first.value);
  });

  it('a released thread is ended at once, and the next parse starts another', async () => {
    const files = [{ name: 'outlook.ics', bytes: fixture('rapport/outlook-windows-zones.ics') }];
    // Whatever earlier tests left, a small file is read in one thread.
    await releaseParserThreads();
    const [first] = await parseFiles(files, options);
    expect(liveParserThreads()).toBe(1);
    await releaseParserThreads();
    expect(liveParserThreads()).toBe(0);
    const [again] = await parseFiles(files, options);
    expect(again).toEqual(first);
    expect(liveParserThreads()).toBe(1);
  });

  it('a thread at work is not released: its parse ends as it would have', async () => {
    const files = [{ name: 'outlook.ics', bytes: fixture('rapport/outlook-windows-zones.ics') }];
    await releaseParserThreads();
    const [alone] = await parseFiles(files, options);
    const reading = parseFiles(files, options);
    await releaseParserThreads();
    expect(liveParserThreads()).toBe(1);
    expect((await reading)[0]).toEqual(alone);
  });

  it('the thread kept for the next parse does not keep the process alive', () => {
    const script = `
      const { parseFiles } = await import('./src/main/calendar/runner.ts');
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync('test/fixtures/ics/rapport/outlook-windows-zones.ics');
      const [parsed] = await parseFiles([{ name: 'o.ics', bytes }], { windowEnd: new Date('2026-01-01T00:00:00Z') });
      console.log(parsed.occurrences.length);`;
    const started = Date.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out.trim()).toBe('6');
    // Well before the minute an idle thread is kept for.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('tells how far it has read, in bytes of all the files, in the thread and in process', async () => {
    const events = Array.from({ length: 5000 }, (_, i) => [
      'BEGIN:VEVENT',
      `UID:progress-${i}`,
      `DTSTART:2024${String((i % 12) + 1).padStart(2, '0')}10T090000Z`,
      'DURATION:PT30M',
      `SUMMARY:Weekly sync number ${i} with a title long enough to make the file a few megabytes`,
      `DESCRIPTION:${'Agenda and notes. '.repeat(30)}`,
      `ATTENDEE;CN=Guest ${i % 50};PARTSTAT=ACCEPTED:mailto:guest${i % 50}@example.com`,
      'END:VEVENT',
    ]).flat();
    const files = [
      { name: 'small.ics', bytes: fixture('rapport/outlook-windows-zones.ics') },
      { name: 'big.ics', bytes: ics(...events) },
    ];
    const total = files[0].bytes.length + files[1].bytes.length;
    expect(total).toBeGreaterThan(3 * 1024 * 1024);
    for (const inProcess of [false, true]) {
      const heard: Array<[number, number]> = [];
      const [, big] = await parseFiles(
        files,
        options,
        { timeoutMs: 30_000, maxHeapMb: 512, inProcess },
        (read, all) => heard.push([read, all]),
      );
      expect(big.occurrences).toHaveLength(5000);
      expect(heard.length).toBeGreaterThanOrEqual(3);
      expect(heard.every(([, all]) => all === total)).toBe(true);
      const reads = heard.map(([read]) => read);
      expect(reads).toEqual([...reads].sort((a, b) => a - b));
      // The big file's reports come after the whole small one, and none passes the end.
      expect(reads.at(-1)!).toBeLessThanOrEqual(total);
      expect(reads.at(-1)!).toBeGreaterThan(total * 0.6);
      expect(reads.some((read) => read > files[0].bytes.length)).toBe(true);
    }
  });
});
