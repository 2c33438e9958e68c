import ICAL from 'ical.js';
import { findIana } from 'windows-iana';

/**
 * Time zones without ical.js's TimezoneService: IANA rules come from the runtime's Intl data
 * (always current), so a TZID never silently becomes local time and no lookup rescans the file.
 */
export type Zone =
  { kind: 'utc' } | { kind: 'iana'; name: string } | { kind: 'vtimezone'; tz: ICAL.Timezone };

export interface ResolvedZone {
  zone: Zone;
  approximate: boolean;
}

const utc: Zone = { kind: 'utc' };

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(name, f);
  }
  return f;
}

export function isIanaZone(name: string): boolean {
  return name.length > 0 && formatter(name) !== null;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

interface OffsetCache {
  /** Offset at the start of each quarter hour looked up. */
  quarters: Map<number, number>;
  /** Offset of each UTC day with the same offset at its start and at the next day's, else NaN. */
  days: Map<number, number>;
}

const offsetCache = new Map<string, OffsetCache>();
let cachedOffsets = 0;

/** The offset at the start of quarter hour `bucket`, from Intl (the slow part: a formatToParts). */
function quarterOffset(name: string, cache: OffsetCache, bucket: number): number {
  const cached = cache.quarters.get(bucket);
  if (cached !== undefined) return cached;
  const f = formatter(name);
  if (!f) return 0;
  const at = bucket * QUARTER_HOUR;
  const parts = f.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = asUtc - at;
  if (cachedOffsets > 500_000) {
    for (const c of offsetCache.values()) {
      c.quarters.clear();
      c.days.clear();
    }
    cachedOffsets = 0;
  }
  cache.quarters.set(bucket, offset);
  cachedOffsets++;
  return offset;
}

/**
 * Offset (ms) of `zone` at instant `utcMs`: the offset at the start of its quarter hour, since
 * zones change offset on quarter hours. A day whose offset is the same at its start and at the
 * next day's start has no transition (transitions are months apart), so one lookup serves the
 * whole day: meetings at thousands of different times cost a few lookups per day, not per meeting.
 */
function offsetAt(name: string, utcMs: number): number {
  let cache = offsetCache.get(name);
  if (!cache) {
    cache = { quarters: new Map(), days: new Map() };
    offsetCache.set(name, cache);
  }
  const day = Math.floor(utcMs / DAY);
  let offset = cache.days.get(day);
  if (offset === undefined) {
    const perDay = DAY / QUARTER_HOUR;
    const start = quarterOffset(name, cache, day * perDay);
    offset = start === quarterOffset(name, cache, (day + 1) * perDay) ? start : Number.NaN;
    cache.days.set(day, offset);
  }
  return Number.isNaN(offset) ? quarterOffset(name, cache, Math.floor(utcMs / QUARTER_HOUR)) : offset;
}

/**
 * Wall-clock time (as milliseconds of a UTC date with the same fields) to the real UTC instant.
 * A time inside a DST gap moves forward; a repeated hour takes its first occurrence.
 */
export function wallToUtc(wallMs: number, zone: Zone): number {
  if (zone.kind === 'utc') return wallMs;
  if (zone.kind === 'iana') {
    // The offsets a day either side hold everywhere but across a transition (offsets are within
    // ±14 h, transitions months apart). Each gives a candidate instant, which is right when the
    // zone has that offset at it: both in a repeated hour (the first is taken), neither in a gap
    // (the offset from before moves the time forward, as clocks did).
    const before = offsetAt(zone.name, wallMs - DAY);
    const after = offsetAt(zone.name, wallMs + DAY);
    const early = wallMs - before;
    if (before === after) return early;
    const late = wallMs - after;
    const earlyHolds = offsetAt(zone.name, early) === before;
    const lateHolds = offsetAt(zone.name, late) === after;
    if (earlyHolds && lateHolds) return Math.min(early, late);
    return lateHolds ? late : early;
  }
  const d = new Date(wallMs);
  const time = ICAL.Time.fromData(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    zone.tz,
  );
  return time.toUnixTime() * 1000;
}

/** The inverse: the wall clock in `zone` at instant `utcMs`. */
export function utcToWall(utcMs: number, zone: Zone): number {
  if (zone.kind === 'utc') return utcMs;
  if (zone.kind === 'iana') return utcMs + offsetAt(zone.name, utcMs);
  const local = ICAL.Time.fromJSDate(new Date(utcMs), true).convertToZone(zone.tz);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

// Outlook's legacy display names that name no city.
const displayNames: Record<string, string> = {
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  'pacific time (us & canada); tijuana': 'America/Los_Angeles',
  'atlantic time (canada)': 'America/Halifax',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  'indiana (east)': 'America/Indiana/Indianapolis',
  saskatchewan: 'America/Regina',
  newfoundland: 'America/St_Johns',
  'coordinated universal time': 'UTC',
  'international date line west': 'Etc/GMT+12',
  'central america': 'America/Guatemala',
  'mid-atlantic': 'Atlantic/South_Georgia',
};

let cityIndex: Map<string, string> | null = null;

function cities(): Map<string, string> {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const city = name.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
      if (!cityIndex.has(city)) cityIndex.set(city, name);
    }
  }
  return cityIndex;
}

/** IANA name for a Windows ID ("Pacific Standard Time") or a legacy display name, or null. */
export function ianaFromWindows(rawName: string): string | null {
  const name = rawName.trim();
  const fromWindows = findIana(name)[0];
  if (fromWindows && isIanaZone(fromWindows)) return fromWindows;
  const rest = name
    .replace(/^\((?:UTC|GMT)\s*(?:[+-]\d{1,2}:?\d{2})?\)\s*/i, '')
    .replace(/\\,/g, ',')
    .replace(/\band\b/gi, '&')
    .trim();
  const known = displayNames[rest.toLowerCase()];
  if (known) return known;
  const fromRest = findIana(rest)[0];
  if (fromRest && isIanaZone(fromRest)) return fromRest;
  for (const part of rest.split(/[,;:/]|\s&\s/)) {
    const city = cities().get(part.trim().toLowerCase());
    if (city) return city;
  }
  return null;
}

/** A fixed-offset zone from a display name's "(UTC+07:00)" prefix, when it is a whole hour. */
function offsetZone(name: string): string | null {
  const m = /^\((?:UTC|GMT)\s*([+-])(\d{1,2}):?(\d{2})\)/i.exec(name.trim());
  if (!m || m[3] !== '00') return null;
  const hours = Number(m[2]);
  if (hours === 0) return 'UTC';
  // Etc/GMT signs are inverted: Etc/GMT-7 is UTC+7.
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${hours}`;
}

/** Resolves TZIDs of one calendar, once each. */
export class ZoneResolver {
  private readonly cache = new Map<string, ResolvedZone>();
  readonly unknown = new Set<string>();
  private readonly fallback: Zone;

  constructor(
    private readonly vtimezones: Map<string, ICAL.Component>,
    calendarZone: string | null,
    defaultZone: string,
  ) {
    const cal = calendarZone ? this.exact(calendarZone) : null;
    this.fallback = cal ?? (isIanaZone(defaultZone) ? { kind: 'iana', name: defaultZone } : utc);
  }

  /** The zone floating times are read in: the calendar's X-WR-TIMEZONE, else the user's. */
  get floating(): Zone {
    return this.fallback;
  }

  resolve(tzid: string | undefined): ResolvedZone {
    if (tzid === undefined) return { zone: this.fallback, approximate: false };
    let hit = this.cache.get(tzid);
    if (!hit) {
      hit = this.lookup(tzid);
      this.cache.set(tzid, hit);
    }
    return hit;
  }

  private exact(raw: string): Zone | null {
    const name = raw.replace(/^(?:TZID=)+/i, '').trim();
    if (/^(?:UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(name)) return utc;
    if (isIanaZone(name)) return { kind: 'iana', name };
    const windows = ianaFromWindows(name);
    if (windows) return { kind: 'iana', name: windows };
    return null;
  }

  private lookup(tzid: string): ResolvedZone {
    const zone = this.exact(tzid);
    if (zone) return { zone, approximate: false };
    this.unknown.add(tzid.trim());
    const fixed = offsetZone(tzid);
    if (fixed) return { zone: { kind: 'iana', name: fixed }, approximate: true };
    // An unnamed zone defined in the file: its rules are better than a guess, but Exchange's
    // "Customized Time Zone" blocks often carry only one year's rule, so it stays approximate.
    const component = this.vtimezones.get(tzid.trim());
    if (component && component.getAllSubcomponents().some((c) => c.hasProperty('tzoffsetto'))) {
      try {
        const tz = new ICAL.Timezone(component);
        // Decoding is lazy: make a broken block fail here, not in the middle of an event.
        tz.utcOffset(ICAL.Time.fromData({ year: 2020, month: 6, day: 1 }));
        return { zone: { kind: 'vtimezone', tz }, approximate: true };
      } catch {
        // fall through to the calendar's zone
      }
    }
    return { zone: this.fallback, approximate: true };
  }
}
