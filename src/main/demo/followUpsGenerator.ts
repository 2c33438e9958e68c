import type { Store } from '../db/open';
import { localDate } from '../../shared/journal/quickLog';
import type { DemoNetwork } from './generator';
import { mulberry32 } from './random';
import { followUpSteps } from './vocabulary';

export interface DemoFollowUp {
  /** Index into `network.people`. */
  person: number;
  text: string;
  /** Days from today to the due day (negative: overdue), or null for no date. */
  dueInDays: number | null;
  /** Days ago it was done, or null while open. */
  doneDaysAgo: number | null;
}

/** When the open ones fall due, relative to today: two overdue, one today, the rest ahead or undated. */
const openDue = [-3, -1, 0, 2, 6, 14, null];
const doneCount = 4;

/**
 * A handful of next steps with the people the user is closest to: open ones spread around
 * today, so the dashboard shows overdue, due and later ones, and a few done lately.
 */
export function generateFollowUps(network: DemoNetwork): DemoFollowUp[] {
  const random = mulberry32(network.seed ^ 0xf0110);
  const closest = network.people
    .filter((p) => !p.archived)
    .toSorted((a, b) => b.closeness - a.closeness || a.index - b.index)
    .slice(0, openDue.length + doneCount);
  const steps = random.sample(followUpSteps, closest.length);
  return closest.map((p, k) => ({
    person: p.index,
    text: steps[k % steps.length],
    dueInDays: k < openDue.length ? openDue[k] : random.int(-20, -5),
    doneDaysAgo: k < openDue.length ? null : random.int(1, 20),
  }));
}

/** Writes the demo's follow-ups, dated around `now` (local days), in one transaction. */
export function writeDemoFollowUps(
  store: Store,
  network: DemoNetwork,
  contactIds: number[],
  now = new Date(),
): number {
  const followUps = generateFollowUps(network);
  const insert = store.sqlite.prepare(
    'INSERT INTO follow_ups (contact_id, text, due_on, done_at, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  // Calendar days, not 24-hour steps: a daylight-saving change must not move a due day.
  const day = (offset: number) =>
    localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 12));
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  store.sqlite.transaction(() => {
    for (const f of followUps) {
      insert.run(
        contactIds[f.person],
        f.text,
        f.dueInDays === null ? null : day(f.dueInDays),
        f.doneDaysAgo === null ? null : at(f.doneDaysAgo),
        at(Math.max(7, (f.doneDaysAgo ?? 0) + 3)),
      );
    }
  })();
  return followUps.length;
}
