import { CalendarImportError } from './errors';

export interface RepairLimits {
  maxBytes: number;
  maxDepth: number;
}

/** Physical lines after `from` are numbered `by` later. */
export interface LineOffset {
  from: number;
  by: number;
}

export const defaultRepairLimits: RepairLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 8 };

export interface RepairedLines {
  /** Logical content lines, unfolded, in the form ical.js accepts. */
  lines: string[];
  /** Physical line (1-based) of each BEGIN:VEVENT, in document order, for messages about events. */
  eventLines: number[];
  /** What was fixed, counted by kind, for the preview's warnings. */
  repairs: Record<string, number>;
}

export interface RepairedText extends Omit<RepairedLines, 'lines'> {
  text: string;
}

const NAME = /^[A-Za-z0-9-]+$/;
const NON_ASCII = /[\x80-\xff]/;
const PROGRESS_STEP = 1 << 20;

/**
 * Turns raw bytes from real exports into text ical.js accepts: drops a BOM, accepts CR, LF and
 * CRLF mixed, unfolds before decoding (a fold may split a multi-byte character), drops blank
 * and stray lines, upper-cases names, removes empty parameters, closes components left open
 * and refuses what is not a calendar at all.
 */
export function repairIcs(bytes: Uint8Array, limits: RepairLimits = defaultRepairLimits): RepairedText {
  const { lines, eventLines, repairs } = repairLines(bytes, limits);
  return { text: lines.join('\n') + '\n', eventLines, repairs };
}

/** `repairIcs` without joining the lines back into one text. */
export function repairLines(bytes: Uint8Array, limits: RepairLimits = defaultRepairLimits): RepairedLines {
  const lines: string[] = [];
  const { eventLines, repairs } = repairInto(bytes, (line) => lines.push(line), limits);
  return { lines, eventLines, repairs };
}

/**
 * The repair, handing each repaired line to `emit` as it is made, so a reader can consume the
 * file without all its lines alive at once. `eventLines` grows as events begin: when `emit` gets
 * an event's END, that event's line is already in it.
 */
export function repairInto(
  bytes: Uint8Array,
  emit: (line: string) => void,
  limits: RepairLimits = defaultRepairLimits,
  eventLines: number[] = [],
  /** Told, about every megabyte, the share of the file (0 to 1) read so far. */
  progress?: (share: number) => void,
  /** For a part of a file: its lines named as the file's. */
  offset?: LineOffset,
): Omit<RepairedLines, 'lines'> {
  if (bytes.length > limits.maxBytes) {
    throw new CalendarImportError(
      'TOO_LARGE',
      `The file is ${Math.round(bytes.length / 1048576)} MB; calendars larger than ${Math.round(limits.maxBytes / 1048576)} MB are not imported.`,
    );
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.indexOf(0, start) >= 0) {
    throw new CalendarImportError('NOT_ICALENDAR', 'This is a binary file, not an iCalendar (.ics) file.');
  }
  // Line endings to LF and folds removed *before* decoding, since a fold may split a multi-byte
  // character. Breaks are found with native searches and the text between them copied whole: a
  // loop over every byte costs more than the rest of the repair. `lineNumbers[k]` is the physical
  // line of logical line k.
  const out = Buffer.allocUnsafe(buf.length - start);
  const lineNumbers: number[] = [1];
  let n = 0;
  let physical = 1;
  let i = start;
  let lf = buf.indexOf(10, i);
  let cr = buf.indexOf(13, i);
  while (lf >= 0 || cr >= 0) {
    const brk = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    n += buf.copy(out, n, i, brk);
    const last = buf[brk] === 13 && buf[brk + 1] === 10 ? brk + 1 : brk;
    physical++;
    const next = buf[last + 1];
    if ((next === 32 || next === 9) && n > 0) {
      i = last + 2;
    } else {
      out[n++] = 10;
      lineNumbers.push(offset && physical > offset.from ? physical + offset.by : physical);
      i = last + 1;
    }
    if (lf >= 0 && lf < i) lf = buf.indexOf(10, i);
    if (cr >= 0 && cr < i) cr = buf.indexOf(13, i);
  }
  n += buf.copy(out, n, i, buf.length);
  // Decoded as Latin-1 (each byte one character), and only lines with a byte over 0x7f decoded
  // again as UTF-8: V8 keeps the ASCII lines one byte per character, where one UTF-8 decode of
  // the whole file makes every line of it two bytes per character as soon as one is not ASCII.
  return rebuild(
    out.toString('latin1', 0, n),
    lineNumbers,
    limits,
    emit,
    eventLines,
    progress,
    offset?.from ?? 0,
  );
}

/**
 * Whether the file's structure needed repair. Where such a repair falls at the cut of a file
 * read in two parts, the first part closes at its end what the whole read closes at the next
 * event, or finds the calendar already closed: the parts would read differently from the whole.
 * Every other repair is of one line, and reads the same wherever it is.
 */
export function repairedStructure(repairs: Record<string, number>): boolean {
  return repairs['missing END'] !== undefined || repairs['unmatched END'] !== undefined;
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
  'EXRULE',
  'ATTENDEE',
  'ORGANIZER',
  'URL',
  'CONFERENCE',
  'X-GOOGLE-CONFERENCE',
  'X-MICROSOFT-SKYPETEAMSMEETINGURL',
  'X-MICROSOFT-ONLINEMEETINGCONFLINK',
  'X-MICROSOFT-ONLINEMEETINGEXTERNALLINK',
]);
/** The FMTTYPE that marks a description taken from an event's HTML body (X-ALT-DESC). */
export const HTML_BODY_TYPE = 'text/html';
/** A TEXT value of nothing but spaces and escaped line ends. */
const BLANK_TEXT = /^(?:\s|\\[nN])*$/;
// Components only a calendar holds. When one begins, whatever is still open inside the calendar
// was left unclosed: kept open, it would swallow this component and every one after it.
const CALENDAR_CHILDREN = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE', 'VAVAILABILITY']);
const CALENDAR_PROPERTIES = new Set([
  'VERSION',
  'PRODID',
  'METHOD',
  'CALSCALE',
  'X-WR-CALNAME',
  'X-WR-TIMEZONE',
  'X-WR-RELCALID',
]);

/**
 * Repairs the LF-separated logical lines of `text` (the file's bytes as Latin-1) one by one,
 * decoding each as UTF-8; no array of every line is built.
 */
function rebuild(
  text: string,
  lineNumbers: number[],
  limits: RepairLimits,
  emit: (line: string) => void,
  eventLines: number[],
  progress: ((share: number) => void) | undefined,
  /**
   * Repairs count on lines after this one. A part of a file read in two repeats the file's
   * header, whose repairs the first part counts.
   */
  countAfter: number,
): Omit<RepairedLines, 'lines'> {
  const stack: string[] = [];
  let reported = 0;
  const repairs: Record<string, number> = {};
  const uncounted: Record<string, number> = {};
  let sawCalendar = false;
  // Open components whose content is dropped, and whether the innermost kept one is a zone.
  let skipping = 0;
  let top = '';
  let from = 0;
  // Outlook writes an event's body twice: plain in DESCRIPTION, HTML in X-ALT-DESC. The HTML
  // copy is read only for an event with no plain one (or a blank one), as its description.
  let described = false;
  let htmlBody: string | null = null;
  const end = (closing: string) => {
    if (closing === 'VEVENT' && !described && htmlBody !== null)
      emit(`DESCRIPTION;FMTTYPE=${HTML_BODY_TYPE}:${htmlBody}`);
    emit(`END:${closing}`);
  };
  /** Closes the components left open above the first `depth`, each one a repair. */
  const closeAbove = (depth: number) => {
    while (stack.length > depth) {
      const closing = stack.pop()!;
      count(repairs, 'missing END');
      if (skipping > 0) skipping--;
      else end(closing);
    }
  };
  for (let i = 0; from <= text.length; i++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (progress && to - reported >= PROGRESS_STEP) {
      reported = to;
      progress(to / text.length);
    }
    const counted = lineNumbers[i] > countAfter ? repairs : uncounted;
    const bytes = text.slice(from, to);
    const raw = NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
    from = to + 1;
    const first = raw.charCodeAt(0);
    if (raw.length === 0 || ((first === 32 || first === 9) && raw.trim() === '')) {
      if (stack.length > 0) count(counted, 'blank line');
      continue;
    }
    const line = fixLine(raw, counted);
    if (line === null) {
      count(counted, 'stray line');
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
          count(counted, 'stray line');
          continue;
        }
        if (CALENDAR_CHILDREN.has(value)) {
          const calendar = stack.lastIndexOf('VCALENDAR');
          if (calendar >= 0) closeAbove(calendar + 1);
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
        if (value === 'VEVENT') {
          eventLines.push(lineNumbers[i]);
          described = false;
          htmlBody = null;
        }
        top = value;
        emit(`BEGIN:${value}`);
      } else {
        const at = stack.lastIndexOf(value);
        if (at < 0) {
          count(counted, 'unmatched END');
          continue;
        }
        closeAbove(at + 1);
        const closing = stack.pop()!;
        if (skipping > 0) skipping--;
        else end(closing);
        top = stack.at(-1) ?? '';
      }
      continue;
    }
    if (stack.length === 0) {
      count(counted, 'stray line');
      continue;
    }
    if (skipping > 0) continue;
    if (top === 'VEVENT') {
      if (!EVENT_PROPERTIES.has(name)) {
        if (name === 'X-ALT-DESC' && htmlBody === null) htmlBody = valueOf(line, name.length);
        continue;
      }
      if (name === 'DESCRIPTION') {
        // Outlook writes an empty body as a line end or two (short: long lines are not looked into).
        if (line.length < 64 && BLANK_TEXT.test(valueOf(line, name.length))) continue;
        described = true;
      }
    } else if (top === 'VCALENDAR' && !CALENDAR_PROPERTIES.has(name)) continue;
    emit(line);
  }
  if (!sawCalendar) {
    throw new CalendarImportError(
      'NOT_ICALENDAR',
      'No BEGIN:VCALENDAR: this is not an iCalendar (.ics) file.',
      1,
    );
  }
  closeAbove(0);
  return { eventLines, repairs };
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

/** The value of a repaired content line whose name ends at `nameEnd`: what follows its parameters. */
function valueOf(line: string, nameEnd: number): string {
  return line.slice(valueColon(line, nameEnd) + 1);
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
