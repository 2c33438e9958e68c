import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarImportError } from '../../../src/main/calendar/errors';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { AppError } from '../../../src/shared/ipc/envelope';
import { contentHash, visibleState } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { description } from './arbitraryDescription';
import { fixture, fixturesDir } from './helpers';

const corpus = ['ical.js', 'node-ical', 'rapport']
  .flatMap((dir) => readdirSync(join(fixturesDir, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.ics'))
  .map((f) => fixture(f));

/** Either a result or a CalendarImportError; anything else (a crash) fails the property. */
function parseSafely(bytes: Uint8Array): 'ok' | 'rejected' {
  try {
    const r = parseCalendar(bytes, {
      // An early window and a low cap keep each run short; both still bite on the corpus.
      windowEnd: new Date('2014-01-01T00:00:00Z'),
      maxOccurrences: 300,
      deadline: Date.now() + 5000,
    });
    for (const o of r.occurrences) {
      expect(o.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
      if (o.endsAt !== null) expect(o.endsAt >= o.startsAt).toBe(true);
    }
    return 'ok';
  } catch (error) {
    if (error instanceof CalendarImportError) return 'rejected';
    throw error;
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Uint8Array, steps: Mutation[]): Uint8Array {
  let bytes = Buffer.from(source);
  for (const step of steps) {
    const at = bytes.length === 0 ? 0 : step.at % bytes.length;
    if (step.kind === 'flip') bytes[at] = step.value;
    else if (step.kind === 'cut') bytes = bytes.subarray(0, at);
    else if (step.kind === 'insert')
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(step.bytes), bytes.subarray(at)]);
    else bytes = Buffer.concat([bytes.subarray(0, at + step.length), bytes.subarray(at)]);
  }
  return bytes;
}

const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/[-:]/g, '').slice(0, 15));
const zone = fc.constantFrom(
  '',
  ';TZID=Europe/Paris',
  ';TZID="Pacific Standard Time"',
  ';TZID="(UTC-05:00) Eastern Time (US & Canada)"',
  ';TZID=Nowhere/Special',
  ';VALUE=DATE',
);
const rule = fc.constantFrom(
  '',
  'RRULE:FREQ=DAILY;COUNT=1000000000',
  'RRULE:FREQ=DAILY;INTERVAL=0',
  'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
  'RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20240101T000000Z',
  'RRULE:FREQ=YEARLY;BYYEARDAY=400',
  'RRULE:FREQ=HOURLY;INTERVAL=7',
  'RRULE:garbage',
  'RRULE:FREQ=WEEKLY;BYDAY=MO,WE\r\nEXRULE:FREQ=MONTHLY;BYDAY=1MO',
  'EXRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
);
/** One event of a generated calendar, as `render` writes it. */
interface FuzzEvent {
  uid?: string;
  title?: string;
  start: string;
  startZone: string;
  end?: string;
  rule: string;
  rid?: string;
  /** RANGE=THISANDFUTURE on the RECURRENCE-ID. */
  ridRange?: boolean;
  exdate?: string;
  status: string;
  people: Array<{ email: string; params: string }>;
  sequence: number;
  description?: string;
  /** Outlook's HTML copy of the body (X-ALT-DESC), read when the plain one is missing. */
  htmlBody?: string;
}

const event: fc.Arbitrary<FuzzEvent> = fc.record({
  uid: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
  start: date,
  startZone: zone,
  end: fc.option(date, { nil: undefined }),
  rule,
  rid: fc.option(date, { nil: undefined }),
  ridRange: fc.boolean(),
  exdate: fc.option(date, { nil: undefined }),
  status: fc.constantFrom('', 'STATUS:CANCELLED', 'STATUS:CONFIRMED'),
  people: fc.array(
    fc.record({
      email: fc.constantFrom('me@example.com', 'x@example.com', 'ROOM@example.com', 'not-an-email', ''),
      params: fc.constantFrom(
        '',
        ';PARTSTAT=DECLINED',
        ';PARTSTAT=DELEGATED',
        ';ROLE=NON-PARTICIPANT',
        ';CUTYPE=ROOM',
        ';CN="A, B"',
        ';EMAIL=y@example.com',
      ),
    }),
    { maxLength: 4 },
  ),
  sequence: fc.nat({ max: 3 }),
  description: fc.option(description, { nil: undefined }),
  htmlBody: fc.option(description, { nil: undefined }),
});

/**
 * A meeting an import takes: someone in it (unless only Priya, by name, before she is anyone), a
 * UID, a start in the window the commits read.
 */
const plainMeeting: fc.Arbitrary<FuzzEvent> = fc.record({
  uid: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5'),
  // Alike titles, so that a meeting made again under another UID can be taken for the one before.
  title: fc.constantFrom(undefined, 'Lunch', '1:1'),
  start: fc
    .date({
      min: new Date('2005-01-01T00:00:00Z'),
      max: new Date('2013-06-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().replace(/[-:]/g, '').slice(0, 15)),
  startZone: fc.constantFrom('', ';TZID=Europe/Paris'),
  end: fc.constant(undefined),
  rule: fc.constantFrom(
    '',
    'RRULE:FREQ=WEEKLY;COUNT=5',
    'RRULE:FREQ=DAILY;COUNT=3',
    'RRULE:FREQ=MONTHLY;COUNT=4',
  ),
  rid: fc.constant(undefined),
  exdate: fc.constant(undefined),
  status: fc.constant(''),
  // Priya by her address (a contact once imported), or by her name alone, as Outlook writes her.
  people: fc.constantFrom(
    [{ email: 'x@example.com', params: '' }],
    [
      { email: 'x@example.com', params: '' },
      { email: 'priya@example.com', params: ';CN=Priya Raman' },
    ],
    [
      { email: 'x@example.com', params: '' },
      { email: 'invalid:nomail', params: ';CN=Priya Raman' },
    ],
    [{ email: 'invalid:nomail', params: ';CN=Priya Raman' }],
  ),
  sequence: fc.constant(0),
});

/** The events with Priya under a name and address of the run's own. */
function priyaOfRun(events: FuzzEvent[], run: number): FuzzEvent[] {
  return events.map((e) => ({
    ...e,
    people: e.people.map((p) => ({
      email: p.email.replace('priya@', `priya${run}@`),
      params: p.params.replace('Priya Raman', `Priya Raman-${run}`),
    })),
  }));
}

/** What a later export did to one event of the earlier one. */
const edit = fc.record({
  kind: fc.constantFrom(
    'keep' as const,
    'drop' as const,
    'move' as const,
    'cancel' as const,
    'recreate' as const,
  ),
  hours: fc.integer({ min: -200, max: 200 }),
});

/** A `YYYYMMDDTHHMMSS` time so many hours later (or earlier). */
function shifted(time: string, hours: number): string {
  const at = Date.UTC(
    +time.slice(0, 4),
    +time.slice(4, 6) - 1,
    +time.slice(6, 8),
    +time.slice(9, 11),
    +time.slice(11, 13),
  );
  return new Date(at + hours * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * The earlier export's events as a later one holds them: each kept, dropped, moved, cancelled,
 * or deleted and made again under another UID (as Apple Calendar and Thunderbird write a change
 * to "this and following", and as people reschedule), so many hours from where it was.
 */
function edited(events: FuzzEvent[], edits: Array<typeof edit extends fc.Arbitrary<infer T> ? T : never>) {
  return events.flatMap((e, i): FuzzEvent[] => {
    const change = edits.length === 0 ? { kind: 'keep', hours: 0 } : edits[i % edits.length];
    if (change.kind === 'drop') return [];
    if (change.kind === 'cancel') return [{ ...e, status: 'STATUS:CANCELLED', sequence: e.sequence + 1 }];
    if (change.kind === 'keep') return [e];
    if (change.kind === 'recreate') {
      return [{ ...e, uid: `${e.uid ?? `e${i}`}-again`, start: shifted(e.start, change.hours), sequence: 0 }];
    }
    return [{ ...e, start: shifted(e.start, change.hours), sequence: e.sequence + 1 }];
  });
}

function render(events: FuzzEvent[]): Uint8Array {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT');
    if (e.uid) lines.push(`UID:${e.uid}`);
    if (e.title) lines.push(`SUMMARY:${e.title}`);
    lines.push(`DTSTART${e.startZone}:${e.startZone === ';VALUE=DATE' ? e.start.slice(0, 8) : e.start}`);
    if (e.end) lines.push(`DTEND:${e.end}Z`);
    if (e.rule) lines.push(e.rule);
    if (e.rid) lines.push(`RECURRENCE-ID${e.ridRange ? ';RANGE=THISANDFUTURE' : ''}:${e.rid}Z`);
    if (e.exdate) lines.push(`EXDATE${e.startZone}:${e.exdate}`);
    if (e.status) lines.push(e.status);
    lines.push(`SEQUENCE:${e.sequence}`);
    if (e.description !== undefined) lines.push(`DESCRIPTION:${e.description}`);
    if (e.htmlBody !== undefined) lines.push(`X-ALT-DESC;FMTTYPE=text/html:${e.htmlBody}`);
    for (const p of e.people) lines.push(`ATTENDEE${p.params}:mailto:${p.email}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(lines.join('\r\n'));
}

describe('fuzzing the importer', () => {
  it('byte mutations of the fixtures never crash or hang the parser (1,200 inputs)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (i, steps) => {
          parseSafely(mutate(corpus[i], steps));
        },
      ),
      { numRuns: 1200, seed: 4242 },
    );
  });

  it('structure-aware calendars never crash or hang the parser (800 inputs)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), (events) => {
        parseSafely(render(events));
      }),
      { numRuns: 800, seed: 2424 },
    );
  });

  describe('commits', () => {
    let t: TempStore;
    beforeAll(async () => {
      t = await tempStore(() => new Date('2026-01-01T00:00:00Z'));
    });
    afterAll(async () => {
      await t.cleanup();
    });

    it('either commit whole or leave the database untouched (40 inputs)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: corpus.length - 1 }),
          fc.array(mutation, { maxLength: 3 }),
          async (i, steps) => {
            const bytes = mutate(corpus[i], steps);
            const before = contentHash(t.store.sqlite);
            const ctx = {
              store: t.store,
              now: () => new Date('2026-01-01T00:00:00Z'),
              limits: { timeoutMs: 10_000, maxHeapMb: 512, inProcess: true },
            };
            try {
              const preview = await previewImport(
                {
                  files: [{ name: 'f.ics', bytes }],
                  selfEmails: ['me@example.com'],
                  windowEnd: new Date('2014-01-01T00:00:00Z'),
                },
                ctx,
              );
              const result = await commitImport(
                { previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) },
                ctx,
              );
              const interactions = t.store.sqlite
                .prepare('SELECT count(*) FROM interactions WHERE import_id = ?')
                .pluck()
                .get(result.importId ?? -1);
              expect(interactions).toBe(result.created);
            } catch (error) {
              expect(error).toBeInstanceOf(AppError);
              expect(contentHash(t.store.sqlite)).toBe(before);
            }
          },
        ),
        { numRuns: 40, seed: 99 },
      );
    });

    it('a later export, whatever it holds, leaves nothing more to do once imported, and undo puts back what was there (150 inputs)', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof({ weight: 3, arbitrary: plainMeeting }, { weight: 1, arbitrary: event }), {
            maxLength: 6,
          }),
          fc.array(edit, { maxLength: 6 }),
          fc.array(fc.oneof(plainMeeting, event), { maxLength: 3 }),
          fc.boolean(),
          async (earlier, edits, added, renamed) => {
            // A calendar of its own for each run. What earlier runs stored is another calendar's,
            // unless it holds the same meetings, when it is taken for this one renamed.
            const name = `later-${run++}.ics`;
            // And a Priya of its own, who is no one yet: the import that brings her address may
            // create her, and she is then who the meetings naming her without one are with.
            const [a, b] = [earlier, added].map((events) => priyaOfRun(events, run));
            const ctx = {
              store: t.store,
              now: () => new Date('2026-01-01T00:00:00Z'),
              limits: { timeoutMs: 10_000, maxHeapMb: 512, inProcess: true },
            };
            const importFile = async (bytes: Uint8Array, fileName = name) => {
              const preview = await previewImport(
                {
                  files: [{ name: fileName, bytes }],
                  selfEmails: ['me@example.com'],
                  windowEnd: new Date('2014-01-01T00:00:00Z'),
                },
                ctx,
              );
              const result = await commitImport(
                {
                  previewId: preview.previewId,
                  createPeople: preview.newPeople.map((p) => p.email),
                  removeDeleted: true,
                },
                ctx,
              );
              return { preview, result };
            };
            await importFile(render(a));
            const before = visibleState(t.store.sqlite);
            // The earlier export's events kept, dropped, moved or cancelled, and a few new ones; the
            // calendar renamed or not (it has no name of its own: its file's is taken).
            const later = render([...edited(a, edits), ...b]);
            const laterName = renamed ? `renamed-${name}` : name;
            const { result } = await importFile(later, laterName);
            const again = await importFile(later, laterName);
            expect(again.preview).toMatchObject({ toCreate: 0, toUpdate: 0 });
            expect(again.preview.deleted.remove).toBe(0);
            expect(again.preview.withdrawn.remove).toBe(0);
            expect(again.result.nothingNew).toBe(true);
            if (result.importId !== null) undoCalendarImport(result.importId, ctx);
            expect(visibleState(t.store.sqlite)).toBe(before);
          },
        ),
        { numRuns: 150, seed: 7 },
      );
      // Three imports and an undo per run, 150 runs: about a minute here.
    }, 240_000);
  });
});
