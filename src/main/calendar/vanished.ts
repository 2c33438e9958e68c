import type { ParsedCalendar } from '../../shared/calendar/types';
import { folded } from '../../shared/text/fold';
import type { ExistingState, PlannedInteraction, StoredInteraction } from './plan';
import { occurrenceKey, sourceOrigin } from './sameMeeting';

/** What a stored meeting was, to know it recreated under another UID: its title and who was in it. */
export interface StoredMeeting {
  title: string;
  /** Its participants' contacts, mentioned ones aside. */
  contacts: readonly number[];
}

/** A meeting an earlier import stored that the files no longer hold, with where it came from. */
export interface Vanished extends StoredInteraction {
  sourceKey: string;
  calendar: string;
  uid: string;
}

/**
 * How far apart a stored meeting and a new occurrence of its series may be to be one meeting
 * moved: under a week, so that a weekly series moved to another day pairs each meeting with the
 * one of its own week.
 */
export const MAX_MOVE_MS = 7 * 86_400_000;

/** Adds a value to its key's group. */
export function addTo<T>(groups: Map<string, T[]>, key: string, value: T): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/** A stored start as an instant: UTC ISO-8601, or a day (midnight UTC) for an all-day meeting. */
const instant = (startsAt: string) => Date.parse(startsAt);

/** For each of the sorted `from`, the index of the nearest of the sorted `to` (the earlier on a tie). */
function nearest(from: number[], to: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of from) {
    while (j + 1 < to.length && Math.abs(to[j + 1] - x) < Math.abs(to[j] - x)) j++;
    out.push(j);
  }
  return out;
}

/**
 * The meetings earlier imports stored from the calendars in these files that the files no
 * longer hold: not among their occurrences (`present`, cancelled ones included), not updated
 * or taken back by this import already (`claimed`), and in the window the files were read in.
 */
export function vanishedMeetings(
  existing: ExistingState,
  calendars: ReadonlySet<string>,
  present: ReadonlySet<string>,
  claimed: ReadonlySet<number>,
  inWindow: (startsAt: string) => boolean,
): Vanished[] {
  const vanished: Vanished[] = [];
  for (const [sourceKey, stored] of existing.interactions) {
    // Most stored meetings are still there: one lookup, before the key is taken apart.
    const key = occurrenceKey(sourceKey);
    if (key === null || present.has(key)) continue;
    const origin = sourceOrigin(sourceKey);
    if (!origin || !calendars.has(origin.calendar)) continue;
    if (claimed.has(stored.id) || !inWindow(stored.startsAt)) continue;
    vanished.push({ ...stored, sourceKey, calendar: origin.calendar, uid: origin.uid });
  }
  return vanished;
}

/**
 * The UID of the series a Google Calendar series was split from: a change to "this and
 * following events" ends the series and starts a new one whose UID is the old one with "_R" and
 * the first moved meeting's start before its "@" ("abc_R20250203T090000@google.com" of
 * "abc@google.com"). The UID itself for any other.
 */
export function splitFromUid(uid: string): string {
  return uid.replace(/_R\d{8}(?:T\d{6}Z?)?(?=@|$)/, '');
}

/**
 * Pairs each new occurrence of a recurring series with the meeting an earlier import stored of
 * it, when the organiser has moved the series as a whole (the weekly one-to-one from 10:00 to
 * 11:00, or from Monday to Tuesday, past meetings included, as Google and Outlook do for "all
 * events"), or moved "this and following" meetings, which Google writes as a new series split
 * from the old (`splitFromUid`). An occurrence's key holds its start (and, split, its new UID),
 * so every meeting of such a series comes with a new key, and without this pairing the import
 * would add each one a second time beside the stored one. A vanished meeting and a new
 * occurrence pair when they are of the same calendar and series, and each is the other's
 * nearest, less than a week apart. Returns the stored meeting for each paired occurrence.
 */
export function pairMovedMeetings(
  creates: PlannedInteraction[],
  vanished: Vanished[],
): Map<PlannedInteraction, Vanished> {
  const paired = new Map<PlannedInteraction, Vanished>();
  const gone = new Map<string, Vanished[]>();
  for (const v of vanished) addTo(gone, `${v.calendar}\u001f${v.uid}`, v);
  const fresh = new Map<string, PlannedInteraction[]>();
  for (const p of creates) {
    const origin = sourceOrigin(p.sourceKey);
    if (origin === null) continue;
    const own = `${origin.calendar}\u001f${origin.uid}`;
    const series = gone.has(own) ? own : `${origin.calendar}\u001f${splitFromUid(origin.uid)}`;
    if (gone.has(series)) addTo(fresh, series, p);
  }
  for (const [series, added] of fresh) pairNearest(gone.get(series)!, added, paired);
  return paired;
}

/**
 * Pairs stored meetings and new occurrences that are each the other's nearest, less than a
 * week apart, and pass `alike`, into `paired`.
 */
function pairNearest(
  old: Vanished[],
  added: PlannedInteraction[],
  paired: Map<PlannedInteraction, Vanished>,
  alike: (p: PlannedInteraction, v: Vanished) => boolean = () => true,
): void {
  old.sort((a, b) => instant(a.startsAt) - instant(b.startsAt));
  added.sort((a, b) => instant(a.occurrence.startsAt) - instant(b.occurrence.startsAt));
  const oldAt = old.map((s) => instant(s.startsAt));
  const addedAt = added.map((p) => instant(p.occurrence.startsAt));
  const toAdded = nearest(oldAt, addedAt);
  const toOld = nearest(addedAt, oldAt);
  for (const [i, j] of toAdded.entries()) {
    if (toOld[j] === i && Math.abs(addedAt[j] - oldAt[i]) < MAX_MOVE_MS && alike(added[j], old[i])) {
      paired.set(added[j], old[i]);
    }
  }
}

/**
 * Of the new occurrences and vanished meetings `pairMovedMeetings` left, pairs those of one
 * meeting recreated under another UID. Apple Calendar, Thunderbird and Outlook write a change
 * to "this and following" meetings as a new series with a UID of no form of its own (Google's
 * is known by its UID), and people reschedule by deleting a meeting and creating it again:
 * when that reaches back over meetings an earlier import brought in, the import would add the
 * new ones beside them and list the old ones as no longer in the calendar. They pair when they
 * are of the same calendar, with the same title (whatever the case and accents), each the
 * other's nearest of those, less than a week apart, and with someone in both: a deleted
 * "Lunch" with Ana is not the new "Lunch" with Ben, whose meeting would carry her notes.
 * `describe` tells what the stored meetings were; `contactOf`, whose an address is.
 */
export function pairRecreatedMeetings(
  creates: PlannedInteraction[],
  vanished: Vanished[],
  describe: (ids: readonly number[]) => ReadonlyMap<number, StoredMeeting>,
  contactOf: (email: string) => number | null,
): Map<PlannedInteraction, Vanished> {
  const paired = new Map<PlannedInteraction, Vanished>();
  if (creates.length === 0 || vanished.length === 0) return paired;
  const stored = describe(vanished.map((v) => v.id));
  const titled = (calendar: string, title: string) => `${calendar}\u001f${folded(title)}`;
  const gone = new Map<string, Vanished[]>();
  for (const v of vanished) {
    const title = stored.get(v.id)?.title.trim();
    if (title) addTo(gone, titled(v.calendar, title), v);
  }
  const fresh = new Map<string, PlannedInteraction[]>();
  for (const p of creates) {
    const origin = sourceOrigin(p.sourceKey);
    const title = p.occurrence.title.trim();
    if (origin === null || title === '') continue;
    const key = titled(origin.calendar, title);
    if (gone.has(key)) addTo(fresh, key, p);
  }
  const someoneInBoth = (p: PlannedInteraction, v: Vanished) => {
    const contacts = stored.get(v.id)!.contacts;
    return p.participants.some((person) => {
      const id = contactOf(person.email);
      return id !== null && contacts.includes(id);
    });
  };
  for (const [key, added] of fresh) pairNearest(gone.get(key)!, added, paired, someoneInBoth);
  return paired;
}

/**
 * Of the vanished meetings not paired with a moved one, those deleted from the calendar, as far
 * as the files can tell: from the calendar's first meeting in the files on (an export of the
 * last year alone says nothing of the years before), and not of an event the files hold but
 * could not read, or read only in part (a broken event, a series cut at its cap). A calendar
 * with a broken event that has no UID is not looked at: any of its meetings could be that one.
 */
export function deletedMeetings(parsed: ParsedCalendar[], unpaired: Vanished[]): Vanished[] {
  if (unpaired.length === 0) return [];
  const first = new Map<string, number>();
  const unread = new Set<string>();
  const unsure = new Set<string>();
  for (const file of parsed) {
    let from = first.get(file.calendar) ?? Infinity;
    for (const o of file.occurrences) from = Math.min(from, instant(o.startsAt));
    first.set(file.calendar, from);
    for (const s of file.skipped) {
      if (s.uid !== null) unread.add(s.uid);
      else if (s.reason === 'broken') unsure.add(file.calendar);
    }
    for (const c of file.capped) unread.add(c.uid);
  }
  return unpaired.filter(
    (v) =>
      !unsure.has(v.calendar) &&
      !unread.has(v.uid) &&
      instant(v.startsAt) >= (first.get(v.calendar) ?? Infinity),
  );
}
