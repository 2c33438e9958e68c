import { sql, type Kysely } from 'kysely';
import type { RecentJobChange } from '../../shared/journal/views';
import type { Database } from '../db/schema';
import { photoVersionOf } from './photoVersion';

/**
 * The latest job change of each active contact recorded in the last `days` days (a LinkedIn
 * re-import's or a hand edit's), newest first, those the user has not been in touch with since
 * ahead of those they have: a new job is the best reason there is to say hello. A latest change the
 * user dismissed leaves its contact out (an older one is not news either). At most `limit`
 * of them, only `contactId`'s when given; `waiting` counts all those not yet followed by a contact (a
 * re-import can bring hundreds).
 */
export async function recentJobChanges(
  db: Kysely<Database>,
  now: Date,
  { days, limit, contactId }: { days: number; limit: number; contactId?: number },
): Promise<{ items: RecentJobChange[]; waiting: number }> {
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  // In touch since: from the change's minute on, as the journal's times are to the minute.
  const rows = await sql<{
    interaction_id: number;
    contact_id: number;
    display_name: string;
    photo: string | null;
    title: string;
    at: string;
    in_touch: number;
    waiting: number;
  }>`WITH latest AS (
      SELECT i.id AS interaction_id, p.contact_id, i.title, i.starts_at AS at,
             row_number() OVER (PARTITION BY p.contact_id ORDER BY i.starts_at DESC, i.id DESC) AS rn
      FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id
      WHERE i.kind = 'job_change' AND i.starts_at >= ${since} AND i.starts_at <= ${nowIso}
        AND (${contactId ?? null} IS NULL OR p.contact_id = ${contactId ?? null})),
    marked AS (
      SELECT l.interaction_id, l.contact_id, c.display_name, l.title, l.at,
        EXISTS (SELECT 1 FROM interaction_participants q WHERE q.contact_id = l.contact_id
          AND q.role != 'mentioned' AND q.starts_at >= substr(l.at, 1, 16) AND q.starts_at <= ${nowIso})
          AS in_touch
      FROM latest l JOIN contacts c ON c.id = l.contact_id
      WHERE l.rn = 1 AND c.archived = 0
        AND NOT EXISTS (SELECT 1 FROM job_change_dismissals d WHERE d.interaction_id = l.interaction_id))
    SELECT m.*, ${photoVersionOf('m.contact_id')} AS photo, sum(1 - m.in_touch) OVER () AS waiting
    FROM marked m
    ORDER BY m.in_touch, m.at DESC, m.interaction_id DESC
    LIMIT ${limit}`.execute(db);
  return {
    items: rows.rows.map((r) => ({
      interactionId: r.interaction_id,
      contactId: r.contact_id,
      displayName: r.display_name,
      photo: r.photo,
      title: r.title,
      at: r.at,
      inTouchSince: r.in_touch === 1,
    })),
    waiting: rows.rows[0]?.waiting ?? 0,
  };
}
