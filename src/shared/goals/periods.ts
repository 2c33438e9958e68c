/**
 * Calendar periods in the user's time zone. Dates are local calendar days as `YYYY-MM-DD`;
 * every period also carries the UTC instants of its local midnights, so a timed interaction
 * (a UTC instant) and an all-day one (a local date) are each compared in their own terms.
 */

export const periodKinds = ['week', 'month', 'quarter', 'year', 'total'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** Day of the week a week starts on: 0 Sunday ... 6 Saturday (as `Date.getUTCDay`). */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Clock {
  timeZone: string;
  weekStart: WeekStart;
}

export interface Period {
  /** Stable key of the period, e.g. `2026-11`, `2026-Q4`, `2026-W2026-11-23`, `total`. */
  key: string;
  /** First local day, inclusive. */
  startDate: string;
  /** First local day after the period (exclusive). */
  endDate: string;
  /** UTC epoch ms of local midnight starting `startDate`, and of local midnight starting `endDate`. */
  startMs: number;
  endMs: number;
  /** The same instants as canonical ISO strings, so stored starts compare without parsing. */
  startIso: string;
  endIso: string;
}

const DAY_MS = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = datePattern.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dateUtcMs(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return fromUtc(dateUtcMs(date) + days * DAY_MS);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1 + months, d));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateUtcMs(to) - dateUtcMs(from)) / DAY_MS);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of the zone from UTC at an instant, in ms (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The local calendar day an instant falls on. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The instant local midnight begins `date` (two passes, so a DST change that day is honoured). */
export function localMidnightMs(date: string, timeZone: string): number {
  const guess = dateUtcMs(date);
  const first = zoneOffsetMs(guess, timeZone);
  const t = guess - first;
  const second = zoneOffsetMs(t, timeZone);
  return second === first ? t : guess - second;
}

/** First day of the period of `kind` containing `date`; `total` has no calendar alignment. */
export function periodStartDate(
  date: string,
  kind: Exclude<PeriodKind, 'total'>,
  weekStart: WeekStart,
): string {
  const [y, m] = parts(date);
  switch (kind) {
    case 'week': {
      const dow = new Date(dateUtcMs(date)).getUTCDay();
      return addDays(date, -((dow - weekStart + 7) % 7));
    }
    case 'month':
      return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    case 'quarter':
      return `${String(y).padStart(4, '0')}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${String(y).padStart(4, '0')}-01-01`;
  }
}

export function nextPeriodStartDate(start: string, kind: Exclude<PeriodKind, 'total'>): string {
  switch (kind) {
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

export function periodKey(start: string, kind: PeriodKind): string {
  switch (kind) {
    case 'week':
      return `W${start}`;
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return start.slice(0, 4);
    case 'total':
      return 'total';
  }
}

export function makePeriod(startDate: string, endDate: string, kind: PeriodKind, timeZone: string): Period {
  const startMs = localMidnightMs(startDate, timeZone);
  const endMs = localMidnightMs(endDate, timeZone);
  return {
    key: periodKey(startDate, kind),
    startDate,
    endDate,
    startMs,
    endMs,
    startIso: new Date(startMs).toISOString(),
    endIso: new Date(endMs).toISOString(),
  };
}

export function periodContaining(date: string, kind: Exclude<PeriodKind, 'total'>, clock: Clock): Period {
  const start = periodStartDate(date, kind, clock.weekStart);
  return makePeriod(start, nextPeriodStartDate(start, kind), kind, clock.timeZone);
}

/**
 * Consecutive periods of `kind` from the one containing `from` to the one containing `to`,
 * both inclusive, oldest first; at most `limit`, keeping the most recent.
 */
export function periodsBetween(
  from: string,
  to: string,
  kind: Exclude<PeriodKind, 'total'>,
  clock: Clock,
  limit = Infinity,
): Period[] {
  const last = periodStartDate(to, kind, clock.weekStart);
  let start = periodStartDate(from, kind, clock.weekStart);
  if (Number.isFinite(limit)) {
    // Step back from the last period instead of walking years of history forward.
    let earliest = last;
    for (let i = 1; i < limit; i++) {
      const prev = periodStartDate(addDays(earliest, -1), kind, clock.weekStart);
      if (prev < start) break;
      earliest = prev;
    }
    if (earliest > start) start = earliest;
  }
  const out: Period[] = [];
  while (start <= last) {
    const next = nextPeriodStartDate(start, kind);
    out.push(makePeriod(start, next, kind, clock.timeZone));
    start = next;
  }
  return out;
}

/** A stored start: a UTC ISO instant, or a local all-day date. */
export interface When {
  allDay: boolean;
  /** The local date for an all-day start, '' for a timed one. */
  date: string;
  /** A timed start in canonical `toISOString()` form (which orders as it reads), or ''. */
  iso: string;
  /** A timed start in any other form, parsed; NaN otherwise. */
  ms: number;
}

const canonicalIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function whenOf(startsAt: string, allDay: boolean): When {
  if (allDay || startsAt.length === 10)
    return { allDay: true, date: startsAt.slice(0, 10), iso: '', ms: Number.NaN };
  // Canonical strings (what the app writes) compare as strings: no parsing on the hot path.
  if (startsAt.length === 24 && canonicalIso.test(startsAt))
    return { allDay: false, date: '', iso: startsAt, ms: Number.NaN };
  return { allDay: false, date: '', iso: '', ms: Date.parse(startsAt) };
}

/** The instant of a timed start, epoch ms. */
export function instantOf(w: When): number {
  return w.iso !== '' ? Date.parse(w.iso) : w.ms;
}

function before(w: When, p: Period): boolean {
  if (w.allDay) return w.date < p.startDate;
  return w.iso !== '' ? w.iso < p.startIso : w.ms < p.startMs;
}

function after(w: When, p: Period): boolean {
  if (w.allDay) return w.date >= p.endDate;
  return w.iso !== '' ? w.iso >= p.endIso : w.ms >= p.endMs;
}

export function inPeriod(w: When, p: Period): boolean {
  return !before(w, p) && !after(w, p);
}

/** Index of the period (sorted, contiguous) containing `w`, or -1. */
export function periodIndexOf(w: When, periods: readonly Period[]): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid];
    if (before(w, p)) hi = mid - 1;
    else if (after(w, p)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Default first day of the week for a locale (Intl week info where the runtime has it). */
export function weekStartForLocale(locale: string): WeekStart {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info) return (info.firstDay % 7) as WeekStart;
  } catch {
    // An unknown locale falls through to the ISO default.
  }
  return 1;
}
