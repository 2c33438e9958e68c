import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getSetting, putSetting } from '../settings/repository';
import { isValidTimeZone, weekStartForLocale, type Clock, type WeekStart } from '../../shared/goals/periods';
import type { GoalPrefs } from '../../shared/goals/schemas';

/** Stored under neutral keys: the week start and the zone are the user's, not only the goals'. */
export const WEEK_START_KEY = 'locale.weekStart';
export const TIME_ZONE_KEY = 'locale.timeZone';

/** The system's defaults: the locale's first day of the week and the machine's zone. */
export function systemPrefs(): GoalPrefs {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  return { weekStart: weekStartForLocale(resolved.locale), timeZone: resolved.timeZone || 'UTC' };
}

export async function readPrefs(db: Kysely<Database>): Promise<GoalPrefs> {
  const fallback = systemPrefs();
  const weekStart = await getSetting<unknown>(db, WEEK_START_KEY, fallback.weekStart);
  const timeZone = await getSetting<unknown>(db, TIME_ZONE_KEY, fallback.timeZone);
  return {
    weekStart:
      typeof weekStart === 'number' && Number.isInteger(weekStart) && weekStart >= 0 && weekStart <= 6
        ? (weekStart as WeekStart)
        : fallback.weekStart,
    timeZone: typeof timeZone === 'string' && isValidTimeZone(timeZone) ? timeZone : fallback.timeZone,
  };
}

export async function writePrefs(
  db: Kysely<Database>,
  prefs: { weekStart: number; timeZone: string },
): Promise<GoalPrefs> {
  await db.transaction().execute(async (trx) => {
    await putSetting(trx, WEEK_START_KEY, prefs.weekStart);
    await putSetting(trx, TIME_ZONE_KEY, prefs.timeZone);
  });
  return readPrefs(db);
}

export function clockOf(prefs: GoalPrefs): Clock {
  return { weekStart: prefs.weekStart, timeZone: prefs.timeZone };
}
