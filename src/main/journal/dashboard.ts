import { sql, type Kysely } from 'kysely';
import { circles, type Circle } from '../../shared/contacts/schemas';
import { addDays } from '../../shared/goals/periods';
import {
  BIRTHDAY_WINDOW_DAYS,
  JOB_CHANGE_WINDOW_DAYS,
  TOP_CITIES,
  type Dashboard,
} from '../../shared/journal/views';
import type { Database } from '../db/schema';
import { upcomingBirthdays, upcomingImportantDates } from '../contacts/upcomingDates';
import { recentJobChanges } from '../contacts/recentJobChanges';
import { cityKeySql, citySql } from '../contacts/city';
import { reconnectQueue } from '../reconnect/queue';
import { recentInteractions } from './repository';
import { nocaseKey } from '../../shared/text/nocase';

/** Hour (or minute) buckets in UTC to counts per local day; all-day entries are local days already. */
function localDays(
  buckets: Array<{ bucket: string; n: number }>,
  tzOffsetMinutes: number,
  from: string,
  to: string,
): Array<{ date: string; count: number }> {
  const days = new Map<string, number>();
  for (const { bucket, n } of buckets) {
    const day =
      bucket.length === 10
        ? bucket
        : new Date(Date.parse(`${bucket}${bucket.length === 13 ? ':00' : ''}:00Z`) + tzOffsetMinutes * 60_000)
            .toISOString()
            .slice(0, 10);
    if (day >= from && day <= to) days.set(day, (days.get(day) ?? 0) + n);
  }
  return [...days].map(([date, count]) => ({ date, count })).sort((a, b) => a.date.localeCompare(b.date));
}

/** SQLite's NOCASE order: ASCII letters without case, everything else as it is. */
function noCase(a: string, b: string): number {
  const [x, y] = [nocaseKey(a), nocaseKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Everything the Dashboard draws, in one round trip. */
export async function dashboard(
  db: Kysely<Database>,
  now: Date,
  tzOffsetMinutes: number,
): Promise<Dashboard> {
  const nowIso = now.toISOString();
  const localToday = new Date(now.getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const activityFrom = addDays(localToday, -364);
  // Local midnight of the first day, in UTC, bounds the index range scan.
  const fromIso = new Date(Date.parse(`${activityFrom}T00:00:00Z`) - tzOffsetMinutes * 60_000).toISOString();
  const granularity = tzOffsetMinutes % 60 === 0 ? 13 : 16;
  const lowerBound = fromIso.slice(0, 10) < activityFrom ? fromIso : activityFrom;
  const city = sql.raw(citySql('c.location'));
  const key = sql.raw(cityKeySql('c.location'));
  const [queue, recent, perCircle, activity, birthdays, importantDates, perCity, jobChanges] =
    await Promise.all([
      reconnectQueue(db, now, 10),
      recentInteractions(db, nowIso, 10),
      // Each circle's contacts, and (circle NULL) those in none, in one pass over the contacts.
      sql<{ circle: string | null; n: number }>`SELECT cc.circle, count(*) AS n FROM contacts c
      LEFT JOIN contact_circles cc ON cc.contact_id = c.id WHERE c.archived = 0 GROUP BY cc.circle`.execute(
        db,
      ),
      // Counted per UTC hour straight off the starts_at index (minutes for zones off the hour),
      // then moved into the viewer's days below: no date function runs per interaction.
      sql<{ bucket: string; n: number }>`SELECT substr(starts_at, 1, ${granularity}) AS bucket, count(*) AS n
      FROM interactions WHERE starts_at >= ${lowerBound} AND starts_at <= ${nowIso}
      GROUP BY bucket`.execute(db),
      upcomingBirthdays(db, localToday, BIRTHDAY_WINDOW_DAYS),
      upcomingImportantDates(db, localToday, BIRTHDAY_WINDOW_DAYS),
      // One row per city whatever its case (the spelling shown is one of the group's), and one
      // (key NULL) for those without a city: the key is worked out once per contact.
      sql<{ city: string | null; n: number; unlocated: number }>`SELECT ${city} AS city, count(*) AS n,
      ${key} IS NULL AS unlocated FROM contacts c WHERE c.archived = 0 GROUP BY ${key}`.execute(db),
      recentJobChanges(db, now, { days: JOB_CHANGE_WINDOW_DAYS, limit: 8 }),
    ]);
  const counts = new Map(perCircle.rows.map((r) => [r.circle, r.n]));
  const cities = perCity.rows
    .filter((r) => r.unlocated === 0)
    .sort((a, b) => b.n - a.n || noCase(a.city ?? '', b.city ?? ''))
    .slice(0, TOP_CITIES);
  return {
    reconnect: queue.items,
    reconnectTotal: queue.total,
    recent,
    circles: circles.map((circle: Circle) => ({ circle, count: counts.get(circle) ?? 0 })),
    uncategorised: counts.get(null) ?? 0,
    cities: cities.map((r) => ({ city: r.city ?? '', count: r.n })),
    unlocated: perCity.rows.find((r) => r.unlocated === 1)?.n ?? 0,
    activity: localDays(activity.rows, tzOffsetMinutes, activityFrom, localToday),
    activityFrom,
    activityTo: localToday,
    birthdays,
    importantDates,
    jobChanges: jobChanges.items,
    jobChangesWaiting: jobChanges.waiting,
  };
}
