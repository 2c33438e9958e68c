import type { Kysely } from 'kysely';
import type { ReminderDigest } from '../../shared/reminders/schemas';
import { localDate } from '../../shared/journal/quickLog';
import type { Database } from '../db/schema';
import { reminderDigest } from './digest';
import { getLastShownOn, getReminderPrefs, putLastShownOn } from './repository';

export interface ReminderDeps {
  /** The store's database now: a restore swaps in a reopened one. */
  db(): Kysely<Database>;
  now(): Date;
  /** Shows the reminder (a system notification in the app). */
  show(digest: ReminderDigest): void;
}

/**
 * Shows the day's reminder once, the first time it is checked on or after the chosen local hour,
 * and records the day so a restart does not show it again. A day with nothing due is recorded
 * too: something that falls due later that day is in the app and in tomorrow's reminder.
 * Returns what was shown, or null.
 */
export async function checkReminder(deps: ReminderDeps): Promise<ReminderDigest | null> {
  const db = deps.db();
  const now = deps.now();
  const today = localDate(now);
  const prefs = await getReminderPrefs(db);
  if (!prefs.enabled || now.getHours() < prefs.hour) return null;
  if ((await getLastShownOn(db)) === today) return null;
  const digest = await reminderDigest(db, today, now, prefs.daysAhead);
  await putLastShownOn(db, today);
  if (digest) deps.show(digest);
  return digest;
}

/** Every quarter of an hour: late enough to be on time, rare enough to cost nothing. */
export const CHECK_EVERY_MS = 15 * 60_000;

/**
 * Checks now and then every `everyMs` while the app runs; a failed check is reported and
 * the next one tries again. Returns the function that stops it.
 */
export function startReminders(deps: ReminderDeps, everyMs = CHECK_EVERY_MS): () => void {
  const check = () =>
    void checkReminder(deps).catch((error: unknown) => console.error('Reminder check failed:', error));
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
