import { CalendarImportError } from './errors';

export interface RepairLimits {
  maxBytes: number;
  maxDepth: number;
}

export const defaultRepairLimits: RepairLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 8 };

export interface RepairedText {
  text: string;
  /** Physical line (1-based) of each BEGIN:VEVENT, in document order, for messages about events. */
  eventLines: number[];
  /** What was fixed, counted by kind, for the preview's warnings. */
  repairs: Record<string, number>;
}

const NAME = /^[A-Za-z0-9-]+$/;

/**
 * Turns raw bytes from real exports into text ical.js accepts: drops a BOM, accepts CR, LF and
 * CRLF mixed, unfolds before decoding (a fold may split a multi-byte character), drops blank
 * and stray lines, upper-cases names, removes empty parameters, closes components left open
 * and refuses what is not a calendar at all.
 */
export function repairIcs(bytes: Uint8Array, limits: RepairLimits = defaultRepairLimits): RepairedText {
  if (bytes.length > limits.maxBytes) {
    throw new CalendarImportError(
      'TOO_LARGE',
      `The file is ${Math.round(bytes.length / 1048576)} MB; calendars larger than ${Math.round(limits.maxBytes / 1048576)} MB are not imported.`,
    );
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  // One pass over the bytes: line endings to LF and folds removed *before* decoding, since a
  // fold may split a multi-byte character. `lineNumbers[k]` is the physical line of logical line k.
  const out = Buffer.allocUnsafe(bytes.length - start);
  const lineNumbers: number[] = [1];
  let n = 0;
  let physical = 1;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0) {
      throw new CalendarImportError('NOT_ICALENDAR', 'This is a binary file, not an iCalendar (.ics) file.');
    }
    if (c !== 10 && c !== 13) {
      out[n++] = c;
      continue;
    }
    if (c === 13 && bytes[i + 1] === 10) i++;
    physical++;
    const next = bytes[i + 1];
    if ((next === 32 || next === 9) && n > 0) {
      i++;
      continue;
    }
    out[n++] = 10;
    lineNumbers.push(physical);
  }
  const lines = out.toString('utf8', 0, n).split('\n');
  return rebuild(lines, lineNumbers, limits);
}

function count(repairs: Record<string, number>, kind: string): void {
  repairs[kind] = (repairs[kind] ?? 0) + 1;
}

// What the importer reads. Everything else (alarms, tasks, CLASS, TRANSP, X- noise) is dropped
// before ical.js sees it: less to parse, and fewer exotic lines to trip on.
const SKIPPED_COMPONENTS = new Set(['VALARM', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VAVAILABILITY']);
const EVENT_PROPERTIES = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'STATUS',
  'SEQUENCE',
  'DTSTAMP',
  'LAST-MODIFIED',
  'RECURRENCE-ID',
  'RRULE',
  'RDATE',
  'EXDATE',
  'ATTENDEE',
  'ORGANIZER',
  'URL',
  'CONFERENCE',
  'X-GOOGLE-CONFERENCE',
  'X-MICROSOFT-SKYPETEAMSMEETINGURL',
  'X-MICROSOFT-ONLINEMEETINGCONFLINK',
  'X-MICROSOFT-ONLINEMEETINGEXTERNALLINK',
]);
const CALENDAR_PROPERTIES = new Set([
  'VERSION',
  'PRODID',
  'METHOD',
  'CALSCALE',
  'X-WR-CALNAME',
  'X-WR-TIMEZONE',
  'X-WR-RELCALID',
]);

function rebuild(lines: string[], lineNumbers: number[], limits: RepairLimits): RepairedText {
  const out: string[] = [];
  const stack: string[] = [];
  const eventLines: number[] = [];
  const repairs: Record<string, number> = {};
  let sawCalendar = false;
  // Open components whose content is dropped, and whether the innermost kept one is a zone.
  let skipping = 0;
  let top = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const first = raw.charCodeAt(0);
    if (raw.length === 0 || ((first === 32 || first === 9) && raw.trim() === '')) {
      if (stack.length > 0) count(repairs, 'blank line');
      continue;
    }
    const line = fixLine(raw, repairs);
    if (line === null) {
      count(repairs, 'stray line');
      continue;
    }
    const colon = line.indexOf(':');
    const semi = line.indexOf(';');
    const name = line.slice(0, semi >= 0 && semi < colon ? semi : colon);
    if (name === 'BEGIN' || name === 'END') {
      const value = line
        .slice(colon + 1)
        .trim()
        .toUpperCase();
      if (name === 'BEGIN') {
        if (stack.length === 0 && value !== 'VCALENDAR') {
          if (value === 'VEVENT') {
            throw new CalendarImportError(
              'NOT_ICALENDAR',
              'An event appears outside BEGIN:VCALENDAR; this is not a valid calendar file.',
              lineNumbers[i],
            );
          }
          count(repairs, 'stray line');
          continue;
        }
        if (stack.length >= limits.maxDepth) {
          throw new CalendarImportError(
            'TOO_DEEP',
            `Components are nested more than ${limits.maxDepth} deep.`,
            lineNumbers[i],
          );
        }
        stack.push(value);
        if (skipping > 0 || SKIPPED_COMPONENTS.has(value) || value.startsWith('X-')) {
          skipping++;
          continue;
        }
        if (value === 'VCALENDAR') sawCalendar = true;
        if (value === 'VEVENT') eventLines.push(lineNumbers[i]);
        top = value;
        out.push(`BEGIN:${value}`);
      } else {
        const at = stack.lastIndexOf(value);
        if (at < 0) {
          count(repairs, 'unmatched END');
          continue;
        }
        while (stack.length > at) {
          const closing = stack.pop()!;
          if (skipping > 0) {
            skipping--;
            continue;
          }
          if (stack.length > at) count(repairs, 'missing END');
          out.push(`END:${closing}`);
        }
        top = stack.at(-1) ?? '';
      }
      continue;
    }
    if (stack.length === 0) {
      count(repairs, 'stray line');
      continue;
    }
    if (skipping > 0) continue;
    if (
      top === 'VEVENT' ? !EVENT_PROPERTIES.has(name) : top === 'VCALENDAR' && !CALENDAR_PROPERTIES.has(name)
    ) {
      continue;
    }
    out.push(line);
  }
  if (!sawCalendar) {
    throw new CalendarImportError(
      'NOT_ICALENDAR',
      'No BEGIN:VCALENDAR: this is not an iCalendar (.ics) file.',
      1,
    );
  }
  while (stack.length > 0) {
    const closing = stack.pop()!;
    if (skipping > 0) {
      skipping--;
      continue;
    }
    out.push(`END:${closing}`);
    count(repairs, 'missing END');
  }
  return { text: out.join('\n') + '\n', eventLines, repairs };
}

/**
 * Returns the line with an upper-case name and clean parameters, or null when it is not a
 * content line at all. Most lines take the fast path: a plain name followed by `:`.
 */
function fixLine(line: string, repairs: Record<string, number>): string | null {
  let end = 0;
  let lower = false;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    // A-Z, 0-9 and '-'; a-z counts as a repair
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45) end++;
    else if (c >= 97 && c <= 122) {
      lower = true;
      end++;
    } else break;
  }
  if (end === 0 || end === line.length) return null;
  const sep = line.charCodeAt(end);
  if (sep !== 58 && sep !== 59) return null;
  if (lower) {
    count(repairs, 'lower-case name');
    line = line.slice(0, end).toUpperCase() + line.slice(end);
  }
  return sep === 58 ? line : fixParams(line, end, repairs);
}

/** The index of the first `:` outside double quotes at or after `from`, or -1. */
function valueColon(line: string, from: number): number {
  let colon = line.indexOf(':', from);
  let quote = line.indexOf('"', from);
  while (quote >= 0 && colon > quote) {
    const close = line.indexOf('"', quote + 1);
    if (close < 0) return -1;
    if (colon < close) colon = line.indexOf(':', close + 1);
    if (colon < 0) return -1;
    quote = line.indexOf('"', close + 1);
  }
  return colon;
}

/** Splits `A=1;B="x;y:z":value` at unquoted separators; drops empty and nameless parameters. */
function fixParams(line: string, nameEnd: number, repairs: Record<string, number>): string | null {
  const colon = valueColon(line, nameEnd);
  if (colon < 0) {
    // Outlook sometimes writes `DTSTART;TZID="Zone:20200609T090000"`: the value ended up inside the quotes.
    const match = /^(.*)"([^"]*):([^":]*)"$/.exec(line);
    if (!match) return null;
    count(repairs, 'value inside quotes');
    return fixParams(`${match[1]}"${match[2]}":${match[3]}`, nameEnd, repairs);
  }
  const section = line.slice(nameEnd + 1, colon);
  const quoted = section.includes('"');
  // Fast path: no quotes, every parameter non-empty and named.
  if (!quoted && !section.includes(';;') && section.length > 0 && !section.endsWith(';')) {
    let ok = true;
    for (const param of section.split(';')) {
      const eq = param.indexOf('=');
      if (eq <= 0 || !NAME.test(param.slice(0, eq).trim())) {
        ok = false;
        break;
      }
    }
    if (ok) return line;
  }
  const params: string[] = [];
  let from = 0;
  while (from <= section.length) {
    let next = from;
    let inQuotes = false;
    while (next < section.length && (inQuotes || section[next] !== ';')) {
      if (section[next] === '"') inQuotes = !inQuotes;
      next++;
    }
    params.push(section.slice(from, next));
    from = next + 1;
  }
  const kept = params.filter((param) => {
    const eq = param.indexOf('=');
    return eq > 0 && NAME.test(param.slice(0, eq).trim());
  });
  if (kept.length !== params.length) {
    for (let k = kept.length; k < params.length; k++) count(repairs, 'empty parameter');
  }
  const name = line.slice(0, nameEnd);
  const value = line.slice(colon + 1);
  return kept.length > 0 ? `${name};${kept.join(';')}:${value}` : `${name}:${value}`;
}
