import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarImportError } from '../../../src/main/calendar/errors';
import { expandInputs } from '../../../src/main/calendar/input';
import { parseCalendar, type ParseOptions } from '../../../src/main/calendar/parse';
import { defaultRunLimits, parseFiles, parseInParts } from '../../../src/main/calendar/runner';
import { cutPoint } from '../../../src/main/calendar/split';
import { fixture, fixturesDir } from './helpers';

const options: ParseOptions = {
  windowEnd: new Date('2026-01-01T00:00:00Z'),
  defaultZone: 'UTC',
  maxOccurrences: 40,
};
// Every file is read in two threads, however small.
const limits = { ...defaultRunLimits, splitMinBytes: 0 };
const script = {
  url: new URL('../../../src/main/calendar/worker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};

const ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Lisbon',
  'BEGIN:STANDARD',
  'DTSTART:19701025T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T010000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (day: number, hour = 9) =>
  `2024${pad(1 + Math.floor(day / 28))}${pad(1 + (day % 28))}T${pad(hour)}0000`;

/**
 * One kind of event of each sort the reader knows, `k` making it unique: single meetings in
 * a named zone, in UTC and all day, a meeting the user declined, a weekly series with an
 * EXDATE, a moved and a cancelled instance next to it, an older copy, an event without a UID,
 * one in a zone the file does not define, a daily series past the occurrence cap, and an
 * event that cannot be read (no DTSTART).
 */
function eventsOfKind(k: number): string[][] {
  const day = k % 300;
  const people = [
    `ORGANIZER;CN=Ana Souza:mailto:ana${k % 7}@example.org`,
    `ATTENDEE;CN="Okafor, Ben";PARTSTAT=ACCEPTED:mailto:ben${k % 5}@example.org`,
    'ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com',
  ];
  const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
  switch (k % 10) {
    case 0:
      return [
        event(
          `UID:single-${k}`,
          `DTSTART;TZID=Europe/Lisbon:${stamp(day)}`,
          'DURATION:PT45M',
          `SUMMARY:Coffee ${k}`,
          ...people,
        ),
      ];
    case 1:
      return [
        event(
          `UID:utc-${k}`,
          `DTSTART:${stamp(day, 14)}Z`,
          `DTEND:${stamp(day, 15)}Z`,
          `SUMMARY:Call ${k}`,
          ...people,
        ),
      ];
    case 2:
      return [
        event(
          `UID:allday-${k}`,
          `DTSTART;VALUE=DATE:${stamp(day).slice(0, 8)}`,
          `SUMMARY:Offsite ${k}`,
          ...people,
        ),
      ];
    case 3:
      return [
        event(
          `UID:declined-${k}`,
          `DTSTART:${stamp(day, 11)}Z`,
          `SUMMARY:Declined ${k}`,
          people[0],
          'ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com',
        ),
      ];
    case 4:
      return [
        event(
          `UID:series-${k}`,
          `DTSTART;TZID=Europe/Lisbon:${stamp(day, 10)}`,
          'DURATION:PT30M',
          'RRULE:FREQ=WEEKLY;COUNT=6',
          `EXDATE;TZID=Europe/Lisbon:${stamp(day + 14, 10)}`,
          `SUMMARY:Weekly ${k}`,
          ...people,
        ),
        event(
          `UID:series-${k}`,
          `RECURRENCE-ID;TZID=Europe/Lisbon:${stamp(day + 7, 10)}`,
          `DTSTART;TZID=Europe/Lisbon:${stamp(day + 7, 12)}`,
          'DURATION:PT30M',
          'SEQUENCE:1',
          `SUMMARY:Weekly ${k} (moved)`,
          ...people,
        ),
        event(
          `UID:series-${k}`,
          `RECURRENCE-ID;TZID=Europe/Lisbon:${stamp(day + 21, 10)}`,
          `DTSTART;TZID=Europe/Lisbon:${stamp(day + 21, 10)}`,
          'STATUS:CANCELLED',
          `SUMMARY:Weekly ${k}`,
        ),
      ];
    case 5:
      return [
        event(`UID:dup-${k}`, `DTSTART:${stamp(day, 8)}Z`, 'SEQUENCE:0', `SUMMARY:Old ${k}`, ...people),
        event(`UID:dup-${k}`, `DTSTART:${stamp(day, 9)}Z`, 'SEQUENCE:2', `SUMMARY:New ${k}`, ...people),
      ];
    case 6:
      return [event(`DTSTART:${stamp(day, 16)}Z`, `SUMMARY:No UID ${k}`, ...people)];
    case 7:
      return [
        event(
          `UID:zone-${k}`,
          `DTSTART;TZID=Customized Time Zone ${k % 3}:${stamp(day)}`,
          `SUMMARY:Away ${k}`,
          ...people,
        ),
      ];
    case 8:
      return [
        event(
          `UID:daily-${k}`,
          `DTSTART:${stamp(day, 7)}Z`,
          'RRULE:FREQ=DAILY',
          `SUMMARY:Standup ${k}`,
          ...people,
        ),
      ];
    default:
      return [event(`UID:broken-${k}`, `SUMMARY:Broken ${k}`, ...people)];
  }
}

function calendar(events: string[][], { tail = [] as string[], eol = '\r\n' } = {}): Buffer {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'X-WR-CALNAME:Work',
    ...ZONE,
    ...events.flat(),
    ...tail,
    'END:VCALENDAR',
  ];
  return Buffer.from(lines.join(eol) + eol, 'utf8');
}

const history = (n: number) => Array.from({ length: n }, (_, k) => eventsOfKind(k)).flat();

async function inParts(bytes: Buffer) {
  return parseInParts({ name: 'work.ics', bytes }, options, limits, script);
}

const whole = (bytes: Buffer) => parseCalendar(bytes, { ...options, fileName: 'work.ics' });

describe('reading a large calendar in two threads', () => {
  it('merges the two parts into exactly what one thread reads from the whole file', async () => {
    const bytes = calendar(history(400));
    const cut = cutPoint(bytes)!;
    // Near the middle, at the start of an event line.
    expect(Math.abs(cut.cut - bytes.length / 2)).toBeLessThan(bytes.length / 20);
    expect(bytes.toString('latin1', cut.cut, cut.cut + 12)).toBe('BEGIN:VEVENT');
    const split = await inParts(bytes);
    expect('parsed' in split && split.parsed).toEqual(whole(bytes));
    const parsed = whole(bytes);
    expect(parsed.occurrences.length).toBeGreaterThan(400);
    expect(parsed.capped.length).toBe(40);
    expect(parsed.approximateZones).toEqual([
      'Customized Time Zone 0',
      'Customized Time Zone 1',
      'Customized Time Zone 2',
    ]);
    // The broken events of the second part name their lines in the file, not in the part.
    const lines = bytes.toString('utf8').split('\r\n');
    const last = parsed.skipped.find((s) => s.reason === 'broken' && s.title === 'Broken 399')!;
    expect(lines[last.line! - 1]).toBe('BEGIN:VEVENT');
    expect(lines[last.line!]).toBe('UID:broken-399');
    expect(last.message).toContain(`at line ${last.line}`);
  });

  it('numbers the second part’s lines as the file’s when line endings are mixed', async () => {
    const events = history(200);
    const crOnlyHalf = Buffer.from(events.slice(0, 100).flat().join('\r') + '\r', 'utf8');
    const head = calendar([]).toString('utf8').replace('END:VCALENDAR\r\n', '');
    const bytes = Buffer.concat([
      Buffer.from(head, 'utf8'),
      crOnlyHalf,
      Buffer.from(events.slice(100).flat().join('\n') + '\nEND:VCALENDAR\n', 'utf8'),
    ]);
    const split = await inParts(bytes);
    expect('parsed' in split).toBe(true);
    expect('parsed' in split && split.parsed).toEqual(whole(bytes));
  });

  it('merges lines repaired on either side of the cut and in the header, counting each repair once', async () => {
    const events = history(300);
    const lowerCase = [
      'BEGIN:VEVENT',
      'uid:lower-case',
      `DTSTART:${stamp(5)}Z`,
      'ATTENDEE:mailto:x@example.org',
      'END:VEVENT',
    ];
    const emptyParam = [
      'BEGIN:VEVENT',
      'UID:empty-param',
      `DTSTART;;VALUE=DATE-TIME:${stamp(6)}Z`,
      'ATTENDEE:mailto:x@example.org',
      'END:VEVENT',
    ];
    const text = calendar([
      ...events.slice(0, 100),
      lowerCase,
      ...events.slice(100, 250),
      emptyParam,
      ['', 'not a property'],
      ...events.slice(250),
    ])
      .toString('utf8')
      // The header's repairs are read by both parts and counted by the first, and its line ical.js
      // cannot read is warned of once.
      .replace('X-WR-CALNAME:Work\r\n', 'x-wr-calname:Work\r\n\r\n')
      .replace('TZOFFSETTO:+0000\r\n', 'TZOFFSETTO:+0000\r\nRRULE:FREQ=YEARLY;BYMONTH=13\r\n');
    const bytes = Buffer.from(text, 'utf8');
    const split = await inParts(bytes);
    const read = whole(bytes);
    expect('parsed' in split && split.parsed).toEqual(read);
    expect(read.warnings.slice(0, 5).map((w) => w.message)).toEqual([
      'Repaired 2 lower-case names in work.ics.',
      'Repaired 2 blank lines in work.ics.',
      'Repaired 1 empty parameter in work.ics.',
      'Repaired 1 stray line in work.ics.',
      'A line of time zone "Europe/Lisbon" was left out: its RRULE could not be read (BYMONTH: invalid value "13" must be < 1).',
    ]);
    expect(read.warnings.filter((w) => w.message.startsWith('A line')).length).toBe(1);
    expect(read.occurrences.map((o) => o.uid)).toEqual(expect.arrayContaining(['lower-case', 'empty-param']));
  });

  it('reads the file whole when its parts would not read as the whole does', async () => {
    const events = history(300);
    // A moved instance of a series from the first half, written at the end of the file.
    const late = calendar([
      ...events,
      [
        'BEGIN:VEVENT',
        'UID:series-4',
        `RECURRENCE-ID;TZID=Europe/Lisbon:${stamp(4 + 28, 10)}`,
        `DTSTART;TZID=Europe/Lisbon:${stamp(4 + 28, 15)}`,
        'SUMMARY:Weekly 4 (moved late)',
        'END:VEVENT',
      ],
    ]);
    const zoneAtEnd = calendar(events, {
      tail: ZONE.map((l) => l.replace('Europe/Lisbon', 'Atlantic/Azores')),
    });
    // A component the reader skips, left open just before the cut: the first part closes it at its
    // end, where the whole read closes it at the next event; both count the repair.
    const cut = cutPoint(calendar(events))!.cut;
    const eventsBeforeCut = calendar(events).toString('latin1', 0, cut).split('BEGIN:VEVENT').length - 1;
    const leftOpen = calendar([
      ...events.slice(0, eventsBeforeCut),
      ['BEGIN:X-NOTE', 'DESCRIPTION:never closed'],
      ...events.slice(eventsBeforeCut),
    ]);
    const unmatched = calendar([...events.slice(0, 150), ['END:VALARM'], ...events.slice(150)]);
    const cases: Array<[Buffer, string]> = [
      [late, 'a series has events on both sides of the cut'],
      [zoneAtEnd, 'it has calendar data after its events'],
      [leftOpen, 'some of its components were not closed as they were opened'],
      [unmatched, 'some of its components were not closed as they were opened'],
    ];
    for (const [bytes, why] of cases) {
      expect(await inParts(bytes)).toEqual({ whole: why });
      // And the import reads it the plain way, with the same result.
      const [viaImport] = await parseFiles([{ name: 'work.ics', bytes }], options, limits);
      expect(viaImport).toEqual(whole(bytes));
    }
    // The calendar closed just before the cut: the first part's own end finds nothing to close,
    // and the whole read refuses the events after it.
    const closedEarly = calendar([
      ...events.slice(0, eventsBeforeCut),
      ['END:VCALENDAR'],
      ...events.slice(eventsBeforeCut),
    ]);
    expect(await inParts(closedEarly)).toEqual({
      whole: 'some of its components were not closed as they were opened',
    });
    const refused = await parseFiles([{ name: 'work.ics', bytes: closedEarly }], options, limits).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      code: 'NOT_ICALENDAR',
      message: expect.stringContaining('outside') as string,
    });
    // The note left open takes no event with it.
    expect(whole(leftOpen).occurrences).toEqual(whole(calendar(events)).occurrences);
    const moved = whole(late).occurrences.find((o) => o.title === 'Weekly 4 (moved late)');
    expect(moved).toBeDefined();
  });

  it('does not cut a file with no event, or with two calendars, or between events of one series', async () => {
    expect(cutPoint(calendar([]))).toBeNull();
    const two = Buffer.concat([calendar(history(20)), calendar(history(20))]);
    expect(cutPoint(two)).toBeNull();
    expect(await inParts(two)).toEqual({ whole: 'there is no place to cut it' });
    const [viaImport, ...rest] = await parseFiles([{ name: 'work.ics', bytes: two }], options, limits);
    expect(rest).toEqual([]);
    expect(viaImport).toEqual(whole(two));
    // A series with many moved instances right across the middle: the cut moves past them all.
    const series = Array.from({ length: 60 }, (_, i) => [
      'BEGIN:VEVENT',
      'UID:long-series',
      i === 0 ? 'RRULE:FREQ=WEEKLY;COUNT=80' : `RECURRENCE-ID:${stamp(i * 3, 9)}Z`,
      `DTSTART:${stamp(i * 3, i === 0 ? 9 : 10)}Z`,
      `SUMMARY:Long ${i}`,
      'END:VEVENT',
    ]);
    const events = history(40);
    const bytes = calendar([...events.slice(0, 20), ...series, ...events.slice(20)]);
    const cut = cutPoint(bytes)!;
    const text = bytes.toString('utf8');
    // The middle of the file is inside the series; the cut moves on past its last event.
    expect(text.indexOf('UID:long-series')).toBeLessThan(text.length / 2);
    expect(text.lastIndexOf('UID:long-series')).toBeGreaterThan(text.length / 2);
    const sides = [text.slice(0, cut.cut), text.slice(cut.cut)].map((side) =>
      side.includes('UID:long-series'),
    );
    expect(sides).toEqual([true, false]);
    const split = await inParts(bytes);
    expect('parsed' in split && split.parsed).toEqual(whole(bytes));
  });

  it('refuses a broken or too large file as reading it whole does, and tells the bytes read', async () => {
    const bytes = calendar(history(200));
    bytes[Math.floor(bytes.length * 0.75)] = 0;
    const error = await parseFiles([{ name: 'work.ics', bytes }], options, limits).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'NOT_ICALENDAR',
      message: expect.stringContaining('binary') as string,
    });
    // Over the size limit, though each half is under it.
    const clean = calendar(history(200));
    const small = { ...options, maxBytes: Math.ceil(clean.length * 0.6) };
    expect(await parseInParts({ name: 'work.ics', bytes: clean }, small, limits, script)).toEqual({
      whole: 'it is too large',
    });
    const tooLarge = await parseFiles([{ name: 'work.ics', bytes: clean }], small, limits).catch(
      (e: unknown) => e,
    );
    expect(tooLarge).toMatchObject({ code: 'TOO_LARGE' });
    // Large enough for each part to tell how far it has come (every megabyte).
    const events = history(8000);
    const good = calendar(events);
    const heard: Array<[number, number]> = [];
    const heardAgain: number[] = [];
    await parseFiles(
      [{ name: 'work.ics', bytes: good }],
      options,
      limits,
      (read, total) => heard.push([read, total]),
      (read) => heardAgain.push(read),
    );
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every(([read, total]) => total === good.length && read <= total)).toBe(true);
    expect(heard.at(-1)![0]).toBeGreaterThan(good.length * 0.5);
    expect(ascending(heard.map(([read]) => read))).toBe(true);
    expect(heardAgain).toEqual([]);
    // Read again whole (an END with nothing to close): the second pass is told as such, not run back from zero.
    const repaired = calendar([...events.slice(0, 4000), ['END:VALARM'], ...events.slice(4000)]);
    const first: number[] = [];
    const again: number[] = [];
    await parseFiles(
      [{ name: 'work.ics', bytes: repaired }],
      options,
      limits,
      (read) => first.push(read),
      (read) => again.push(read),
    );
    expect(first.length).toBeGreaterThan(0);
    expect(ascending(first)).toBe(true);
    expect(again.length).toBeGreaterThan(0);
    expect(ascending(again)).toBe(true);
    expect(Math.max(...first, ...again)).toBeLessThanOrEqual(repaired.length);
  });

  it('reads every fixture in two threads as it reads it whole, and real exports merge', async () => {
    const merged: string[] = [];
    for (const dir of ['ical.js', 'node-ical', 'rapport']) {
      for (const name of readdirSync(join(fixturesDir, dir)).filter((f) => f.endsWith('.ics'))) {
        // As the importer reads it: a calendar saved in UTF-16 comes to the reader in UTF-8.
        const [{ bytes }] = expandInputs([{ name, bytes: fixture(`${dir}/${name}`) }]);
        const [inThreads] = await parseFiles([{ name, bytes }], options, limits);
        const [inProcess] = await parseFiles([{ name, bytes }], options, { ...limits, inProcess: true });
        expect(inThreads, name).toEqual(inProcess);
        const split = await parseInParts({ name, bytes }, options, limits, script);
        if ('parsed' in split) merged.push(`${dir}/${name}`);
      }
    }
    // Google, Outlook (Windows zones, OWA, one with a line that needs repair) and Apple exports
    // with more than one event are cut and merged.
    expect(merged).toEqual(
      expect.arrayContaining([
        'node-ical/ms_timezones.ics',
        'node-ical/Office-2012-owa.ics',
        'node-ical/tentative-apple-calendar.ics',
        'rapport/apple-calendar.ics',
        'rapport/google-work.ics',
        'rapport/outlook-windows-zones.ics',
      ]),
    );
  });

  it('merges only what reads as the whole file: lines inserted that need repair, close or open components (250 inputs)', async () => {
    const lines = calendar(history(120)).toString('utf8').split('\r\n');
    const inserts = [
      ...['', '   ', 'not a property', 'x-note:lower case', 'summary:lower case', 'uid:lower-case'],
      ...['DTSTART;;VALUE=DATE-TIME:20240105T090000Z', 'ATTENDEE;CN=;PARTSTAT=ACCEPTED:mailto:z@example.org'],
      ...['DTSTART;TZID="Europe/Lisbon:20240105T090000"', 'BEGIN:X-NOTE', 'BEGIN:VALARM', 'END:VALARM'],
      ...['END:VEVENT', 'BEGIN:VEVENT', 'END:VCALENDAR', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE'],
    ];
    let mergedWithRepairs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), line: fc.nat() }), { minLength: 1, maxLength: 4 }),
        async (insertions) => {
          const mutated = [...lines];
          for (const { at, line } of insertions) {
            mutated.splice(1 + (at % (mutated.length - 1)), 0, inserts[line % inserts.length]);
          }
          const bytes = Buffer.from(mutated.join('\r\n'), 'utf8');
          let expected: ReturnType<typeof whole> | null = null;
          try {
            expected = whole(bytes);
          } catch (error) {
            if (!(error instanceof CalendarImportError)) throw error;
          }
          const split = await inParts(bytes);
          if (!('parsed' in split)) return;
          expect(split.parsed).toEqual(expected);
          if (split.parsed.warnings.some((w) => w.message.startsWith('Repaired'))) mergedWithRepairs++;
        },
      ),
      { numRuns: 250, seed: 11 },
    );
    // Not every input falls back to the whole read: repaired lines do merge.
    expect(mergedWithRepairs).toBeGreaterThan(20);
  });

  it('reads byte mutations of real and generated calendars in parts as it reads them whole (150 inputs)', async () => {
    const sources = [
      calendar(history(300)),
      ...['rapport', 'node-ical']
        .flatMap((dir) => readdirSync(join(fixturesDir, dir)).map((f) => `${dir}/${f}`))
        .filter((f) => f.endsWith('.ics'))
        .map((f) => fixture(f)),
    ];
    // The same file read in this thread, whole: its result, or its error as the import words it.
    const outcome = async (bytes: Buffer, runLimits: typeof limits) => {
      try {
        return { parsed: await parseFiles([{ name: 'work.ics', bytes }], options, runLimits) };
      } catch (error) {
        if (!(error instanceof CalendarImportError)) throw error;
        return { code: error.code, message: error.message, line: error.line };
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
        async (pick, flips) => {
          const bytes = Buffer.from(sources[pick % sources.length]);
          for (const flip of flips) bytes[flip.at % bytes.length] = flip.value;
          const alone = await outcome(bytes, { ...limits, inProcess: true });
          const inThreads = await outcome(bytes, limits);
          expect(inThreads).toEqual(alone);
        },
      ),
      { numRuns: 150, seed: 77 },
    );
  });
});
