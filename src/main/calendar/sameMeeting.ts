import type { Occurrence, ParsedCalendar } from '../../shared/calendar/types';
import type { ExistingState, StoredInteraction } from './plan';

/**
 * One meeting whichever calendar holds it: an invite keeps its UID in every attendee's calendar,
 * so the user's calendar and a colleague's shared one (both in one Google export) hold it twice.
 */
export function meetingId(uid: string, startsAt: string): string {
  return `${uid}\u001f${startsAt}`;
}

/** What a source key puts before the occurrence key it stores. */
const SOURCE_PREFIX = 'ics\u001f';

/** An imported interaction's source key: the occurrence's key (calendar, UID, instance) as stored. */
export function sourceKey(o: Pick<Occurrence, 'key'>): string {
  return SOURCE_PREFIX + o.key;
}

/**
 * For each meeting that more than one calendar of this import holds, the calendar to import it
 * from: the one it was imported from before, so a later import updates that interaction rather
 * than adding a second; else the calendar read first. Null when there is only one calendar.
 */
export function chooseCalendars(
  parsed: ParsedCalendar[],
  existing: ExistingState,
): Map<string, string> | null {
  if (parsed.length < 2) return null;
  const firstIn = new Map<string, string>();
  const chosen = new Map<string, string>();
  for (const file of parsed) {
    for (const o of file.occurrences) {
      const id = meetingId(o.uid, o.startsAt);
      const first = firstIn.get(id);
      if (first === undefined) firstIn.set(id, file.calendar);
      else if (first !== file.calendar) {
        const importedHere = existing.interactions.has(sourceKey(o));
        if (importedHere) chosen.set(id, file.calendar);
        else if (!chosen.has(id)) chosen.set(id, first);
      }
    }
  }
  return chosen;
}

/**
 * Finds the interaction an earlier import made of a meeting from another calendar (the user
 * imported their own calendar, and now a colleague's that holds the same meeting), so the
 * meeting is not added twice. Not when this import holds that calendar's own copy, which is
 * matched by its key, nor a second time in one import.
 */
export function importedElsewhere(parsed: ParsedCalendar[], existing: ExistingState) {
  let ownKeys: Set<string> | null = null;
  const taken = new Set<number>();
  return (meeting: string, calendar: string): StoredInteraction | undefined => {
    const other = existing.byMeeting.get(meeting);
    if (!other || other.calendar === calendar || taken.has(other.id)) return undefined;
    ownKeys ??= new Set(parsed.flatMap((f) => f.occurrences.map((o) => o.key)));
    if (ownKeys.has(other.key)) return undefined;
    taken.add(other.id);
    return other;
  };
}

/** The occurrence key a stored source key holds (the inverse of `sourceKey`), or null for another source's. */
export function occurrenceKey(stored: string): string | null {
  return stored.startsWith(SOURCE_PREFIX) ? stored.slice(SOURCE_PREFIX.length) : null;
}

/** Where a stored source key says its meeting came from, to find it by `meetingId`. */
export function sourceOrigin(stored: string): { key: string; calendar: string; uid: string } | null {
  const key = occurrenceKey(stored);
  if (key === null) return null;
  // An occurrence key is the calendar, the UID and, for an instance, its RECURRENCE-ID.
  const [calendar, uid] = key.split('\u001f');
  return uid === undefined ? null : { key, calendar, uid };
}
