import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ServiceContext } from '../../../src/main/calendar/service';
import { runCli } from '../../../src/main/cli/run';
import { tempStore, type TempStore } from '../../support/store';

export const fixturesDir = join(__dirname, '..', '..', 'fixtures', 'ics');

export function fixture(path: string): Buffer {
  return readFileSync(join(fixturesDir, path));
}

/** Builds a calendar from lines, CRLF-terminated, as exporters write it. */
export function ics(...lines: string[]): Buffer {
  return Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n'), 'utf8');
}

/** One meeting's lines: its UID (also its title), a UTC start such as 20250110T100000Z, its organiser, then attendees. */
export function meeting(uid: string, start: string, organizer: string, ...attendees: string[]): string[] {
  return invite(uid, start, organizer, ...attendees.map((a) => `:mailto:${a}`));
}

/** The same with each attendee's line as given after ATTENDEE: ";PARTSTAT=ACCEPTED:mailto:a@example.com". */
export function invite(uid: string, start: string, organizer: string, ...attendeeLines: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${start}`,
    `SUMMARY:${uid}`,
    `ORGANIZER:mailto:${organizer}`,
    ...attendeeLines.map((a) => `ATTENDEE${a}`),
    'END:VEVENT',
  ];
}

/** A weekly series' lines: its UID, title, first UTC start, how many times, its organiser, then attendees. */
export function weekly(
  uid: string,
  title: string,
  start: string,
  times: number,
  organizer: string,
  ...attendees: string[]
): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${start}`,
    `RRULE:FREQ=WEEKLY;COUNT=${times}`,
    `SUMMARY:${title}`,
    `ORGANIZER:mailto:${organizer}`,
    ...attendees.map((a) => `ATTENDEE:mailto:${a}`),
    'END:VEVENT',
  ];
}

/** A time zone's lines (UTC+1 in winter) with a rule ical.js cannot read: `BYMONTH=13`. */
export function zoneWithBrokenRule(tzid: string): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;BYMONTH=13',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** The same meeting's lines as a later export writes it once the organiser has cancelled it. */
export function cancelled(meetingLines: string[]): string[] {
  return [...meetingLines.slice(0, -1), 'STATUS:CANCELLED', 'SEQUENCE:1', 'END:VEVENT'];
}

/** Fixed "now" for fixture tests, so counts do not grow with the calendar. */
export const WINDOW_END = new Date('2026-11-25T00:00:00Z');

/**
 * A fresh database for each test of the file that calls this, and a calendar service context
 * over it at a fixed now: `s.t` and `s.ctx` are the current test's.
 */
export function storeForEachTest(now: Date): { t: TempStore; ctx: ServiceContext } {
  const s = {} as { t: TempStore; ctx: ServiceContext };
  beforeEach(async () => {
    s.t = await tempStore(() => now);
    s.ctx = { store: s.t.store, now: () => now };
  });
  afterEach(async () => {
    await s.t.cleanup();
  });
  return s;
}

/**
 * `import-ics` against the database at `db`, up to 1 June 2025, with `me` for the user and no
 * new people; every line it prints, to standard output or error, is kept in `out`.
 */
export function importIcs(db: string, me: string) {
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
  const args = ['--db', db, '--until', '2025-06-01', '--self', me, '--no-new-people'];
  return { out, run: (...more: string[]) => runCli(['import-ics', ...more, ...args], io) };
}
