import { sql, type Kysely } from 'kysely';
import type { Circle } from '../../shared/contacts/schemas';
import {
  daysSince,
  defaultCadences,
  effectiveCadence,
  type CadenceDefaults,
} from '../../shared/journal/cadence';
import type { KeepInTouchStatus, ReconnectItem } from '../../shared/journal/views';
import type { Database } from '../db/schema';
import { getSetting, putSetting } from '../settings/repository';
import { contactExists } from '../contacts/repository';
import { photoVersionOf } from '../contacts/photoVersion';
import { noContact } from '../contacts/service';

const settingKey = 'reconnect.cadenceDefaults';

export async function getCadenceDefaults(db: Kysely<Database>): Promise<CadenceDefaults> {
  const stored = await getSetting<Partial<CadenceDefaults>>(db, settingKey, {});
  return { ...defaultCadences, ...stored };
}

export async function setCadenceDefaults(
  db: Kysely<Database>,
  defaults: CadenceDefaults,
): Promise<CadenceDefaults> {
  await putSetting(db, settingKey, defaults);
  return getCadenceDefaults(db);
}

interface KeepInTouchRow {
  id: number;
  display_name: string;
  organisation: string | null;
  cadence_days: number | null;
  snoozed_until: string | null;
  created_at: string;
  circles: string[];
  off: boolean;
  last_at: string | null;
}

/**
 * Every live contact with its last real contact: the newest interaction of any kind or
 * source up to now in which the contact took part (a mere mention in someone else's notes
 * is not contact). `contacts.last_contact_at` is kept by triggers (migration 007), so this
 * is three plain scans; only a contact whose latest entry lies in the future needs a seek.
 */
async function keepInTouchRows(
  db: Kysely<Database>,
  now: string,
  contactId?: number,
): Promise<KeepInTouchRow[]> {
  const only = contactId === undefined ? sql`` : sql`AND c.id = ${contactId}`;
  // `+archived` keeps SQLite off the (archived, name) index: reading every live contact is a
  // straight pass over the table, several times faster than one index hop per row.
  const onlyCircle = contactId === undefined ? sql`` : sql`WHERE contact_id = ${contactId}`;
  const [contacts, circleRows, offRows] = await Promise.all([
    sql<Omit<KeepInTouchRow, 'circles' | 'off'>>`
      SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at,
        c.last_contact_at AS last_at
      FROM contacts c WHERE +c.archived = 0 ${only}`.execute(db),
    sql<{
      contact_id: number;
      circle: string;
    }>`SELECT contact_id, circle FROM contact_circles ${onlyCircle}`.execute(db),
    sql<{ contact_id: number }>`SELECT contact_id FROM keep_in_touch_off ${onlyCircle}`.execute(db),
  ]);
  const circles = new Map<number, string[]>();
  for (const r of circleRows.rows) {
    const list = circles.get(r.contact_id);
    if (list) list.push(r.circle);
    else circles.set(r.contact_id, [r.circle]);
  }
  const off = new Set(offRows.rows.map((r) => r.contact_id));
  const noCircles: string[] = [];
  const rows = contacts.rows as KeepInTouchRow[];
  for (const row of rows) {
    row.circles = circles.get(row.id) ?? noCircles;
    row.off = off.has(row.id);
    if (row.last_at !== null && row.last_at > now) {
      const past = await sql<{
        last: string | null;
      }>`SELECT max(starts_at) AS last FROM interaction_participants
        WHERE contact_id = ${row.id} AND role != 'mentioned' AND starts_at <= ${now}`.execute(db);
      row.last_at = past.rows[0]?.last ?? null;
    }
  }
  return rows;
}

function circlesOf(row: KeepInTouchRow): Circle[] {
  return [...row.circles].sort() as Circle[];
}

function statusOf(row: KeepInTouchRow, defaults: CadenceDefaults, now: Date): KeepInTouchStatus {
  const cadence = effectiveCadence(row.cadence_days, row.off, circlesOf(row), defaults);
  // Someone never contacted is measured from when they were added, so a new contact is not instantly overdue.
  const since = row.last_at ?? row.created_at;
  const sinceMs = Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since);
  return {
    contactId: row.id,
    cadenceDays: cadence.days,
    cadenceSource: cadence.source,
    lastContactAt: row.last_at,
    dueAt: cadence.days === null ? null : new Date(sinceMs + cadence.days * 86_400_000).toISOString(),
    overdueRatio: cadence.days === null ? null : daysSince(since, now) / cadence.days,
    snoozedUntil: row.snoozed_until,
  };
}

/**
 * Relationships past their cadence and not snoozed, most overdue first. The cadence, the
 * overdue ratio, the order and the count are all worked out in one SQL statement over a
 * single pass of the contacts table, so only the page of results crosses into JavaScript.
 * It applies the same rules as `effectiveCadence` (contact's own days, then "none", then
 * the most demanding circle default).
 */
export async function reconnectQueue(
  db: Kysely<Database>,
  now: Date,
  limit: number,
): Promise<{ items: ReconnectItem[]; total: number }> {
  const nowIso = now.toISOString();
  const defaults = await getCadenceDefaults(db);
  const byCircle = sql.join(
    (Object.keys(defaults) as Circle[]).map((circle) => sql`WHEN ${circle} THEN ${defaults[circle]}`),
    sql` `,
  );
  const result = await sql<{
    id: number;
    display_name: string;
    organisation: string | null;
    last_at: string | null;
    created_at: string;
    cadence: number;
    own: number;
    ratio: number;
    circles: string | null;
    photo: string | null;
    total: number;
  }>`
    WITH cad AS (
      SELECT contact_id, min(CASE circle ${byCircle} END) AS days FROM contact_circles GROUP BY contact_id
    ), live AS (
      SELECT c.id, c.display_name, c.organisation, c.created_at, c.cadence_days IS NOT NULL AS own,
        coalesce(c.cadence_days, CASE WHEN k.contact_id IS NULL THEN cad.days END) AS cadence,
        CASE WHEN c.last_contact_at > ${nowIso} THEN (
          SELECT max(p.starts_at) FROM interaction_participants p
          WHERE p.contact_id = c.id AND p.role != 'mentioned' AND p.starts_at <= ${nowIso}
        ) ELSE c.last_contact_at END AS last_at
      FROM contacts c
        LEFT JOIN cad ON cad.contact_id = c.id
        LEFT JOIN keep_in_touch_off k ON k.contact_id = c.id
      WHERE +c.archived = 0 AND (c.snoozed_until IS NULL OR c.snoozed_until <= ${nowIso})
    ), due AS (
      SELECT *, max(0, julianday(${nowIso}) - julianday(coalesce(last_at, created_at))) / cadence AS ratio
      FROM live WHERE cadence IS NOT NULL
    )
    SELECT due.*, (SELECT group_concat(circle) FROM contact_circles WHERE contact_id = due.id) AS circles,
      ${photoVersionOf('due.id')} AS photo,
      count(*) OVER () AS total
    FROM due WHERE ratio >= 1
    ORDER BY ratio DESC, display_name COLLATE NOCASE, id LIMIT ${limit}`.execute(db);
  const items = result.rows.map((r) => ({
    contactId: r.id,
    displayName: r.display_name,
    organisation: r.organisation,
    circles: (r.circles ? r.circles.split(',').sort() : []) as Circle[],
    cadenceDays: r.cadence,
    cadenceSource: r.own ? ('contact' as const) : ('circle' as const),
    lastContactAt: r.last_at,
    daysSince: Math.floor(daysSince(r.last_at ?? r.created_at, now)),
    overdueRatio: r.ratio,
    photo: r.photo,
  }));
  return { items, total: result.rows[0]?.total ?? 0 };
}

export async function keepInTouchStatus(
  db: Kysely<Database>,
  contactId: number,
  now: Date,
): Promise<KeepInTouchStatus> {
  const [rows, defaults] = await Promise.all([
    keepInTouchRows(db, now.toISOString(), contactId),
    getCadenceDefaults(db),
  ]);
  if (rows.length === 0) {
    if (!(await contactExists(db, contactId))) throw noContact(contactId);
    // Archived contacts are never due.
    return {
      contactId,
      cadenceDays: null,
      cadenceSource: 'none',
      lastContactAt: null,
      dueAt: null,
      overdueRatio: null,
      snoozedUntil: null,
    };
  }
  return statusOf(rows[0], defaults, now);
}

async function assertContact(db: Kysely<Database>, contactId: number): Promise<void> {
  if (!(await contactExists(db, contactId))) throw noContact(contactId);
}

/** Hides a contact from the queue for `days` (0 wakes it now). */
export async function snooze(
  db: Kysely<Database>,
  contactId: number,
  days: number,
  now: Date,
): Promise<void> {
  await assertContact(db, contactId);
  const until = days === 0 ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
  await db.updateTable('contacts').set({ snoozed_until: until }).where('id', '=', contactId).execute();
}

/** A number of days, 'none' (never remind) or 'default' (the circles decide). */
export async function setContactCadence(
  db: Kysely<Database>,
  contactId: number,
  cadence: number | 'none' | 'default',
  now: Date,
): Promise<void> {
  await assertContact(db, contactId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('contacts')
      .set({ cadence_days: typeof cadence === 'number' ? cadence : null, updated_at: now.toISOString() })
      .where('id', '=', contactId)
      .execute();
    if (cadence === 'none') {
      await trx
        .insertInto('keep_in_touch_off')
        .values({ contact_id: contactId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx.deleteFrom('keep_in_touch_off').where('contact_id', '=', contactId).execute();
    }
  });
}
