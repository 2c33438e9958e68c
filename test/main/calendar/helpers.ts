import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${start}`,
    `SUMMARY:${uid}`,
    `ORGANIZER:mailto:${organizer}`,
    ...attendees.map((a) => `ATTENDEE:mailto:${a}`),
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

/** The same meeting's lines as a later export writes it once the organiser has cancelled it. */
export function cancelled(meetingLines: string[]): string[] {
  return [...meetingLines.slice(0, -1), 'STATUS:CANCELLED', 'SEQUENCE:1', 'END:VEVENT'];
}

/** Fixed "now" for fixture tests, so counts do not grow with the calendar. */
export const WINDOW_END = new Date('2026-11-25T00:00:00Z');
