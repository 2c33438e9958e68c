import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import type { OccurrenceKind, OccurrencePerson } from '../../shared/calendar/types';
import { isAbsenceNotice } from './absence';
import { meetingKind } from './kind';
import { descriptionAsNotes, htmlBodyAsNotes } from './htmlNotes';
import { meetingNotes } from './notes';
import { readPeople, type JProp } from './people';
import { HTML_BODY_TYPE } from './repair';
import { UNREADABLE_LINE } from './tokenize';
import { wallToUtc, type ZoneResolver } from './zones';

/** A moment as written in the file: its wall clock, whether it is a date, and the instant it means. */
export interface When {
  /** Wall-clock fields encoded as a UTC timestamp (ms). */
  wall: number;
  date: boolean;
  utc: number;
  approximate: boolean;
}

/** One VEVENT, read once into plain fields. */
export interface EventData {
  uid: string;
  hasUid: boolean;
  line: number | undefined;
  sequence: number;
  stamp: number;
  modified: number | null;
  status: string;
  title: string;
  notes: string;
  location: string | null;
  kind: OccurrenceKind;
  /** An out-of-office notice ("Ana – vacation"), not a meeting: none of it is imported. */
  absence: boolean;
  start: When;
  /** Length in ms (timed) or whole days (all-day); null when the file gives none that makes sense. */
  length: number | null;
  rrules: ICAL.Recur[];
  rdates: When[];
  /** EXRULE: rules of instances left out (RFC 2445's, dropped by RFC 5545, still in old exports). */
  exrules: ICAL.Recur[];
  exdates: When[];
  recurrenceId: When | null;
  /**
   * RECURRENCE-ID;RANGE=THISANDFUTURE: what this override changes holds for the later
   * instances too, until another such override (RFC 5545, 3.8.4.4).
   */
  thisAndFuture: boolean;
  people: OccurrencePerson[];
  zoneTzid: string | undefined;
}

export class BrokenEvent extends Error {}

const CONFERENCING =
  /\b(?:zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|bluejeans\.com|whereby\.com|gotomeeting\.com|meet\.jit\.si|chime\.aws|join\.skype\.com|facetime\.apple\.com|meet\.lync\.com|gotomeet\.me|meet\.goto\.com|(?:skype|lync) meeting)\b/i;
const CONFERENCE_PROPS = new Set([
  'conference',
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingconflink',
  'x-microsoft-onlinemeetingexternallink',
]);

/**
 * How Outlook marks a meeting its organiser cancelled in an attendee's calendar: the title gets
 * "Canceled: " (in the user's language) while STATUS stays CONFIRMED.
 */
const CANCELLED_TITLE =
  /^\s*(?:canceled|cancelled|abgesagt|annulé|annulée|cancelado|cancelada|annullato|geannuleerd|inställt|aflyst|avlyst)\s*:/iu;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/;

interface DateTimeFields {
  y: number;
  mo: number;
  d: number;
  /** Hours, minutes, seconds; null for a date. */
  time: [number, number, number] | null;
  zulu: boolean;
}

/** The number the ASCII digits at `from` spell, or NaN. */
function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The fields of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[Z]`. The full date-time (nearly every value)
 * is read digit by digit, which costs a fraction of the regular expression that reads the rest.
 */
function dateTimeFields(value: string): DateTimeFields | null {
  const zulu = value.length === 20 && value.charCodeAt(19) === 90;
  if ((value.length === 19 || zulu) && value[4] === '-' && value[7] === '-' && value[10] === 'T') {
    const y = digits(value, 0, 4);
    const mo = digits(value, 5, 2);
    const d = digits(value, 8, 2);
    const time: [number, number, number] = [digits(value, 11, 2), digits(value, 14, 2), digits(value, 17, 2)];
    const numbers = !Number.isNaN(y + mo + d + time[0] + time[1] + time[2]);
    if (value[13] === ':' && value[16] === ':' && numbers) return { y, mo, d, time, zulu };
  }
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  return {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    time: m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6])],
    zulu: m[7] === 'Z',
  };
}

export function parseWhen(
  value: unknown,
  tzid: string | undefined,
  zones: ZoneResolver,
  forceDate = false,
): When | null {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return null;
  const f = dateTimeFields(value);
  if (!f) return null;
  const { y, mo, d } = f;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (f.time === null || forceDate) {
    const wall = Date.UTC(y, mo - 1, d);
    return { wall, date: true, utc: wall, approximate: false };
  }
  const wall = Date.UTC(y, mo - 1, d, ...f.time);
  if (!Number.isFinite(wall)) return null;
  if (f.zulu) return { wall, date: false, utc: wall, approximate: false };
  const resolved = zones.resolve(tzid);
  return { wall, date: false, utc: wallToUtc(wall, resolved.zone), approximate: resolved.approximate };
}

function tzidOf(prop: JProp): string | undefined {
  const tzid = prop[1].tzid;
  return typeof tzid === 'string' ? tzid : undefined;
}

/** A description the repair took from the event's HTML body, its plain one missing. */
function isHtmlBody(prop: JProp | undefined): boolean {
  const type = prop?.[1].fmttype;
  return typeof type === 'string' && type.toLowerCase() === HTML_BODY_TYPE;
}

function text(prop: JProp | undefined): string {
  if (!prop) return '';
  const value = prop[3];
  return typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.join(', ').trim() : '';
}

function instant(prop: JProp | undefined, zones: ZoneResolver): number | null {
  if (!prop) return null;
  return parseWhen(prop[3], tzidOf(prop), zones)?.utc ?? null;
}

const recur = (prop: JProp): ICAL.Recur => new ICAL.Property(prop).getFirstValue() as ICAL.Recur;

function multi(props: JProp[], zones: ZoneResolver): When[] {
  const out: When[] = [];
  for (const prop of props) {
    for (let i = 3; i < prop.length; i++) {
      const when = parseWhen(prop[i], tzidOf(prop), zones);
      if (when) out.push(when);
    }
  }
  return out;
}

const DAY = 86_400_000;

/**
 * A single meeting or one instance titled as Outlook titles a cancelled one. A whole series so
 * titled is left as it is: its past meetings took place, and only its future is gone.
 */
function cancelledByTitle(title: string, recurring: boolean): boolean {
  return !recurring && CANCELLED_TITLE.test(title);
}

export function readEvent(
  props: JProp[],
  zones: ZoneResolver,
  line: number | undefined,
  calendar: string,
): EventData {
  const one = new Map<string, JProp>();
  const rrules: JProp[] = [];
  const rdates: JProp[] = [];
  const exrules: JProp[] = [];
  const exdates: JProp[] = [];
  let video = false;
  for (const prop of props) {
    const name = prop[0];
    if (name === 'rrule') rrules.push(prop);
    else if (name === 'rdate') rdates.push(prop);
    else if (name === 'exdate') exdates.push(prop);
    else if (name === 'exrule') exrules.push(prop);
    else if (name === 'dtstart' && one.has('dtstart')) throw new BrokenEvent('it has two DTSTART lines');
    else if (name === UNREADABLE_LINE) throw new BrokenEvent(String(prop[3]));
    else if (!one.has(name)) one.set(name, prop);
    if (CONFERENCE_PROPS.has(name)) video = true;
  }
  const dtstart = one.get('dtstart');
  if (!dtstart) throw new BrokenEvent('it has no DTSTART');
  const zoneTzid = tzidOf(dtstart);
  const start = parseWhen(dtstart[3], zoneTzid, zones);
  if (!start) throw new BrokenEvent(`its DTSTART "${String(dtstart[3])}" is not a date`);

  const title = text(one.get('summary'));
  const description = one.get('description');
  const notes = text(description);
  const locationText = text(one.get('location'));
  const location = locationText === '' ? null : locationText;
  if (!video && location && (CONFERENCING.test(location) || /^https?:\/\//i.test(location))) video = true;
  if (!video && (CONFERENCING.test(notes) || CONFERENCING.test(text(one.get('url'))))) video = true;

  let length: number | null = null;
  const dtend = one.get('dtend');
  const duration = one.get('duration');
  if (dtend) {
    const end = parseWhen(dtend[3], tzidOf(dtend), zones, start.date);
    if (end) length = start.date ? Math.round((end.wall - start.wall) / DAY) : end.utc - start.utc;
  } else if (duration && typeof duration[3] === 'string') {
    try {
      const seconds = ICAL.Duration.fromString(duration[3]).toSeconds();
      length = start.date ? Math.round(seconds / 86400) : seconds * 1000;
    } catch {
      length = null;
    }
  } else {
    length = start.date ? 1 : 0;
  }
  if (length !== null && length < 0) length = null;
  if (start.date && length === 0) length = 1;

  const uidProp = one.get('uid');
  const rawUid = text(uidProp);
  const sequenceValue = one.get('sequence')?.[3];
  const sequence = typeof sequenceValue === 'number' && Number.isFinite(sequenceValue) ? sequenceValue : 0;
  const recurrenceProp = one.get('recurrence-id');
  const recurrenceId = recurrenceProp ? parseWhen(recurrenceProp[3], tzidOf(recurrenceProp), zones) : null;

  const uid =
    rawUid !== ''
      ? rawUid
      : 'nouid-' +
        createHash('sha1')
          .update(
            [calendar, String(dtstart[3]), zoneTzid ?? '', title, text(one.get('organizer'))].join('\u001f'),
          )
          .update(rrules.map((r) => JSON.stringify(r[3])).join(','))
          .digest('hex')
          .slice(0, 20);

  return {
    uid,
    hasUid: rawUid !== '',
    line,
    sequence,
    stamp: instant(one.get('dtstamp'), zones) ?? 0,
    modified: instant(one.get('last-modified'), zones),
    status: cancelledByTitle(title, rrules.length + rdates.length > 0)
      ? 'CANCELLED'
      : text(one.get('status')).toUpperCase(),
    title,
    notes: meetingNotes(isHtmlBody(description) ? htmlBodyAsNotes(notes) : descriptionAsNotes(notes)),
    location,
    kind: meetingKind({ video, title, location }),
    absence: isAbsenceNotice({ title, allDay: start.date, lengthMs: start.date ? null : length }),
    start,
    length,
    rrules: rrules.map(recur),
    rdates: multi(rdates, zones),
    exrules: exrules.map(recur),
    exdates: multi(exdates, zones),
    recurrenceId,
    thisAndFuture:
      recurrenceId !== null && String(recurrenceProp?.[1].range).toUpperCase() === 'THISANDFUTURE',
    people: readPeople(props),
    zoneTzid,
  };
}
