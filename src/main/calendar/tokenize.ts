import ICAL from 'ical.js';
import type { JProp } from './people';

/** A jCal component: [name, properties, subcomponents]. */
export type JComponent = [string, JProp[], JComponent[]];

/**
 * What a line ical.js cannot read (a rule with `BYYEARDAY=400`, a date of letters) becomes: a
 * property of this name, its value saying why. An event with one is skipped as broken
 * (`readEvent`); a time zone with one is read without it (its zone is approximate anyway
 * unless its name is known). The error used to reject the whole file with every event in it.
 */
export const UNREADABLE_LINE = 'x-rapport-unreadable';

/**
 * Builds the same jCal tree `ICAL.parse` builds from repaired text, one repaired line at a time.
 * ical.js spends most of a large import's parse time on the plain lines of events (a summary,
 * an attendee with four parameters, a date-time); those are read here. Every line outside an
 * event, and every event line with anything unusual in it (a recurrence rule, a list of dates,
 * an escaped or RFC 6868 parameter, a VALUE= type), goes to ical.js's own line parser, so the
 * result is ical.js's, except that a line it cannot read becomes an `UNREADABLE_LINE`
 * property. Lines must come from the repair: names upper-case, BEGIN/END balanced, no blank
 * lines.
 *
 * With `onEvent`, each event directly inside a calendar is handed over when it ends instead of
 * being kept in the tree, so a large file never holds every event's properties at once.
 */
export class Tokenizer {
  readonly roots: JComponent[] = [];
  private readonly stack: JComponent[] = [];
  private current: JComponent | null = null;
  private inEvent = false;
  private calendarHadEvent = false;
  /**
   * A calendar property or time zone came after a handed-over event of the same calendar: the
   * event was read without it, so the caller must read the file again without `onEvent`.
   */
  lateCalendarData = false;
  /**
   * Attendee and organiser lines read so far: the same person with the same answer comes back
   * in meeting after meeting, and reading their parameters is most of an event's reading. The
   * properties are shared, so nothing may change one after it is read (nothing does).
   */
  private readonly addressLines = new Map<string, JProp>();

  constructor(private readonly onEvent?: (props: JProp[], calendar: JComponent) => void) {}

  push(line: string): void {
    const current = this.current;
    if (line.startsWith('BEGIN:')) {
      const component: JComponent = [line.slice(6).toLowerCase(), [], []];
      if (!current) this.calendarHadEvent = false;
      else if (this.calendarHadEvent && this.stack.length === 0 && component[0] === 'vtimezone') {
        this.lateCalendarData = true;
      }
      if (current) {
        // A handed-over event is not kept in its calendar.
        if (!(this.onEvent && component[0] === 'vevent' && this.stack.length === 0))
          current[2].push(component);
        this.stack.push(current);
      } else this.roots.push(component);
      this.current = component;
      this.inEvent = component[0] === 'vevent';
      return;
    }
    if (line.startsWith('END:')) {
      const parent = this.stack.pop() ?? null;
      if (this.onEvent && this.inEvent && parent && this.stack.length === 0 && current) {
        this.calendarHadEvent = true;
        this.onEvent(current[1], parent);
      }
      this.current = parent;
      this.inEvent = parent !== null && parent[0] === 'vevent';
      return;
    }
    if (!current) return;
    if (this.calendarHadEvent && this.stack.length === 0) this.lateCalendarData = true;
    current[1].push((this.inEvent && this.eventLine(line)) || this.property(line));
  }

  /**
   * A line read by ical.js; one it cannot read becomes an `UNREADABLE_LINE` property: in an
   * event it marks the event broken, elsewhere (a time zone's rule, an alarm) it is left out.
   */
  private property(line: string): JProp {
    try {
      return ICAL.parse.property(line) as unknown as JProp;
    } catch (error) {
      const name = line.slice(0, line.search(/[;:]|$/));
      // A TypeError is ical.js tripping over the value, and its message would only confuse.
      const detail = error instanceof TypeError ? 'its value is malformed' : (error as Error).message;
      return [UNREADABLE_LINE, {}, 'text', `its ${name} could not be read (${detail})`];
    }
  }

  private eventLine(line: string): JProp | null {
    const address = line.startsWith('ATTENDEE') || line.startsWith('ORGANIZER');
    if (!address) return eventProperty(line);
    let prop = this.addressLines.get(line);
    if (prop === undefined) {
      const read = eventProperty(line);
      if (read === null) return null;
      prop = read;
      if (this.addressLines.size >= MAX_ADDRESS_LINES) this.addressLines.clear();
      this.addressLines.set(line, prop);
    }
    return prop;
  }
}

/** Distinct attendee lines remembered at most; a file with more starts remembering afresh. */
const MAX_ADDRESS_LINES = 50_000;

/** The whole jCal tree of repaired lines, as `ICAL.parse` of their text would build it. */
export function tokenize(lines: readonly string[]): JComponent[] {
  const tokenizer = new Tokenizer();
  for (const line of lines) tokenizer.push(line);
  return tokenizer.roots;
}

type ValueReader = (value: string) => unknown;

const raw: ValueReader = (value) => value;

// ical.js's text, date-time and integer readers (design.js; ical.js 2 parses strictly), reproduced exactly.
const TEXT_ESCAPE = /\\\\|\\;|\\,|\\[Nn]/g;
const text: ValueReader = (value) =>
  value.indexOf('\\') === -1
    ? value
    : value.replace(TEXT_ESCAPE, (s) => (s === '\\\\' ? '\\' : s === '\\;' ? ';' : s === '\\,' ? ',' : '\n'));

function dateTime(value: string): string {
  const result =
    value.slice(0, 4) +
    '-' +
    value.slice(4, 6) +
    '-' +
    value.slice(6, 8) +
    'T' +
    value.slice(9, 11) +
    ':' +
    value.slice(11, 13) +
    ':' +
    value.slice(13, 15);
  return value[15] === 'Z' ? result + 'Z' : result;
}

const integer: ValueReader = (value) => {
  const parsed = parseInt(value);
  return Number.isNaN(parsed) ? 0 : parsed;
};

/**
 * The event properties read here, with ical.js's default value type and reader for each. Not
 * here (so read by ical.js): RRULE, RDATE and EXDATE, whose values are lists or rules.
 */
const EVENT_VALUES = new Map<string, [string, string, ValueReader]>(
  (
    [
      ['UID', 'text', text],
      ['SUMMARY', 'text', text],
      ['DESCRIPTION', 'text', text],
      ['LOCATION', 'text', text],
      ['STATUS', 'text', text],
      ['DTSTART', 'date-time', dateTime],
      ['DTEND', 'date-time', dateTime],
      ['RECURRENCE-ID', 'date-time', dateTime],
      ['DTSTAMP', 'date-time', dateTime],
      ['LAST-MODIFIED', 'date-time', dateTime],
      ['SEQUENCE', 'integer', integer],
      ['DURATION', 'duration', raw],
      ['ATTENDEE', 'cal-address', raw],
      ['ORGANIZER', 'cal-address', raw],
      ['URL', 'uri', raw],
      ['CONFERENCE', 'unknown', raw],
      ['X-GOOGLE-CONFERENCE', 'unknown', raw],
      ['X-MICROSOFT-SKYPETEAMSMEETINGURL', 'unknown', raw],
      ['X-MICROSOFT-ONLINEMEETINGCONFLINK', 'unknown', raw],
      ['X-MICROSOFT-ONLINEMEETINGEXTERNALLINK', 'unknown', raw],
    ] as const
  ).map(([name, type, read]) => [name, [name.toLowerCase(), type, read]]),
);

// Parameters ical.js reads as lists, and VALUE, which changes the value type.
const SLOW_PARAMS = new Set(['value', 'delegated-from', 'delegated-to', 'member']);

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** The jCal property of a plain event line, or null when ical.js should read it. */
function eventProperty(line: string): JProp | null {
  let i = 0;
  let c = line.charCodeAt(0);
  while (c !== 58 && c !== 59 && i < line.length) c = line.charCodeAt(++i);
  const design = EVENT_VALUES.get(line.slice(0, i));
  if (!design || i === line.length) return null;
  const params: Record<string, unknown> = {};
  while (c === 59) {
    // ;NAME=value or ;NAME="value", the value ending at the next ; or : outside quotes
    const start = i + 1;
    let eq = start;
    while (eq < line.length && isNameChar(line.charCodeAt(eq))) eq++;
    if (eq === start || line.charCodeAt(eq) !== 61) return null;
    const name = line.slice(start, eq).toLowerCase();
    if (SLOW_PARAMS.has(name)) return null;
    let value: string;
    if (line.charCodeAt(eq + 1) === 34) {
      const close = line.indexOf('"', eq + 2);
      if (close < 0) return null;
      value = line.slice(eq + 2, close);
      i = close + 1;
      c = line.charCodeAt(i);
      if (c !== 58 && c !== 59) return null;
    } else {
      i = eq + 1;
      c = line.charCodeAt(i);
      while (c !== 58 && c !== 59 && i < line.length) c = line.charCodeAt(++i);
      if (i === line.length) return null;
      value = line.slice(eq + 1, i);
    }
    if (value.indexOf('\\') !== -1 || value.indexOf('^') !== -1) return null;
    params[name] = value;
  }
  return [design[0], params, design[1], design[2](line.slice(i + 1))];
}
