import type BetterSqlite3 from 'better-sqlite3';
import { hasPersonCriteria, personMatches, type ResolvedFilter } from '../../shared/goals/filter';
import { periodIndexOf, whenOf, type Period } from '../../shared/goals/periods';
import type { GoalFilter } from '../../shared/goals/schemas';
import { DAY_MS } from '../../shared/strength/model';
import { strengthCacheFor } from '../strength/cache';
import { candidatePeople } from './data';

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

/**
 * Per-period totals for goals about people (no tags), from the journal the strength model
 * already keeps in memory and patches from its change log (migration 004): one pass over it,
 * bucketing the interactions of matching people by instant. Worth it for a long history; a
 * single short period is cheaper through the index in SQL. Entries that start exactly on a UTC midnight may
 * be all-day dates (which belong to a local day, not an instant) and are looked up to be sure.
 * Returns null when the filter needs another path.
 */
export function totalsFromMemory(
  sqlite: BetterSqlite3.Database,
  f: GoalFilter,
  r: ResolvedFilter,
  periods: readonly Period[],
  measure: 'count' | 'people',
  now: number,
  todayDate: string,
): number[] | null {
  if (f.tags.length > 0 || !hasPersonCriteria(f) || periods.length === 0) return null;
  const people = candidatePeople(r).filter((id) => personMatches(r, id, false));
  const kinds = f.kinds.length > 0 ? new Set<string>(f.kinds) : null;
  // All-day entries sit at UTC midnight of their date: up to a day from their local bounds.
  const lo = periods[0].startMs - 2 * DAY_MS;
  const hi = periods[periods.length - 1].endMs + 2 * DAY_MS;
  const counting = measure === 'count';
  const counts = periods.map(() => 0);
  const peopleIn = periods.map(() => new Set<number>());
  const unsure = new Map<number, number[]>();
  const wanted = new Set(people);
  // One pass over the journal (one sync of the cache), not one lookup per person: a circle
  // can hold thousands of people. Each interaction is bucketed once, on its first matching
  // person, and a count goal stops there: the hot loop keeps no per-interaction map.
  for (const i of strengthCacheFor(sqlite).allInteractions()) {
    const at = i.at;
    if (at < lo || at >= hi || (kinds !== null && !kinds.has(i.kind))) continue;
    if (at % DAY_MS === 0) {
      for (const person of i.participants) {
        if (!wanted.has(person)) continue;
        const list = unsure.get(i.id);
        if (list) list.push(person);
        else unsure.set(i.id, [person]);
      }
      continue;
    }
    if (at > now) continue;
    let index = -2;
    for (const person of i.participants) {
      if (!wanted.has(person)) continue;
      if (index === -2) index = periodAt(at, periods);
      if (index < 0) break;
      if (counting) {
        counts[index]++;
        break;
      }
      peopleIn[index].add(person);
    }
  }
  if (unsure.size > 0) {
    const rows = sqlite
      .prepare('SELECT id, starts_at, all_day FROM interactions WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify([...unsure.keys()])) as [number, string, number][];
    for (const [id, startsAt, allDay] of rows) {
      const w = whenOf(startsAt, allDay === 1);
      if (w.allDay ? w.date > todayDate : Date.parse(startsAt) > now) continue;
      const index = periodIndexOf(w, periods);
      if (index < 0) continue;
      if (counting) counts[index]++;
      else for (const person of unsure.get(id) ?? []) peopleIn[index].add(person);
    }
  }
  return counting ? counts : peopleIn.map((s) => s.size);
}
