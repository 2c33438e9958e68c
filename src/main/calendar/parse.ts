import ICAL from 'ical.js';
import type {
  CappedSeries,
  Occurrence,
  OccurrencePerson,
  ParsedCalendar,
  Skipped,
  Warning,
} from '../../shared/calendar/types';
import { count } from '../../shared/text/count';
import { normalizeEmail } from '../../shared/text/email';
import { CalendarImportError } from './errors';
import { BrokenEvent, readEvent, type EventData, type When } from './event';
import { COPIED_ONLY, notThere, type JProp, type NotThere } from './people';
import {
  defaultRepairLimits,
  repairedStructure,
  repairInto,
  repairLines,
  type LineOffset,
  type RepairLimits,
} from './repair';
import { tokenize, Tokenizer, UNREADABLE_LINE, type JComponent } from './tokenize';
import { utcToWall, wallToUtc, ZoneResolver, type Zone } from './zones';

export interface ParseOptions {
  fileName?: string;
  /** Occurrences starting after this instant are not imported (history, not the future). */
  windowEnd?: Date;
  /** IANA zone for floating times when the calendar names none; the user's zone. */
  defaultZone?: string;
  /** The user's own addresses: they are not participants, and events they declined are skipped. */
  selfEmails?: readonly string[];
  /** Most occurrences one series may produce. */
  maxOccurrences?: number;
  maxBytes?: number;
  /** Wall-clock instant (ms since epoch) after which parsing gives up with TIMEOUT. */
  deadline?: number;
  /** Physical lines after `from` are numbered `by` later: a part of a file names the file's lines. */
  lineOffset?: LineOffset;
}

export const DEFAULT_MAX_OCCURRENCES = 20_000;

interface Context {
  calendar: string;
  zones: ZoneResolver;
  windowEnd: number;
  windowEndDate: string;
  self: Set<string>;
  cap: number;
  deadline: number;
  out: Occurrence[];
  skipped: Skipped[];
  warnings: Warning[];
  capped: CappedSeries[];
  withdrawn: string[];
  steps: number;
}

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function propValue(props: JProp[], name: string): string | null {
  const prop = props.find((p) => p[0] === name);
  return prop && typeof prop[3] === 'string' ? prop[3].trim() : null;
}

/** One VCALENDAR being read: its name, zones, expansion context, and the events read so far. */
interface CalendarState {
  calendar: string;
  zones: ZoneResolver;
  ctx: Context;
  events: EventData[];
  /** Events that could not be read, reported before what expansion skips. */
  broken: Skipped[];
  /** Lines outside events that could not be read (a time zone's rule): warned of before expansion's. */
  leftOut: Warning[];
}

function emptyResult(fileName: string): ParsedCalendar {
  return {
    fileName,
    calendar: '',
    events: 0,
    occurrences: [],
    skipped: [],
    warnings: [],
    capped: [],
    approximateZones: [],
    organizers: [],
    withdrawn: [],
  };
}

/** Why each line of a component and its subcomponents (a time zone's rules) could not be read. */
function unreadableLines(component: JComponent): string[] {
  const why = component[1].filter((p) => p[0] === UNREADABLE_LINE).map((p) => String(p[3]));
  return why.concat(...component[2].map(unreadableLines));
}

function openCalendar(root: JComponent, result: ParsedCalendar, options: ParseOptions): CalendarState {
  const props = root[1];
  const calendar = propValue(props, 'x-wr-calname') ?? propValue(props, 'x-wr-relcalid') ?? result.fileName;
  const leftOut = unreadableLines([root[0], props, []]).map((why) => ({
    message: `A line of calendar "${calendar}" was left out: ${why}.`,
  }));
  const vtimezones = new Map<string, ICAL.Component>();
  for (const sub of root[2]) {
    if (sub[0] !== 'vtimezone') continue;
    const tzid = propValue(sub[1], 'tzid');
    if (tzid) vtimezones.set(tzid, new ICAL.Component(sub as unknown as unknown[]));
    for (const why of unreadableLines(sub)) {
      leftOut.push({ message: `A line of time zone "${tzid ?? ''}" was left out: ${why}.` });
    }
  }
  const zones = new ZoneResolver(
    vtimezones,
    propValue(props, 'x-wr-timezone'),
    options.defaultZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const windowEnd = (options.windowEnd ?? new Date()).getTime();
  const ctx: Context = {
    calendar,
    zones,
    windowEnd,
    windowEndDate: isoDate(utcToWall(windowEnd, zones.floating)),
    self: new Set((options.selfEmails ?? []).map(normalizeEmail)),
    cap: options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES,
    deadline: options.deadline ?? Number.POSITIVE_INFINITY,
    out: result.occurrences,
    skipped: result.skipped,
    warnings: result.warnings,
    capped: result.capped,
    withdrawn: result.withdrawn,
    steps: 0,
  };
  return { calendar, zones, ctx, events: [], broken: [], leftOut };
}

function readOne(state: CalendarState, props: JProp[], line: number | undefined): void {
  try {
    state.events.push(readEvent(props, state.zones, line, state.calendar));
  } catch (error) {
    if (error instanceof CalendarImportError) throw error;
    const why =
      error instanceof BrokenEvent ? error.message : `it could not be read (${(error as Error).message})`;
    const title = propValue(props, 'summary') ?? '';
    const uid = propValue(props, 'uid');
    state.broken.push({
      reason: 'broken',
      uid,
      title,
      message: `Event "${title || uid || 'untitled'}"${line ? ` at line ${line}` : ''} was skipped: ${why}.`,
      ...(line ? { line } : {}),
    });
  }
}

/**
 * Expands the calendar's events. Its skipped list then holds the events that could not be read,
 * the older copies that grouping set aside (how many is returned), and what expansion skipped.
 */
function finishCalendar(state: CalendarState, result: ParsedCalendar, approximate: Set<string>): number {
  result.calendar ||= state.calendar;
  result.warnings.push(...state.leftOut);
  for (const s of state.broken) state.ctx.skipped.push(s);
  const before = state.ctx.skipped.length;
  const groups = groupByUid(state.events, state.ctx);
  const olderCopies = state.ctx.skipped.length - before;
  expandGroups(groups, state.ctx);
  for (const name of state.zones.unknown) approximate.add(name);
  return olderCopies;
}

function finishResult(result: ParsedCalendar, approximate: Set<string>): ParsedCalendar {
  if (result.calendar === '') {
    throw new CalendarImportError('NOT_ICALENDAR', 'The file holds no VCALENDAR.');
  }
  // Sorted: the order zones are first met in depends on the order events are read in.
  result.approximateZones = [...approximate].sort();
  const organizers = new Map<string, number>();
  for (const occurrence of result.occurrences) {
    if (occurrence.organizer)
      organizers.set(occurrence.organizer, (organizers.get(occurrence.organizer) ?? 0) + 1);
  }
  result.organizers = rankOrganizers(organizers);
  return result;
}

/** Organisers by how many occurrences they organised, most first. */
export function rankOrganizers(counts: Map<string, number>): ParsedCalendar['organizers'] {
  return [...counts]
    .map(([email, count]) => ({ email, count }))
    .sort((a, b) => b.count - a.count || a.email.localeCompare(b.email));
}

export function repairWarnings(repairs: Record<string, number>, fileName: string): Warning[] {
  return Object.entries(repairs).map(([kind, n]) => ({
    message: `Repaired ${count(n, kind)} in ${fileName}.`,
  }));
}

function parseError(error: unknown): CalendarImportError {
  return new CalendarImportError('PARSE', `The calendar could not be parsed: ${(error as Error).message}`);
}

/** A file read event by event: what was read, before its series are expanded. */
interface StreamedRead {
  result: ParsedCalendar;
  calendars: Map<JComponent, CalendarState>;
  roots: JComponent[];
  repairs: Record<string, number>;
  /** Calendar properties or time zones came after an event: the file must be read whole. */
  late: boolean;
}

/**
 * Each event is read as its END goes by, so its properties never outlive it: a 20 MB export
 * then spends its time reading, not moving a million live jCal objects through the garbage
 * collector.
 */
function readStreaming(
  bytes: Uint8Array,
  options: ParseOptions,
  limits: RepairLimits,
  progress?: (bytesRead: number) => void,
): StreamedRead {
  const result = emptyResult(options.fileName ?? 'calendar.ics');
  const calendars = new Map<JComponent, CalendarState>();
  const eventLines: number[] = [];
  let eventIndex = 0;
  let tokenError: unknown = null;
  let readError: unknown = null;
  const tokenizer = new Tokenizer((props, root) => {
    const line = eventLines[eventIndex++];
    result.events++;
    if (readError !== null) return;
    let state = calendars.get(root);
    if (!state) {
      state = openCalendar(root, result, options);
      calendars.set(root, state);
    }
    try {
      readOne(state, props, line);
    } catch (error) {
      readError = error;
    }
  });
  // Errors of the repair (a file that is no calendar at all) come first, as when it ran alone.
  const { repairs } = repairInto(
    bytes,
    (line) => {
      if (tokenError !== null) return;
      try {
        tokenizer.push(line);
      } catch (error) {
        tokenError = error;
      }
    },
    limits,
    eventLines,
    progress && ((share) => progress(Math.round(share * bytes.length))),
    options.lineOffset,
  );
  if (tokenError !== null) throw parseError(tokenError);
  if (readError !== null) throw readError;
  return { result, calendars, roots: tokenizer.roots, repairs, late: tokenizer.lateCalendarData };
}

/** The options with the window end defaulting to now. */
function withWindow(given: ParseOptions): ParseOptions {
  return { ...given, windowEnd: given.windowEnd ?? new Date() };
}

function repairLimits(options: ParseOptions): RepairLimits {
  return { ...defaultRepairLimits, maxBytes: options.maxBytes ?? defaultRepairLimits.maxBytes };
}

/**
 * Parses one calendar file (raw bytes) into the occurrences it holds up to the window end.
 * A file whose calendar properties or time zones come after its first event is read again the
 * plain way (whole tree first), so both orders give the same result.
 */
export function parseCalendar(
  bytes: Uint8Array,
  given: ParseOptions = {},
  /** Told, now and then, how many of the file's bytes have been read. */
  progress?: (bytesRead: number) => void,
): ParsedCalendar {
  const options = withWindow(given);
  const limits = repairLimits(options);
  const read = readStreaming(bytes, options, limits, progress);
  if (read.late) return parseWhole(bytes, options, limits);
  const { result, calendars } = read;
  result.warnings.push(...repairWarnings(read.repairs, result.fileName));
  const approximate = new Set<string>();
  for (const root of read.roots) {
    if (root[0] !== 'vcalendar') continue;
    finishCalendar(calendars.get(root) ?? openCalendar(root, result, options), result, approximate);
  }
  return finishResult(result, approximate);
}

/** What a part of a file split between two threads says about itself, for the merge to check. */
export interface PartInfo {
  /** Calendar data after an event, or more than one calendar: only the whole file can be read. */
  whole: boolean;
  /**
   * What was repaired, by kind, in the part's own lines (not the header it repeats). Its result
   * leaves out the warnings these make: the merge makes them once, for the whole file.
   */
  repairs: Record<string, number>;
  /** How many of `skipped` (its first ones) are events that could not be read. */
  broken: number;
  /** How many of `skipped`, after those, are older copies of events set aside. */
  olderCopies: number;
  /** Every UID of the part's events: a series must be expanded in one part. */
  uids: string[];
  /** How many of its warnings (its first ones) are of header lines left out, which both parts repeat. */
  leftOut: number;
}

/**
 * One part of a file cut in two at an event (see split.ts), read as `parseCalendar` would read
 * the whole file, with what the merge needs to check that the parts read as the whole would.
 * No result when the part says only the whole file can be read.
 */
export function parsePart(
  bytes: Uint8Array,
  given: ParseOptions,
  progress?: (bytesRead: number) => void,
): { parsed: ParsedCalendar | null; info: PartInfo } {
  const options = withWindow(given);
  const read = readStreaming(bytes, options, repairLimits(options), progress);
  const { repairs } = read;
  const calendars = read.roots.filter((root) => root[0] === 'vcalendar');
  const whole = read.late || calendars.length !== 1;
  if (whole || repairedStructure(repairs)) {
    return { parsed: null, info: { whole, repairs, broken: 0, olderCopies: 0, uids: [], leftOut: 0 } };
  }
  const { result } = read;
  const state = read.calendars.get(calendars[0]) ?? openCalendar(calendars[0], result, options);
  const broken = state.broken.length;
  const leftOut = state.leftOut.length;
  const uids = [...new Set(state.events.map((ev) => ev.uid))];
  const approximate = new Set<string>();
  const olderCopies = finishCalendar(state, result, approximate);
  return {
    parsed: finishResult(result, approximate),
    info: { whole, repairs, broken, olderCopies, uids, leftOut },
  };
}

/** The plain way: the whole jCal tree first, then each calendar's events. */
function parseWhole(bytes: Uint8Array, options: ParseOptions, limits: RepairLimits): ParsedCalendar {
  const result = emptyResult(options.fileName ?? 'calendar.ics');
  const repaired = repairLines(bytes, limits);
  let roots: JComponent[];
  try {
    roots = tokenize(repaired.lines);
  } catch (error) {
    throw parseError(error);
  }
  result.warnings.push(...repairWarnings(repaired.repairs, result.fileName));
  const approximate = new Set<string>();
  let eventIndex = 0;
  for (const root of roots) {
    if (root[0] !== 'vcalendar') continue;
    const state = openCalendar(root, result, options);
    for (const sub of root[2]) {
      if (sub[0] !== 'vevent') continue;
      result.events++;
      readOne(state, sub[1], repaired.eventLines[eventIndex++]);
    }
    finishCalendar(state, result, approximate);
  }
  return finishResult(result, approximate);
}

/** The newer of two versions of one component: highest SEQUENCE, then latest DTSTAMP. */
function newer(a: EventData, b: EventData): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  return a.stamp > b.stamp;
}

function describe(ev: EventData): string {
  return `"${ev.title || ev.uid}"${ev.line ? ` (line ${ev.line})` : ''}`;
}

function skip(ctx: Context, ev: EventData, reason: Skipped['reason'], message: string): void {
  ctx.skipped.push({
    reason,
    uid: ev.hasUid ? ev.uid : null,
    title: ev.title,
    message,
    ...(ev.line ? { line: ev.line } : {}),
  });
}

type Groups = Map<string, { master: EventData | null; overrides: EventData[] }>;

/** The events by UID, each series' master kept once (the newest copy). */
function groupByUid(events: EventData[], ctx: Context): Groups {
  // Grouped once by UID: ical.js's own lookup scans every event per event, and can
  // attach another series' overrides.
  const groups: Groups = new Map();
  for (const ev of events) {
    let group = groups.get(ev.uid);
    if (!group) {
      group = { master: null, overrides: [] };
      groups.set(ev.uid, group);
    }
    if (ev.recurrenceId) {
      group.overrides.push(ev);
    } else if (!group.master) {
      group.master = ev;
    } else {
      const [keep, drop] = newer(ev, group.master) ? [ev, group.master] : [group.master, ev];
      group.master = keep;
      skip(
        ctx,
        drop,
        'duplicate',
        `An older copy of ${describe(drop)} was ignored (a newer SEQUENCE or DTSTAMP exists).`,
      );
    }
  }
  return groups;
}

function expandGroups(groups: Groups, ctx: Context): void {
  for (const [uid, group] of groups) {
    const before = ctx.out.length;
    try {
      expandSeries(uid, group.master, group.overrides, ctx);
    } catch (error) {
      if (error instanceof CalendarImportError) throw error;
      // One series ical.js cannot expand must not sink the file: drop what it produced.
      ctx.out.length = before;
      const ev = group.master ?? group.overrides[0];
      skip(
        ctx,
        ev,
        'broken',
        `${describe(ev)} was skipped: its recurrence could not be expanded (${(error as Error).message}).`,
      );
    }
  }
}

function ridKey(when: When, allDay: boolean): string {
  return allDay ? isoDate(when.wall) : iso(when.utc);
}

function expandSeries(uid: string, master: EventData | null, rawOverrides: EventData[], ctx: Context): void {
  const allDay = master ? master.start.date : (rawOverrides[0]?.start.date ?? false);
  const overrides = new Map<string, EventData>();
  for (const ov of rawOverrides) {
    const key = ridKey(ov.recurrenceId!, allDay);
    const existing = overrides.get(key);
    if (!existing) overrides.set(key, ov);
    else if (newer(ov, existing)) {
      overrides.set(key, ov);
      skip(ctx, existing, 'duplicate', `An older copy of ${describe(existing)} was ignored.`);
    } else skip(ctx, ov, 'duplicate', `An older copy of ${describe(ov)} was ignored.`);
  }

  const recurring = master !== null && (master.rrules.length > 0 || master.rdates.length > 0);
  if (master && master.status === 'CANCELLED') {
    skip(ctx, master, 'cancelled', `${describe(master)} was cancelled.`);
    if (!recurring) ctx.withdrawn.push(`${ctx.calendar}\u001f${uid}`);
    return;
  }
  if (master && !recurring) {
    emit(ctx, master, master.start, `${ctx.calendar}\u001f${uid}`);
  } else if (master) {
    const starts = expandStarts(master, ctx);
    if (starts === null) return;
    // One that moves meetings must move them as the series' kind (dates, or times) to apply.
    const ranges = [...overrides.values()]
      .filter((ov) => ov.thisAndFuture && (ov.status === 'CANCELLED' || ov.start.date === allDay))
      .sort((a, b) => a.recurrenceId!.utc - b.recurrenceId!.utc);
    // Meetings of each cancelled range, their own included: one skip says it for them all.
    const cancelledFrom = new Map<EventData, number>();
    for (const [key, start] of starts) {
      const own = overrides.get(key);
      if (own) overrides.delete(key);
      const range = own ?? ranges.findLast((r) => r.recurrenceId!.utc <= start.utc);
      const instanceKey = `${ctx.calendar}\u001f${uid}\u001f${key}`;
      if (range?.thisAndFuture && range.status === 'CANCELLED') {
        cancelledFrom.set(range, (cancelledFrom.get(range) ?? 0) + 1);
        ctx.withdrawn.push(instanceKey);
      } else if (own) emitOverride(ctx, own, uid, key);
      else if (range) emit(ctx, range, movedLike(start, range), instanceKey, true);
      else emit(ctx, master, start, instanceKey);
    }
    for (const [range, count] of cancelledFrom) {
      const from = ridKey(range.recurrenceId!, allDay).slice(0, 10);
      skip(
        ctx,
        range,
        'cancelled',
        `${describe(range)} was cancelled from ${from} on: ${count === 1 ? 'its one meeting since is' : `its ${count} meetings since are`} left out.`,
      );
    }
  }
  // Overrides of instances the rule does not produce (or whose series is missing) still happened.
  for (const [key, ov] of overrides) emitOverride(ctx, ov, uid, key);
}

/**
 * An instance after a RANGE=THISANDFUTURE override, moved as the override moved its own:
 * by the same number of days, or the same time.
 */
function movedLike(instance: When, range: EventData): When {
  const by = range.start.utc - range.recurrenceId!.utc;
  const approximate = instance.approximate || (!instance.date && range.start.approximate);
  return { ...instance, wall: instance.wall + by, utc: instance.utc + by, approximate };
}

function emitOverride(ctx: Context, ov: EventData, uid: string, key: string): void {
  if (ov.status === 'CANCELLED') {
    skip(ctx, ov, 'cancelled', `The ${key} instance of ${describe(ov)} was cancelled.`);
    ctx.withdrawn.push(`${ctx.calendar}\u001f${uid}\u001f${key}`);
    return;
  }
  emit(ctx, ov, ov.start, `${ctx.calendar}\u001f${uid}\u001f${key}`);
}

/** Floating ical.js time with the given wall-clock fields. */
function floatingTime(wall: number, date: boolean): ICAL.Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: date ? 0 : d.getUTCHours(),
    minute: date ? 0 : d.getUTCMinutes(),
    second: date ? 0 : d.getUTCSeconds(),
    isDate: date,
  });
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Rules ical.js would iterate forever (or never advance) on. */
function unbounded(rule: ICAL.Recur): string | null {
  if (!(rule.interval >= 1)) return `INTERVAL=${rule.interval} never advances`;
  const parts = rule.parts as Record<string, number[] | undefined>;
  const monthDays = parts.BYMONTHDAY;
  if (monthDays && monthDays.length > 0) {
    const months =
      parts.BYMONTH && parts.BYMONTH.length > 0 ? parts.BYMONTH : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const possible = monthDays.some((day) =>
      months.some((m) => m >= 1 && m <= 12 && Math.abs(day) >= 1 && Math.abs(day) <= MONTH_DAYS[m - 1]),
    );
    if (!possible) return `BYMONTHDAY=${monthDays.join(',')} never falls in BYMONTH=${months.join(',')}`;
  }
  const yearDays = parts.BYYEARDAY;
  if (yearDays && yearDays.length > 0 && !yearDays.some((d) => Math.abs(d) >= 1 && Math.abs(d) <= 366)) {
    return `BYYEARDAY=${yearDays.join(',')} is not a day of any year`;
  }
  const weeks = parts.BYWEEKNO;
  if (weeks && weeks.length > 0 && !weeks.some((w) => Math.abs(w) >= 1 && Math.abs(w) <= 53)) {
    return `BYWEEKNO=${weeks.join(',')} is not a week of any year`;
  }
  return null;
}

/** Whether a moment is after the import window's end: its day for a date, its instant for a time. */
function afterWindow(when: When, ctx: Context): boolean {
  return when.date ? isoDate(when.wall) > ctx.windowEndDate : when.utc > ctx.windowEnd;
}

/**
 * Instance starts of a recurring master up to the window end, keyed as RECURRENCE-ID would
 * be (UTC instant, or date for all-day series), with EXDATEs removed. Null when the series
 * was skipped.
 */
function expandStarts(master: EventData, ctx: Context): Map<string, When> | null {
  const start = master.start;
  const zone: Zone = ctx.zones.resolve(master.zoneTzid).zone;
  const utcStart = !start.date && start.utc === start.wall && master.zoneTzid === undefined;
  const seriesZone: Zone = utcStart ? { kind: 'utc' } : zone;
  const starts = new Map<string, When>();
  const add = (when: When): boolean => {
    if (afterWindow(when, ctx)) return false;
    starts.set(ridKey(when, start.date), when);
    return true;
  };
  add(start);
  for (const rule of master.rrules) {
    if (!rule.freq) {
      skip(ctx, master, 'broken', `${describe(master)} was skipped: its RRULE has no FREQ.`);
      return null;
    }
    const why = unbounded(rule);
    if (why) {
      skip(ctx, master, 'unbounded', `${describe(master)} was skipped: its rule ${why}.`);
      return null;
    }
    if (!eachStart(rule, master, seriesZone, ctx, add)) {
      ctx.capped.push({ uid: master.uid, title: master.title, limit: ctx.cap });
      ctx.warnings.push({
        message: `${describe(master)} repeats more than ${ctx.cap} times before the window end; only the first ${ctx.cap} are imported.`,
        uid: master.uid,
      });
    }
  }
  for (const rdate of master.rdates) {
    if (start.date) {
      const wall = Date.UTC(...dateParts(rdate.wall));
      add({ wall, date: true, utc: wall, approximate: false });
    } else add(rdate);
  }
  for (const ex of master.exdates) {
    if (ex.date && !start.date) {
      // A date EXDATE on a timed series removes that day's instances.
      const day = isoDate(ex.wall);
      for (const [key, when] of starts) {
        if (isoDate(utcToWall(when.utc, seriesZone)) === day) starts.delete(key);
      }
    } else {
      starts.delete(ridKey(ex, start.date));
    }
  }
  for (const rule of master.exrules) {
    // A rule that cannot be read or run leaves the series whole: EXRULE only ever takes away.
    if (!rule.freq || unbounded(rule)) {
      ctx.warnings.push({
        message: `The EXRULE of ${describe(master)} was ignored: it cannot be followed.`,
        uid: master.uid,
      });
      continue;
    }
    eachStart(rule, master, seriesZone, ctx, (when) => {
      if (afterWindow(when, ctx)) return false;
      starts.delete(ridKey(when, start.date));
      return true;
    });
  }
  if (starts.size === 0) {
    const future = afterWindow(start, ctx);
    if (future) skip(ctx, master, 'future', `${describe(master)} starts after the import window.`);
    else skip(ctx, master, 'excluded', `Every instance of ${describe(master)} is excluded by its EXDATEs.`);
  }
  return starts;
}

/**
 * Runs `rule` from the series' start on its wall clock, handing each instance to `visit` until
 * it returns false or the rule ends. False when the series cap stopped it.
 */
function eachStart(
  rule: ICAL.Recur,
  master: EventData,
  seriesZone: Zone,
  ctx: Context,
  visit: (when: When) => boolean,
): boolean {
  const start = master.start;
  const local = rule.clone();
  if (local.until && !local.until.isDate && local.until.zone === ICAL.Timezone.utcTimezone) {
    // UNTIL is an instant; the iterator runs on the series' wall clock.
    const untilWall = utcToWall(
      local.until.toUnixTime() * 1000,
      start.date ? ctx.zones.floating : seriesZone,
    );
    local.until = floatingTime(untilWall, start.date);
  } else if (local.until && start.date && !local.until.isDate) {
    local.until = floatingTime(Date.UTC(local.until.year, local.until.month - 1, local.until.day), true);
  }
  const iterator = local.iterator(floatingTime(start.wall, start.date));
  let produced = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if ((++ctx.steps & 1023) === 0 && Date.now() > ctx.deadline) {
      throw new CalendarImportError(
        'TIMEOUT',
        'Expanding recurring events took too long; the import was stopped.',
      );
    }
    const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
    if (wall <= previous) break;
    previous = wall;
    const when: When = start.date
      ? { wall, date: true, utc: wall, approximate: false }
      : { wall, date: false, utc: wallToUtc(wall, seriesZone), approximate: start.approximate };
    if (!visit(when)) break;
    if (++produced >= ctx.cap) return false;
  }
  return true;
}

function dateParts(wall: number): [number, number, number] {
  const d = new Date(wall);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

/** `repeated`: `ev` gives more than one meeting (a series, or a this-and-future override). */
function emit(
  ctx: Context,
  ev: EventData,
  start: When,
  key: string,
  repeated = ev.rrules.length > 0 || ev.rdates.length > 0,
): void {
  if (afterWindow(start, ctx)) {
    if (!repeated) skip(ctx, ev, 'future', `${describe(ev)} is after the import window.`);
    return;
  }
  if (ev.status === 'CANCELLED') {
    skip(ctx, ev, 'cancelled', `${describe(ev)} was cancelled.`);
    ctx.withdrawn.push(key);
    return;
  }
  // One that names no one is skipped as such ("no one but you"), like any other.
  if (ev.absence && ev.people.length > 0) {
    skip(ctx, ev, 'absence', `${describe(ev)} is an out-of-office notice, not a meeting.`);
    // One imported before this was known goes, as a meeting that did not take place.
    ctx.withdrawn.push(key);
    return;
  }
  const people: OccurrencePerson[] = [];
  const declinedBy: string[] = [];
  // DELEGATED: they handed the invitation to someone else, who is listed in their place.
  let delegatedBy: string[] | undefined;
  let copiedBy: string[] | undefined;
  let yourAnswer: NotThere | null = null;
  for (const person of ev.people) {
    const { response } = person;
    if (response === 'declined' || response === 'delegated' || response === COPIED_ONLY) {
      if (ctx.self.has(person.email)) yourAnswer = response;
      if (person.email !== '') {
        declinedBy.push(person.email);
        if (response === 'delegated') (delegatedBy ??= []).push(person.email);
        if (response === COPIED_ONLY) (copiedBy ??= []).push(person.email);
      }
      continue;
    }
    people.push(person);
  }
  if (yourAnswer !== null) {
    const on = start.date ? isoDate(start.wall) : iso(start.utc);
    const { reason, message } = notThere(yourAnswer, `${describe(ev)} on ${on}`);
    skip(ctx, ev, reason, message);
    ctx.withdrawn.push(key);
    return;
  }
  let startsAt: string;
  let endsAt: string | null = null;
  let durationMinutes: number | null = null;
  if (start.date) {
    startsAt = isoDate(start.wall);
    if (ev.length !== null) endsAt = isoDate(start.wall + Math.max(ev.length - 1, 0) * DAY);
  } else {
    startsAt = iso(start.utc);
    if (ev.length !== null) {
      endsAt = iso(start.utc + ev.length);
      durationMinutes = Math.round(ev.length / 60000);
    }
  }
  const organizer = people.find((p) => p.role === 'organizer')?.email || null;
  ctx.out.push({
    key,
    uid: ev.uid,
    title: ev.title,
    notes: ev.notes,
    location: ev.location,
    startsAt,
    endsAt,
    allDay: start.date,
    durationMinutes,
    kind: ev.kind,
    approximate: start.approximate,
    organizer,
    declinedBy,
    delegatedBy,
    copiedBy,
    // Instances of a series share the master's people; each gets its own copies. A single event
    // is emitted once, so its people need no copy.
    people: repeated ? people.map((p) => ({ ...p })) : people,
    sequence: ev.sequence,
    modifiedAt: ev.modified !== null ? iso(ev.modified) : ev.stamp > 0 ? iso(ev.stamp) : null,
  });
}
