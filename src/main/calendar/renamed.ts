import type { ParsedCalendar } from '../../shared/calendar/types';
import type { ExistingState } from './plan';
import { addTo, MAX_MOVE_MS } from './vanished';

/**
 * The share of each side's meetings, over the dates both cover, that the other must hold too
 * (or a meeting of the same series less than a week away, moved) for a calendar in the files to
 * be one imported before under another name. A calendar renamed since keeps nearly all of them;
 * a colleague's shared calendar holds the meetings the user shares with them, and many more.
 */
const SAME_SHARE = 0.8;

/** The starts of the meetings a calendar holds, sorted, by UID, and the span they cover. */
interface Holdings {
  byUid: Map<string, number[]>;
  first: number;
  last: number;
}

function holdingsOf(meetings: Iterable<{ uid: string; startsAt: string }>): Holdings {
  const h: Holdings = { byUid: new Map(), first: Infinity, last: -Infinity };
  for (const { uid, startsAt } of meetings) {
    const at = Date.parse(startsAt);
    addTo(h.byUid, uid, at);
    if (at < h.first) h.first = at;
    if (at > h.last) h.last = at;
  }
  for (const starts of h.byUid.values()) starts.sort((a, b) => a - b);
  return h;
}

/** How far the nearest of the sorted starts is from an instant. */
function distance(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const after = lo < starts.length ? starts[lo] - at : Infinity;
  const before = lo > 0 ? at - starts[lo - 1] : Infinity;
  return Math.min(after, before);
}

/**
 * Of one side's meetings between two instants: how many there are, how many the other holds
 * as they are, and how many it holds as they are or moved (the same UID, under a week away).
 */
function compare(h: Holdings, other: Holdings, from: number, to: number) {
  const counts = { all: 0, same: 0, near: 0 };
  for (const [uid, starts] of h.byUid) {
    const theirs = other.byUid.get(uid);
    for (const at of starts) {
      if (at < from || at > to) continue;
      counts.all++;
      if (!theirs) continue;
      const d = distance(theirs, at);
      if (d === 0) counts.same++;
      if (d < MAX_MOVE_MS) counts.near++;
    }
  }
  return counts;
}

/**
 * How the files' calendar compares with a stored one: the smaller of the two shares of meetings
 * the other holds (as they are or moved), and how many of the files' it holds as they are. The
 * files' meetings count over the dates both cover: before them are years the earlier import was
 * not asked for, after them meetings added since. The stored ones count from the files' first
 * meeting to the window's end: a later export of the same calendar holds them.
 */
function likeness(inFiles: Holdings, stored: Holdings, windowEnd: number) {
  const from = Math.max(inFiles.first, stored.first);
  const ours = compare(inFiles, stored, from, Math.min(inFiles.last, stored.last));
  const theirs = compare(stored, inFiles, from, windowEnd);
  const share =
    ours.all === 0 || theirs.all === 0 ? 0 : Math.min(ours.near / ours.all, theirs.near / theirs.all);
  return { share, same: ours.same };
}

/**
 * For each calendar in the files that no earlier import stored meetings under (even meetings
 * gone since: `removedFromCalendars`), the calendar it was imported as before, when the two
 * hold the same meetings over the dates both cover: the user renamed it in Google or Outlook
 * since, or its export has no name and came in a file named otherwise ("Calendar (1).ics").
 * Its meetings are then keyed under the stored name, so a later export updates them in place
 * and finds those moved or deleted, as under the same name.
 * A calendar that this import also holds under its own name is not another's old name.
 */
export function renamedCalendars(
  parsed: ParsedCalendar[],
  existing: ExistingState,
  windowEnd: Date,
): Map<string, string> {
  const renamed = new Map<string, string>();
  const named = new Set(parsed.map((f) => f.calendar));
  // Names first: a re-import of calendars stored under their own names, the usual case, stops here.
  const storedNames = new Set<string>();
  for (const s of existing.byMeeting.values()) storedNames.add(s.calendar);
  // Taken for another before, it stays that one: what that import did (meetings no longer in the
  // calendar removed) would otherwise make the same file look less like it, and more like a third.
  for (const calendar of named) {
    const before = existing.renamedBefore.get(calendar);
    if (before !== undefined && !named.has(before) && !storedNames.has(calendar))
      renamed.set(calendar, before);
  }
  const taken = new Set(renamed.values());
  const unknown = [...named].filter(
    (c) => !renamed.has(c) && !storedNames.has(c) && !existing.removedFromCalendars.has(c),
  );
  const candidates = [...storedNames].filter((c) => !named.has(c) && !taken.has(c)).sort();
  if (unknown.length === 0 || candidates.length === 0) return renamed;
  const storedMeetings = new Map<string, Array<{ uid: string; startsAt: string }>>();
  for (const s of existing.byMeeting.values())
    if (!named.has(s.calendar)) addTo(storedMeetings, s.calendar, s);
  // By name, in order; a calendar taken for one in the files is not another's.
  const stored = new Map(candidates.map((c) => [c, holdingsOf(storedMeetings.get(c)!)]));
  for (const calendar of unknown) {
    const holdings = holdingsOf(parsed.filter((f) => f.calendar === calendar).flatMap((f) => f.occurrences));
    if (holdings.byUid.size === 0) continue;
    // Of those alike enough, the one holding the most of its meetings as they are, then the most
    // alike, then the first by name: once imported as that one, it stays the one.
    const best = [...stored]
      .map(([name, h]) => ({ name, ...likeness(holdings, h, windowEnd.getTime()) }))
      .filter((c) => c.share >= SAME_SHARE)
      .sort((a, b) => b.same - a.same || b.share - a.share)[0];
    if (best === undefined) continue;
    renamed.set(calendar, best.name);
    stored.delete(best.name);
  }
  return renamed;
}

/** The calendar read from a file as if it bore the name it was imported under before. */
export function underName(file: ParsedCalendar, name: string): ParsedCalendar {
  const prefix = `${file.calendar}\u001f`;
  const rekey = (key: string) => (key.startsWith(prefix) ? `${name}\u001f${key.slice(prefix.length)}` : key);
  return {
    ...file,
    calendar: name,
    occurrences: file.occurrences.map((o) => ({ ...o, key: rekey(o.key) })),
    withdrawn: file.withdrawn.map(rekey),
  };
}
