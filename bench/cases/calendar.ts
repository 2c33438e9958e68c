import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { ServiceContext } from '../../src/main/calendar/service';
import type * as CalendarApp from '../lib/calendarApp';
import { percentile } from '../lib/timing';
import type { BenchResult } from '../lib/types';

/**
 * Calendar import at the size of a real work history: a seeded 20,000-event export (about
 * 17 MB: CRLF, folded lines, 1 to 8 attendees, weekly and monthly series with moved and
 * cancelled instances and EXDATEs, Windows and IANA zones), imported into a fresh database,
 * against ICAL.parse alone and node-ical's parseICS alone on the same file in the same run.
 * The import runs as the app runs it: bundled, parsing in its worker thread. Each contender
 * runs in a process of its own, and they take turns run by run; the first run of each is
 * reported as cold, the rest as warm. Also: the re-import of the same file, a preview again
 * with a series left out, and (at 20,000 events) a later export with every meeting moved a
 * minute, which updates them all.
 */

const SELF = 'me@example.com';
const WINDOW_END = new Date('2026-01-01T00:00:00Z');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Ana',
  'Ben',
  'Chidi',
  'Dana',
  'Emil',
  'Fatima',
  'Goran',
  'Hana',
  'Ivan',
  'Jia',
  'Kofi',
  'Lena',
  'Mateo',
  'Nora',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
];
const FAMILY = [
  'Sousa',
  'Okafor',
  'Müller',
  'Lindqvist',
  'Nakamura',
  'García',
  'Kowalski',
  'Haddad',
  'Novak',
  'Chen',
  'Mensah',
  'Dubois',
  'Rossi',
  'Ivanova',
  'Kaur',
  'Brennan',
  'Silva',
  'Yılmaz',
  'Andersen',
  'Park',
];
const WORDS = [
  'roadmap',
  'sync',
  'review',
  'planning',
  'budget',
  'hiring',
  'design',
  'retro',
  'launch',
  'customer',
  'pricing',
  'security',
  'platform',
  'quarterly',
  'offsite',
  'strategy',
  'migration',
  'onboarding',
  'metrics',
  'research',
];
const LOREM =
  'Agenda: status of the open items, decisions needed this week, risks and owners. Notes from last time are in the shared document; please add your updates before the call so we can keep it short. Dial-in details and the room are below — merci, gracias, danke. ';

const VTIMEZONES = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:Pacific Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0700',
  'TZOFFSETTO:-0800',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0800',
  'TZOFFSETTO:-0700',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

/**
 * Folds a content line at 75 octets, as RFC 5545 asks (and as exporters do, mid-character
 * too). Returns the line's bytes as a latin1 string: the file is assembled from bytes.
 */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return bytes.toString('latin1');
  const parts: Buffer[] = [bytes.subarray(0, 75)];
  for (let i = 75; i < bytes.length; i += 74)
    parts.push(Buffer.concat([Buffer.from(' '), bytes.subarray(i, i + 74)]));
  return parts.map((p) => p.toString('latin1')).join('\r\n');
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** A deterministic export with `events` VEVENTs; returns the file's bytes. */
export function generateCalendar(events: number, seed = 7): Buffer {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const people = Array.from({ length: Math.max(200, Math.round(events / 25)) }, (_, i) => {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    return {
      name: `${given} ${family}`,
      email: `${given}.${family}.${i}@example.org`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^\x20-\x7e]/g, ''),
    };
  });
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Rapport bench//EN',
    'VERSION:2.0',
    'X-WR-CALNAME:Work',
    'X-WR-TIMEZONE:Europe/London',
    ...VTIMEZONES,
  ];
  const start = Date.UTC(2016, 0, 4, 9);
  const span = WINDOW_END.getTime() - start - 30 * 86_400_000;
  let written = 0;
  let uid = 0;
  const event = (fields: {
    uid: string;
    startMs: number;
    zone: 'Europe/London' | 'Pacific Standard Time' | 'UTC';
    minutes: number;
    extra?: string[];
    organizer: { name: string; email: string };
    attendees: Array<{ name: string; email: string }>;
    title: string;
    sequence: number;
  }) => {
    const dt = (ms: number) =>
      fields.zone === 'UTC' ? `:${stamp(ms)}Z` : `;TZID=${fields.zone}:${stamp(ms)}`;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART${dt(fields.startMs)}`,
      `DTEND${dt(fields.startMs + fields.minutes * 60_000)}`,
    );
    lines.push(`DTSTAMP:${stamp(fields.startMs - 86_400_000)}Z`, `UID:${fields.uid}`);
    lines.push(fold(`ORGANIZER;CN=${fields.organizer.name}:mailto:${fields.organizer.email}`));
    for (const a of fields.attendees) {
      lines.push(
        fold(
          `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${random() < 0.85 ? 'ACCEPTED' : 'TENTATIVE'};CN=${a.name}:mailto:${a.email}`,
        ),
      );
    }
    const link = random() < 0.5 ? '\\n\\nhttps://meet.google.com/abc-defg-hij' : '';
    lines.push(fold(`DESCRIPTION:${LOREM.slice(0, 40 + Math.floor(random() * 100))}${link}`));
    lines.push(
      `LAST-MODIFIED:${stamp(fields.startMs - 86_400_000)}Z`,
      `SEQUENCE:${fields.sequence}`,
      'STATUS:CONFIRMED',
    );
    lines.push(fold(`SUMMARY:${fields.title}`), 'TRANSP:OPAQUE', ...(fields.extra ?? []), 'END:VEVENT');
    written++;
  };
  while (written < events) {
    const organizerIsMe = random() < 0.4;
    // 2 to 8 people in each meeting, the user included.
    const attendees = Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(people));
    const organizer = organizerIsMe ? { name: 'Me Myself', email: SELF } : attendees[0];
    const all = organizerIsMe ? attendees : [...attendees, { name: 'Me Myself', email: SELF }];
    const title = `${pick(WORDS)} ${pick(WORDS)} with ${attendees[0].name}`;
    const zone = pick(['Europe/London', 'Europe/London', 'Pacific Standard Time', 'UTC'] as const);
    const startMs = start + Math.floor((random() * span) / 1_800_000) * 1_800_000;
    const id = `bench-${++uid}@rapport.test`;
    if (random() < 0.05 && events - written > 4) {
      // A series: weekly or monthly for a few months, with an EXDATE, a moved and a cancelled instance.
      const weekly = random() < 0.7;
      const count = weekly ? 8 + Math.floor(random() * 20) : 4 + Math.floor(random() * 8);
      const stepMs = weekly ? 7 * 86_400_000 : 0;
      const at = (k: number) => {
        const d = new Date(startMs);
        if (weekly) return startMs + k * stepMs;
        d.setUTCMonth(d.getUTCMonth() + k);
        return d.getTime();
      };
      const dt = (ms: number) => (zone === 'UTC' ? `:${stamp(ms)}Z` : `;TZID=${zone}:${stamp(ms)}`);
      const rule = weekly ? `RRULE:FREQ=WEEKLY;COUNT=${count}` : `RRULE:FREQ=MONTHLY;COUNT=${count}`;
      event({
        uid: id,
        startMs,
        zone,
        minutes: 30,
        organizer,
        attendees: all,
        title,
        sequence: 0,
        extra: [rule, `EXDATE${dt(at(2))}`],
      });
      event({
        uid: id,
        startMs: at(1) + 3_600_000,
        zone,
        minutes: 30,
        organizer,
        attendees: all,
        title: `${title} (moved)`,
        sequence: 1,
        extra: [`RECURRENCE-ID${dt(at(1))}`],
      });
      event({
        uid: id,
        startMs: at(3),
        zone,
        minutes: 30,
        organizer,
        attendees: all,
        title,
        sequence: 1,
        extra: [`RECURRENCE-ID${dt(at(3))}`, 'STATUS:CANCELLED'],
      });
    } else {
      event({
        uid: id,
        startMs,
        zone,
        minutes: pick([15, 30, 30, 45, 60, 90]),
        organizer,
        attendees: all,
        title,
        sequence: 0,
      });
    }
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

type Mode = 'import' | 'ical' | 'node-ical' | 'repreview' | 'later';

/**
 * The same export taken later with every meeting a minute later: each is updated, and the
 * instances of every series get new keys, which the import pairs with the ones it stored.
 * The generator's meetings start on the hour or the half hour, so a minute never carries.
 */
export function movedAMinute(bytes: Buffer): Buffer {
  let inEvent = false;
  const lines = bytes
    .toString('latin1')
    .split('\r\n')
    .map((line) => {
      if (line === 'BEGIN:VEVENT' || line === 'END:VEVENT') inEvent = line === 'BEGIN:VEVENT';
      if (!inEvent) return line;
      return line.replace(
        /^((?:DTSTART|DTEND|RECURRENCE-ID|EXDATE)[^:]*:\d{8}T\d\d)(\d\d)/,
        (_, head: string, minute: string) => `${head}${String(Number(minute) + 1).padStart(2, '0')}`,
      );
    });
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** Parts of one import (ms): preview (read, expand, match, plan), commit's re-plan, and the write. */
interface Phases {
  preview: number;
  plan: number;
  write: number;
}

/** One full import into a fresh database: preview then commit, as the app does it. */
type App = typeof CalendarApp;

async function importOnce(
  app: App,
  bytes: Buffer,
  dir: string,
  again = false,
): Promise<{ ms: number; reMs?: number; created: number; rowsWritten?: number; phases: Phases }> {
  const { openStore, previewImport, commitImport } = app;
  const store = await openStore(join(dir, `import-${Date.now()}-${Math.random()}.sqlite`));
  try {
    // Where the first import's time goes: the preview (read, expand, match, plan), the commit's
    // planning up to its first progress event, and the write (through COMMIT).
    const marks: Partial<Record<'previewed' | 'planned' | 'written', number>> = {};
    const ctx: ServiceContext = {
      store,
      now: () => WINDOW_END,
      limits: app.defaultRunLimits,
      progress: (phase, done) => {
        if (phase === 'writing' && done === 0) marks.planned ??= performance.now();
      },
    };
    let created = 0;
    const request = { files: [{ name: 'work.ics', bytes }], windowEnd: WINDOW_END, selfEmails: [SELF] };
    const run = async () => {
      const preview = await previewImport(request, ctx);
      marks.previewed ??= performance.now();
      const result = await commitImport(
        { previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) },
        ctx,
      );
      marks.written ??= performance.now();
      return result;
    };
    const started = performance.now();
    const ms = await timeAsync(async () => {
      created = (await run()).created;
    });
    const previewed = marks.previewed ?? started;
    const planned = marks.planned ?? previewed;
    const phases: Phases = {
      preview: previewed - started,
      plan: planned - previewed,
      write: (marks.written ?? planned) - planned,
    };
    if (!again) return { ms, created, phases };
    const changesBefore = store.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    let reCreated = 0;
    const reMs = await timeAsync(async () => {
      const r = await run();
      reCreated = r.created + r.updated;
    });
    const changesAfter = store.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    return { ms, reMs, created, rowsWritten: changesAfter - changesBefore + reCreated, phases };
  } finally {
    await store.close();
  }
}

/**
 * A preview that reads the file, then the same with its most frequent series unticked, which
 * takes the file as read. Run in a process of its own: the previews it leaves cached would
 * otherwise spare a later full import its read. Each run asks for its own window end (a
 * millisecond apart), so that its first preview reads the file rather than an earlier run's.
 */
async function repreviewOnce(app: App, bytes: Buffer, dir: string, run: number): Promise<RunResult> {
  const { openStore, previewImport } = app;
  const store = await openStore(join(dir, `repreview-${Date.now()}-${Math.random()}.sqlite`));
  try {
    const ctx: ServiceContext = { store, now: () => WINDOW_END, limits: app.defaultRunLimits };
    const request = {
      files: [{ name: 'work.ics', bytes }],
      windowEnd: new Date(WINDOW_END.getTime() - run),
      selfEmails: [SELF],
    };
    let top = '';
    const readMs = await timeAsync(async () => {
      top = (await previewImport(request, ctx)).series[0].uid;
    });
    const ms = await timeAsync(() => previewImport({ ...request, skipSeries: [top] }, ctx));
    return { ms, repreview: { readMs, leftOutMs: ms } };
  } finally {
    await store.close();
  }
}

/**
 * The first export imported (untimed), then the later one with every meeting moved a minute:
 * its preview and commit, timed as the full import is.
 */
async function laterOnce(app: App, bytes: Buffer, moved: Buffer, dir: string): Promise<RunResult> {
  const { openStore, previewImport, commitImport } = app;
  const store = await openStore(join(dir, `later-${Date.now()}-${Math.random()}.sqlite`));
  try {
    const ctx: ServiceContext = { store, now: () => WINDOW_END, limits: app.defaultRunLimits };
    const importBytes = async (file: Buffer) => {
      const request = {
        files: [{ name: 'work.ics', bytes: file }],
        windowEnd: WINDOW_END,
        selfEmails: [SELF],
      };
      const preview = await previewImport(request, ctx);
      const createPeople = preview.newPeople.map((p) => p.email);
      const result = await commitImport({ previewId: preview.previewId, createPeople }, ctx);
      return { moved: preview.moved, updated: result.updated };
    };
    await importBytes(bytes);
    let later = { moved: 0, updated: 0 };
    const ms = await timeAsync(async () => {
      later = await importBytes(moved);
    });
    return { ms, later };
  } finally {
    await store.close();
  }
}

const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.build');
const APP_BUNDLE = join(BUILD_DIR, 'calendar-app.js');

/**
 * Bundles the import as electron-vite does for the app (dependencies left to node_modules),
 * with the parser's worker thread beside it, so the bench runs the code and the thread the
 * app runs rather than TypeScript compiled on the fly in one thread.
 */
function buildApp(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  buildSync({
    entryPoints: {
      'calendar-app': join(root, 'bench', 'lib', 'calendarApp.ts'),
      'calendar-worker': join(root, 'src', 'main', 'calendar', 'worker.ts'),
    },
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** One timed run of a contender, and for the import its phases, counts and re-import. */
interface RunResult {
  ms: number;
  reMs?: number;
  /** A preview that reads the file, then the same with its most frequent series left out. */
  repreview?: { readMs: number; leftOutMs: number };
  /** The later export with every meeting moved: meetings updated, and of them re-keyed as moved. */
  later?: { moved: number; updated: number };
  phases?: Phases;
  created?: number;
  rowsWritten?: number;
}

/**
 * What a child says on its IPC channel: that it has loaded its code and the file, one run's
 * result, or its peak RSS (MB) when told to stop.
 */
type ChildMessage = { ready: true } | { run: RunResult } | { rssMb: number };

/**
 * A contender in a process of its own, so none is timed among the heap another left behind
 * (node-ical's leaves every later run in the same process up to 1.6x slower, whichever it
 * is). It runs once each time it is asked, so the parent can take turns between contenders.
 */
interface Contender {
  next(): Promise<RunResult>;
  /** Ends the process; resolves to its peak RSS (MB) over all its runs. */
  stop(): Promise<number>;
}

/** Resolves once the child has loaded, so no contender's start-up runs during another's timed run. */
async function startContender(mode: Mode, file: string, dir: string, again: boolean): Promise<Contender> {
  const proc = fork(fileURLToPath(import.meta.url), ['--child', mode, file, dir, again ? 'again' : 'once'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`calendar bench child ${mode} exited with ${String(code)}`));
      proc.once('exit', onExit);
      proc.once('message', (message) => {
        proc.off('exit', onExit);
        resolve(message as ChildMessage);
      });
    });
  if (!('ready' in (await reply()))) throw new Error(`calendar bench child ${mode} did not start`);
  /** Sends a command and waits for its answer, which must carry `key`. */
  const ask = async <K extends 'run' | 'rssMb'>(command: 'run' | 'stop', key: K) => {
    const answer = reply();
    proc.send(command);
    const message = await answer;
    if (!(key in message)) throw new Error(`calendar bench child ${mode} answered out of turn`);
    return (message as Extract<ChildMessage, Record<K, unknown>>)[key];
  };
  return {
    next: () => ask('run', 'run'),
    stop: () => ask('stop', 'rssMb'),
  };
}

/** The child's side: one run per 'run' message, its peak RSS on 'stop', then it exits. */
async function child(mode: Mode, file: string, dir: string, again: boolean): Promise<void> {
  const bytes = readFileSync(file);
  const app =
    mode === 'import' || mode === 'repreview' || mode === 'later'
      ? ((await import(pathToFileURL(APP_BUNDLE).href)) as App)
      : null;
  let runs = 0;
  const runOnce = async (): Promise<RunResult> => {
    if (mode === 'ical') return { ms: time(() => ICAL.parse(bytes.toString('utf8'))) };
    if (mode === 'node-ical') return { ms: time(() => nodeIcal.sync.parseICS(bytes.toString('utf8'))) };
    if (mode === 'repreview') return repreviewOnce(app!, bytes, dir, runs++);
    if (mode === 'later') return laterOnce(app!, bytes, readFileSync(`${file}.moved`), dir);
    return importOnce(app!, bytes, dir, again);
  };
  process.on('message', (message) => {
    if (message === 'stop') {
      process.send!({ rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, () => process.exit(0));
      return;
    }
    void runOnce().then((run) => process.send!({ run }));
  });
  process.send!({ ready: true });
}

/** Idle time before each timed run, in ms. */
const SETTLE_MS = 2000;

/**
 * Every contender's runs, taken in turns (import, ICAL.parse, node-ical, import, ...), so a
 * machine that slows down or speeds up for a minute or two (as shared machines do) weighs on
 * all of them alike rather than on whichever happened to run then.
 */
async function runInTurns(file: string, dir: string, repeats: number) {
  const modes: Mode[] = ['import', 'ical', 'node-ical'];
  const contenders: Contender[] = [];
  for (const mode of modes) contenders.push(await startContender(mode, file, dir, mode === 'import'));
  const runs = modes.map((): RunResult[] => []);
  for (let r = 0; r < repeats; r++) {
    for (const [i, contender] of contenders.entries()) {
      // The last run's collector and its parser thread's clean-up settle first, on a 2-core machine
      // they would otherwise run during the next contender's timed run.
      await new Promise((done) => setTimeout(done, SETTLE_MS));
      runs[i].push(await contender.next());
    }
  }
  await Promise.all(contenders.map((c) => c.stop()));
  return { ours: runs[0], ical: runs[1].map((x) => x.ms), nical: runs[2].map((x) => x.ms) };
}

/** `repeats` warm runs of `repreviewOnce` in a process of their own, after a cold one left out. */
async function repreviews(file: string, dir: string, repeats: number) {
  const contender = await startContender('repreview', file, dir, false);
  const runs: Array<{ readMs: number; leftOutMs: number }> = [];
  for (let r = 0; r <= repeats; r++) {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    runs.push((await contender.next()).repreview!);
  }
  await contender.stop();
  return runs.slice(1);
}

/** `repeats` warm runs of `laterOnce` in a process of their own, after a cold one left out. */
async function laterRuns(file: string, dir: string, repeats: number) {
  const contender = await startContender('later', file, dir, false);
  const runs: RunResult[] = [];
  for (let r = 0; r <= repeats; r++) {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    runs.push(await contender.next());
  }
  await contender.stop();
  return runs.slice(1);
}

/** Peak RSS (MB) of a process that runs `mode` once and nothing else. */
async function peakRss(mode: Mode, file: string, dir: string): Promise<number> {
  const contender = await startContender(mode, file, dir, false);
  await contender.next();
  return contender.stop();
}

async function measureSize(
  { events, repeats, later: withLater = false }: Size,
  dir: string,
): Promise<Array<BenchResult & Record<string, unknown>>> {
  const bytes = generateCalendar(events);
  const file = join(dir, `calendar-${events}.ics`);
  writeFileSync(file, bytes);
  const mb = Math.round((bytes.length / 1048576) * 10) / 10;
  process.stderr.write(`calendar: ${events} events, ${mb} MB\n`);
  const turns = await runInTurns(file, dir, repeats);
  const { ical, nical } = turns;
  const ours = {
    ms: turns.ours.map((r) => r.ms),
    reMs: turns.ours.map((r) => r.reMs!),
    phases: turns.ours.map((r) => r.phases!),
  };
  const { created = 0, rowsWritten = 0 } = turns.ours.at(-1)!;
  const { phases, reMs: reimport } = ours;
  // The first run of each process is cold (code not yet optimised, a new parser thread): the
  // app's first import of a session. The later ones are warm: its next imports.
  const warm = (xs: number[]) => percentile(xs.length > 1 ? xs.slice(1) : xs, 50);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const rss = { import: await peakRss('import', file, dir), ical: await peakRss('ical', file, dir) };
  const repreview = await repreviews(file, dir, repeats);
  const leftOut = repreview.map((r) => r.leftOutMs);
  const read = repreview.map((r) => r.readMs);
  if (withLater) writeFileSync(`${file}.moved`, movedAMinute(bytes));
  const later = withLater ? await laterRuns(file, dir, repeats) : [];
  const base = { n: events, file_mb: mb, runs: ours.ms.length };
  const cold = (peer: number[]) => ({
    cold_ms: round(ours.ms[0]),
    peer_cold_ms: round(peer[0]),
    cold_ratio: ratio(ours.ms[0], peer[0]),
  });
  return [
    {
      case: `calendar: full import (${events} events, ${created} meetings) vs ICAL.parse`,
      ...base,
      median_ms: round(warm(ours.ms)),
      p95_ms: round(percentile(ours.ms, 95)),
      peer: 'ICAL.parse alone',
      peer_median_ms: round(warm(ical)),
      peer_p95_ms: round(percentile(ical, 95)),
      ratio: ratio(warm(ours.ms), warm(ical)),
      ...cold(ical),
      rss_mb: rss.import,
      peer_rss_mb: rss.ical,
      rss_ratio: ratio(rss.import, rss.ical),
      preview_median_ms: round(warm(phases.map((p) => p.preview))),
      commit_plan_median_ms: round(warm(phases.map((p) => p.plan))),
      write_median_ms: round(warm(phases.map((p) => p.write))),
      runs_ms: ours.ms.map(round),
      peer_runs_ms: ical.map(round),
    },
    {
      case: `calendar: full import (${events} events) vs node-ical parseICS`,
      ...base,
      median_ms: round(warm(ours.ms)),
      p95_ms: round(percentile(ours.ms, 95)),
      peer: 'node-ical parseICS alone',
      peer_median_ms: round(warm(nical)),
      peer_p95_ms: round(percentile(nical, 95)),
      ratio: ratio(warm(ours.ms), warm(nical)),
      ...cold(nical),
      peer_runs_ms: nical.map(round),
    },
    {
      case: `calendar: re-import of the same file (${events} events)`,
      ...base,
      median_ms: round(percentile(reimport, 50)),
      p95_ms: round(percentile(reimport, 95)),
      peer: 'first import',
      peer_median_ms: round(warm(ours.ms)),
      ratio: ratio(percentile(reimport, 50), warm(ours.ms)),
      rows_written: rowsWritten,
    },
    {
      case: `calendar: preview again with the most frequent series left out (${events} events)`,
      ...base,
      median_ms: round(percentile(leftOut, 50)),
      p95_ms: round(percentile(leftOut, 95)),
      peer: 'preview that reads the file',
      peer_median_ms: round(percentile(read, 50)),
      ratio: ratio(percentile(leftOut, 50), percentile(read, 50)),
    },
    ...(later.length === 0
      ? []
      : [
          {
            case: `calendar: later export with every meeting moved a minute (${events} events, ${later[0].later!.updated} updated, ${later[0].later!.moved} of them re-keyed)`,
            ...base,
            median_ms: round(
              percentile(
                later.map((r) => r.ms),
                50,
              ),
            ),
            p95_ms: round(
              percentile(
                later.map((r) => r.ms),
                95,
              ),
            ),
            peer: 'first import',
            peer_median_ms: round(warm(ours.ms)),
            ratio: ratio(
              percentile(
                later.map((r) => r.ms),
                50,
              ),
              warm(ours.ms),
            ),
          },
        ]),
  ];
}

/** One calendar size to measure; `later` adds the later export with every meeting moved. */
interface Size {
  events: number;
  repeats: number;
  later?: boolean;
}

export async function run(options: { sizes?: Size[] } = {}): Promise<BenchResult[]> {
  const sizes = options.sizes ?? [
    { events: 20_000, repeats: 5, later: true },
    // No later export at this size: each run would add a minute to the bench.
    { events: 100_000, repeats: 2 },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-calendar-'));
  buildApp();
  try {
    const results: Array<BenchResult & Record<string, unknown>> = [];
    for (const size of sizes) results.push(...(await measureSize(size, dir)));
    for (const r of results) {
      if (r.rss_mb !== undefined) {
        process.stderr.write(
          `calendar: ${r.n} events: peak RSS import ${String(r.rss_mb)} MB vs ICAL.parse ${String(r.peer_rss_mb)} MB\n`,
        );
        // The table's import is the median of the later runs (the main thread's code warm, the
        // parser threads new, as each commit ends them); the first run is a session's first import.
        process.stderr.write(
          `calendar: ${r.n} events: first import of the process ${String(r.cold_ms)} ms vs ICAL.parse ${String(r.peer_cold_ms)} ms (${String(r.cold_ratio)}x)\n`,
        );
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  void child(process.argv[3] as Mode, process.argv[4], process.argv[5], process.argv[6] === 'again');
}
