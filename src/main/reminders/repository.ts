import type { Kysely } from 'kysely';
import {
  defaultReminderPrefs,
  reminderPrefsSchema,
  type ReminderPrefs,
} from '../../shared/reminders/schemas';
import type { Database } from '../db/schema';
import { getSetting, putSetting } from '../settings/repository';

const PREFS_KEY = 'reminders.prefs';
const SHOWN_KEY = 'reminders.lastShownOn';

/** The stored preferences, or the defaults when none are stored or what is stored is not valid. */
export async function getReminderPrefs(db: Kysely<Database>): Promise<ReminderPrefs> {
  const parsed = reminderPrefsSchema.safeParse(await getSetting<unknown>(db, PREFS_KEY, null));
  return parsed.success ? parsed.data : defaultReminderPrefs;
}

export async function putReminderPrefs(db: Kysely<Database>, prefs: ReminderPrefs): Promise<void> {
  await putSetting(db, PREFS_KEY, prefs);
}

/** The local day the reminder was last shown on, so it is shown once a day, across restarts. */
export async function getLastShownOn(db: Kysely<Database>): Promise<string | null> {
  const value = await getSetting<unknown>(db, SHOWN_KEY, null);
  return typeof value === 'string' ? value : null;
}

export async function putLastShownOn(db: Kysely<Database>, day: string): Promise<void> {
  await putSetting(db, SHOWN_KEY, day);
}
