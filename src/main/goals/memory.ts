import type BetterSqlite3 from 'better-sqlite3';
import { hasPersonCriteria, type ResolvedFilter } from '../../shared/goals/filter';
import { periodIndexOf, whenOf, type Period } from '../../shared/goals/periods';
import type { GoalFilter } from '../../shared/goals/schemas';
import { DAY_MS } from '../../shared/strength/model';
import { strengthCacheFor } from '../strength/cache';
import { matchingPeople } from './data';

/** Index of the period holding an instant, by binary search over contiguous periods; -1 if none. */
function periodAt(ms: number, periods: readonly Period[]): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ms < periods[mid].startMs) hi = mid - 1;
    else if (ms >= periods[mid].endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** One goal's question: its filter, resolved to people, over a run of periods. */
export interface TotalsRequest {
  filter: GoalFilter;
  resolved: ResolvedFilter;
  periods: readonly Period[];
  measure: 'count' | 'people';
}

/** A request being answered during the pass. */
interface Tally {
  periods: readonly Period[];
  lo: number;
  hi: number;
  kinds: Set<string> | null;
  wanted: Set<number>;
  counting: boolean;
  counts: number[];
  peopleIn: Set<number>[];
  unsure: Map<number, number[]>;
}

/** Requests the in-memory journal can answer: about people, without tags. */
function answerable(r: TotalsRequest): boolean {
  return r.filter.tags.length === 0 && hasPersonCriteria(r.filter) && r.periods.length > 0;
}

function tallyOf(r: TotalsRequest): Tally {
  const { periods } = r;
  return {
    periods,
    // All-day entries sit at UTC midnight of their date: up to a day from their local bounds.
    lo: periods[0].startMs - 2 * DAY_MS,
    hi: periods[periods.length - 1].endMs + 2 * DAY_MS,
    kinds: r.filter.kinds.length > 0 ? new Set<string>(r.filter.kinds) : null,
    wanted: new Set(matchingPeople(r.resolved)),
    counting: r.measure === 'count',
    counts: periods.map(() => 0),
    peopleIn: periods.map(() => new Set<number>()),
    unsure: new Map(),
  };
}

/**
 * Per-period totals for goals about people (no tags), from the journal the strength model
 * already keeps in memory and patches from its change log (migration 004): one pass over it
 * answers every request at once, bucketing the interactions of matching people by instant,
 * so the overview reads the journal once rather than once per goal. Entries that start
 * exactly on a UTC midnight may be all-day dates (which belong to a local day, not an
 * instant) and are looked up to be sure. A request the memory cannot answer gets null.
 */
export function totalsFromMemoryMany(
  sqlite: BetterSqlite3.Database,
  requests: readonly TotalsRequest[],
  now: number,
  todayDate: string,
): Array<number[] | null> {
  const tallies = requests.map((r) => (answerable(r) ? tallyOf(r) : null));
  const active = tallies.filter((t): t is Tally => t !== null);
  if (active.length === 0) return tallies.map(() => null);
  const lo = Math.min(...active.map((t) => t.lo));
  const hi = Math.max(...active.map((t) => t.hi));
  // Each interaction is bucketed once per request, on its first matching person, and a count
  // stops there: the hot loop keeps no per-interaction map.
  for (const i of strengthCacheFor(sqlite).allInteractions()) {
    const at = i.at;
    if (at < lo || at >= hi) continue;
    const midnight = at % DAY_MS === 0;
    if (!midnight && at > now) continue;
    for (const t of active) {
      if (at < t.lo || at >= t.hi || (t.kinds !== null && !t.kinds.has(i.kind))) continue;
      if (midnight) {
        for (const person of i.participants) {
          if (!t.wanted.has(person)) continue;
          const list = t.unsure.get(i.id);
          if (list) list.push(person);
          else t.unsure.set(i.id, [person]);
        }
        continue;
      }
      let index = -2;
      for (const person of i.participants) {
        if (!t.wanted.has(person)) continue;
        if (index === -2) index = periodAt(at, t.periods);
        if (index < 0) break;
        if (t.counting) {
          t.counts[index]++;
          break;
        }
        t.peopleIn[index].add(person);
      }
    }
  }
  settleMidnights(sqlite, active, todayDate, now);
  return tallies.map((t) => (t === null ? null : t.counting ? t.counts : t.peopleIn.map((s) => s.size)));
}

/** Looks up the entries at a UTC midnight once for all requests, and buckets them by their real day. */
function settleMidnights(sqlite: BetterSqlite3.Database, tallies: Tally[], todayDate: string, now: number) {
  const ids = new Set<number>();
  for (const t of tallies) for (const id of t.unsure.keys()) ids.add(id);
  if (ids.size === 0) return;
  const rows = sqlite
    .prepare('SELECT id, starts_at, all_day FROM interactions WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify([...ids])) as [number, string, number][];
  for (const [id, startsAt, allDay] of rows) {
    const w = whenOf(startsAt, allDay === 1);
    if (w.allDay ? w.date > todayDate : Date.parse(startsAt) > now) continue;
    for (const t of tallies) {
      const people = t.unsure.get(id);
      if (!people) continue;
      const index = periodIndexOf(w, t.periods);
      if (index < 0) continue;
      if (t.counting) t.counts[index]++;
      else for (const person of people) t.peopleIn[index].add(person);
    }
  }
}

/** The same for one goal (its page's history). */
export function totalsFromMemory(
  sqlite: BetterSqlite3.Database,
  f: GoalFilter,
  r: ResolvedFilter,
  periods: readonly Period[],
  measure: 'count' | 'people',
  now: number,
  todayDate: string,
): number[] | null {
  return totalsFromMemoryMany(sqlite, [{ filter: f, resolved: r, periods, measure }], now, todayDate)[0];
}
