import type { ExistingState, PlannedInteraction, StoredInteraction } from './plan';
import { sourceOrigin } from './sameMeeting';

/**
 * How far apart a stored meeting and a new occurrence of its series may be to be one meeting
 * moved: under a week, so that a weekly series moved to another day pairs each meeting with the
 * one of its own week.
 */
const MAX_MOVE_MS = 7 * 86_400_000;

/** An interaction an earlier import stored, with its source key. */
type Stored = StoredInteraction & { sourceKey: string };

function addTo<T>(groups: Map<string, T[]>, key: string, value: T): void {
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
 * Pairs each new occurrence of a recurring series with the meeting an earlier import stored of
 * it, when the organiser has moved the series as a whole (the weekly one-to-one from 10:00 to
 * 11:00, or from Monday to Tuesday, past meetings included, as Google and Outlook do for "all
 * events"). An occurrence's key holds its start, so every meeting of such a series comes with a
 * new key, and without this pairing the import would add each one a second time beside the
 * stored one. A stored meeting and a new occurrence pair when they are of the same calendar and
 * UID, the files no longer hold the stored one, it lies in the import's window, and each is the
 * other's nearest, less than a week apart. Returns the stored meeting for each paired occurrence.
 */
export function pairMovedMeetings(
  creates: PlannedInteraction[],
  existing: ExistingState,
  /** Occurrence keys the files hold (cancelled ones too): the stored meetings still there. */
  present: ReadonlySet<string>,
  /** Stored meetings this import updates or takes back already. */
  claimed: ReadonlySet<number>,
  inWindow: (startsAt: string) => boolean,
): Map<PlannedInteraction, Stored> {
  const paired = new Map<PlannedInteraction, Stored>();
  const fresh = new Map<string, PlannedInteraction[]>();
  for (const p of creates) {
    const origin = sourceOrigin(p.sourceKey);
    if (!origin) continue;
    addTo(fresh, `${origin.calendar}\u001f${origin.uid}`, p);
  }
  const gone = new Map<string, Stored[]>();
  for (const [key, stored] of existing.interactions) {
    const origin = sourceOrigin(key);
    if (!origin || present.has(origin.key) || claimed.has(stored.id) || !inWindow(stored.startsAt)) continue;
    const series = `${origin.calendar}\u001f${origin.uid}`;
    if (fresh.has(series)) addTo(gone, series, { ...stored, sourceKey: key });
  }
  for (const [series, storedList] of gone) {
    const old = storedList.sort((a, b) => instant(a.startsAt) - instant(b.startsAt));
    const added = fresh
      .get(series)!
      .sort((a, b) => instant(a.occurrence.startsAt) - instant(b.occurrence.startsAt));
    const oldAt = old.map((s) => instant(s.startsAt));
    const addedAt = added.map((p) => instant(p.occurrence.startsAt));
    const toAdded = nearest(oldAt, addedAt);
    const toOld = nearest(addedAt, oldAt);
    for (const [i, j] of toAdded.entries()) {
      if (toOld[j] === i && Math.abs(addedAt[j] - oldAt[i]) < MAX_MOVE_MS) paired.set(added[j], old[i]);
    }
  }
  return paired;
}
