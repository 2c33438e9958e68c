import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { InteractionKind, Initiator, ParticipantRole } from '../../shared/journal/kinds';
import type {
  Interaction,
  InteractionPage,
  InteractionSummary,
  journalListInput,
  ParticipantRef,
  timelineInput,
} from '../../shared/journal/schemas';
import { photoVersionOf } from '../contacts/photoVersion';
import { upsertTagIds } from '../tags/repository';
import { changedParts, editableColumns, userEdits } from './userEdits';
import { previewOf } from './plainNotes';
import { sourceOrigin } from '../calendar/sameMeeting';
import { addDays, localMidnightMs } from '../../shared/goals/periods';

type Db = Kysely<Database> | Transaction<Database>;

/** An interaction as it is written: times already normalised, participants already checked. */
export interface InteractionRow {
  kind: InteractionKind;
  title: string;
  notes: string;
  location: string | null;
  starts_at: string;
  ends_at: string | null;
  all_day: number;
  duration_minutes: number | null;
  initiated_by: Initiator;
}

export interface ParticipantRow {
  contact_id: number;
  role: ParticipantRole;
}

export async function existingContactIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('contacts').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

async function writeLists(
  db: Db,
  interactionId: number,
  startsAt: string,
  participants: ParticipantRow[],
  tags: string[],
  fresh: boolean,
  responses?: Map<string, string | null>,
): Promise<void> {
  if (!fresh) {
    await db.deleteFrom('interaction_participants').where('interaction_id', '=', interactionId).execute();
    await db.deleteFrom('interaction_tags').where('interaction_id', '=', interactionId).execute();
  }
  if (participants.length > 0) {
    await db
      .insertInto('interaction_participants')
      .values(
        participants.map((p) => ({
          interaction_id: interactionId,
          contact_id: p.contact_id,
          role: p.role,
          response: responses?.get(`${p.contact_id}:${p.role}`) ?? null,
          starts_at: startsAt,
        })),
      )
      .execute();
  }
  const tagIds = await upsertTagIds(db, tags);
  if (tagIds.length > 0) {
    await db
      .insertInto('interaction_tags')
      .values(tagIds.map((tag_id) => ({ interaction_id: interactionId, tag_id })))
      .execute();
  }
}

export async function insertInteraction(
  db: Db,
  row: InteractionRow,
  participants: ParticipantRow[],
  tags: string[],
  now: string,
  id?: number,
): Promise<number> {
  const inserted = await db
    .insertInto('interactions')
    .values({
      ...row,
      ...(id !== undefined ? { id } : {}),
      source: 'manual',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLists(db, inserted.id, row.starts_at, participants, tags, true);
  return inserted.id;
}

export async function updateInteraction(
  db: Db,
  id: number,
  row: InteractionRow,
  participants: ParticipantRow[],
  tags: string[],
  now: string,
): Promise<boolean> {
  const before = await db
    .selectFrom('interactions')
    .select([...editableColumns, 'source'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) return false;
  const peopleBefore = await db
    .selectFrom('interaction_participants')
    .select(['contact_id', 'role', 'response'])
    .where('interaction_id', '=', id)
    .execute();
  // What the user changes of an imported entry stays theirs when the calendar is imported again.
  const edits = before.source === 'manual' ? {} : userEdits(before, row, peopleBefore, participants);
  await db
    .updateTable('interactions')
    .set({ ...row, ...edits, updated_at: now })
    .where('id', '=', id)
    .execute();
  // A calendar's answer (accepted, tentative) stays with each person still listed in the same role.
  const responses = new Map(peopleBefore.map((p) => [`${p.contact_id}:${p.role}`, p.response]));
  await writeLists(db, id, row.starts_at, participants, tags, false, responses);
  return true;
}

async function participantsOf(
  db: Db,
  ids: number[],
  cap: number,
): Promise<Map<number, { refs: ParticipantRef[]; n: number }>> {
  const byInteraction = new Map<number, { refs: ParticipantRef[]; n: number }>();
  if (ids.length === 0) return byInteraction;
  const rows = await sql<{
    interaction_id: number;
    contact_id: number;
    display_name: string;
    role: string;
    photo: string | null;
    n: number;
  }>`
    SELECT interaction_id, contact_id, display_name, role, n,
      ${photoVersionOf('ranked.contact_id')} AS photo
    FROM (
      SELECT p.interaction_id, p.contact_id, c.display_name, p.role,
        row_number() OVER (PARTITION BY p.interaction_id
          ORDER BY p.role = 'mentioned', c.display_name COLLATE NOCASE, c.id) AS rn,
        count(*) OVER (PARTITION BY p.interaction_id) AS n
      FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id
      WHERE p.interaction_id IN (${sql.join(ids)})
    ) AS ranked WHERE rn <= ${cap}`.execute(db);
  for (const r of rows.rows) {
    const entry = byInteraction.get(r.interaction_id) ?? { refs: [], n: r.n };
    entry.refs.push({
      contactId: r.contact_id,
      displayName: r.display_name,
      role: r.role as ParticipantRole,
      photo: r.photo,
    });
    byInteraction.set(r.interaction_id, entry);
  }
  return byInteraction;
}

export async function getInteraction(db: Db, id: number): Promise<Interaction | undefined> {
  const row = await db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [participants, tags] = await Promise.all([
    participantsOf(db, [id], 1_000_000),
    db
      .selectFrom('interaction_tags as it')
      .innerJoin('tags as t', 't.id', 'it.tag_id')
      .select('t.name')
      .where('it.interaction_id', '=', id)
      .orderBy('t.name')
      .execute(),
  ]);
  return {
    id: row.id,
    kind: row.kind as InteractionKind,
    title: row.title,
    notes: row.notes,
    location: row.location,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    allDay: row.all_day === 1,
    durationMinutes: row.duration_minutes,
    initiatedBy: row.initiated_by as Initiator,
    source: row.source,
    calendar: row.source_key === null ? null : (sourceOrigin(row.source_key)?.calendar ?? null),
    changedByYou: changedParts(row),
    participants: participants.get(id)?.refs ?? [],
    tags: tags.map((t) => t.name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface SummaryRow {
  id: number;
  kind: string;
  title: string;
  notes_head: string;
  starts_at: string;
  all_day: number;
  duration_minutes: number | null;
  source: string;
}

const summaryColumns = sql`i.id, i.kind, i.title, substr(i.notes, 1, 600) AS notes_head, i.starts_at, i.all_day, i.duration_minutes, i.source`;

/** The names shown on a list row; the rest are counted. */
const namesPerRow = 6;

export async function toSummaries(db: Db, rows: SummaryRow[]): Promise<InteractionSummary[]> {
  const participants = await participantsOf(
    db,
    rows.map((r) => r.id),
    namesPerRow,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as InteractionKind,
    title: r.title,
    notesPreview: previewOf(r.notes_head),
    startsAt: r.starts_at,
    allDay: r.all_day === 1,
    durationMinutes: r.duration_minutes,
    source: r.source,
    participants: participants.get(r.id)?.refs ?? [],
    participantCount: participants.get(r.id)?.n ?? 0,
  }));
}

/** One page of the journal, newest first, with the filters the Journal view offers. */
export async function listInteractions(
  db: Db,
  q: z.output<typeof journalListInput>,
  timeZone: string,
): Promise<InteractionPage> {
  const where = [sql`1 = 1`];
  // With a contact, start from their rows in the participants index (newest first) rather
  // than walking every interaction and asking whether they were there.
  const from =
    q.contactId === undefined
      ? sql`interactions i`
      : sql`interaction_participants p JOIN interactions i ON i.id = p.interaction_id`;
  const order =
    q.contactId === undefined
      ? sql`i.starts_at DESC, i.id DESC`
      : sql`p.starts_at DESC, p.interaction_id DESC`;
  if (q.contactId !== undefined) where.push(sql`p.contact_id = ${q.contactId}`);
  if (q.circle !== undefined) {
    where.push(sql`i.id IN (SELECT p.interaction_id FROM interaction_participants p
      JOIN contact_circles cc ON cc.contact_id = p.contact_id WHERE cc.circle = ${q.circle})`);
  }
  if (q.kind !== undefined) where.push(sql`i.kind = ${q.kind}`);
  if (q.source !== undefined) where.push(sql`i.source = ${q.source}`);
  if (q.tag !== undefined) {
    where.push(sql`i.id IN (SELECT it.interaction_id FROM interaction_tags it
      JOIN tags t ON t.id = it.tag_id WHERE t.name = ${q.tag})`);
  }
  // Dates are the user's days: all-day entries (stored as dates) compare as dates, timed
  // ones (UTC instants) against the instants the user's local days begin. The first bound
  // of each pair is the looser one, which keeps the starts_at index in use.
  if (q.from !== undefined) {
    const day = q.from;
    const instant = new Date(localMidnightMs(day, timeZone)).toISOString();
    where.push(sql`i.starts_at >= ${day < instant ? day : instant}`);
    where.push(
      sql`(CASE WHEN length(i.starts_at) = 10 THEN i.starts_at >= ${day} ELSE i.starts_at >= ${instant} END)`,
    );
  }
  if (q.to !== undefined) {
    const day = addDays(q.to, 1);
    const instant = new Date(localMidnightMs(day, timeZone)).toISOString();
    where.push(sql`i.starts_at < ${day > instant ? day : instant}`);
    where.push(
      sql`(CASE WHEN length(i.starts_at) = 10 THEN i.starts_at < ${day} ELSE i.starts_at < ${instant} END)`,
    );
  }
  const filter = sql.join(where, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<SummaryRow>`SELECT ${summaryColumns} FROM ${from} WHERE ${filter}
      ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${filter}`.execute(db),
  ]);
  return { items: await toSummaries(db, rows.rows), total: count.rows[0].n, offset: q.offset };
}

/** A contact's entries, newest first: an index seek on (contact_id, starts_at). */
export async function timeline(db: Db, q: z.output<typeof timelineInput>): Promise<InteractionPage> {
  const [rows, count] = await Promise.all([
    sql<SummaryRow>`SELECT ${summaryColumns}
      FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id
      WHERE p.contact_id = ${q.contactId}
      ORDER BY p.starts_at DESC, p.interaction_id DESC LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db),
    sql<{
      n: number;
    }>`SELECT count(*) AS n FROM interaction_participants WHERE contact_id = ${q.contactId}`.execute(db),
  ]);
  return { items: await toSummaries(db, rows.rows), total: count.rows[0].n, offset: q.offset };
}

export async function recentInteractions(db: Db, now: string, limit: number): Promise<InteractionSummary[]> {
  const rows = await sql<SummaryRow>`SELECT ${summaryColumns} FROM interactions i
    WHERE i.starts_at <= ${now} ORDER BY i.starts_at DESC, i.id DESC LIMIT ${limit}`.execute(db);
  return toSummaries(db, rows.rows);
}

export async function interactionTags(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT DISTINCT t.name FROM tags t
    JOIN interaction_tags it ON it.tag_id = t.id ORDER BY t.name COLLATE NOCASE`.execute(db);
  return rows.rows.map((r) => r.name);
}
