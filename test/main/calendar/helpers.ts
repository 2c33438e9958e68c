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

/** Fixed "now" for fixture tests, so counts do not grow with the calendar. */
export const WINDOW_END = new Date('2026-11-25T00:00:00Z');
