import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import type { FollowUpDraft } from '../../shared/followUps/schemas';
import { insertFollowUp } from '../followUps/repository';
import type {
  DeleteResult,
  Interaction,
  InteractionFields,
  MentionCandidate,
} from '../../shared/journal/schemas';
import { isIsoDate } from '../../shared/journal/schemas';
import { mentionedContactIds } from '../../shared/journal/mentions';
import { parseQuickLog, quickLogMoment } from '../../shared/journal/quickLog';
import type { InteractionKind } from '../../shared/journal/kinds';
import { toPrefixQuery } from '../search/ftsQuery';
import * as repo from './repository';
import { meetingId, sourceOrigin } from '../calendar/sameMeeting';
import { userEditFlags } from './userEdits';
import { upsertTagIds } from '../tags/repository';

type Issue = { path: Array<string | number>; message: string };

/** The same shape dispatch gives schema failures, so the form puts every error on its field. */
function invalid(message: string, issues: Issue[]): AppError {
  return new AppError(
    'VALIDATION',
    message,
    issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no journal entry with id ${id}.`);
}

/** Times to UTC, the end and the duration derived from each other. */
function toRow(fields: InteractionFields): repo.InteractionRow {
  const startsAt = fields.allDay ? fields.startsAt : new Date(fields.startsAt).toISOString();
  let endsAt: string | null = null;
  let duration = fields.durationMinutes ?? null;
  if (fields.endsAt) {
    endsAt = fields.allDay ? fields.endsAt : new Date(fields.endsAt).toISOString();
    if (!fields.allDay) duration = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  } else if (duration !== null && !fields.allDay) {
    endsAt = new Date(Date.parse(startsAt) + duration * 60_000).toISOString();
  }
  return {
    kind: fields.kind,
    title: fields.title,
    notes: fields.notes,
    location: fields.location?.trim() ? fields.location.trim() : null,
    starts_at: startsAt,
    ends_at: endsAt,
    all_day: fields.allDay ? 1 : 0,
    duration_minutes: duration,
    initiated_by: fields.initiatedBy,
  };
}

/** Listed participants plus everyone @mentioned in the notes; every id must be a contact. */
async function resolveParticipants(
  db: Kysely<Database>,
  fields: InteractionFields,
): Promise<repo.ParticipantRow[]> {
  const listed = fields.participants.map((p) => ({ contact_id: p.contactId, role: p.role }));
  const mentioned = mentionedContactIds(fields.notes)
    .filter((id) => !listed.some((p) => p.contact_id === id))
    .map((id) => ({ contact_id: id, role: 'mentioned' as const }));
  const all = [...listed, ...mentioned];
  const known = await repo.existingContactIds(
    db,
    all.map((p) => p.contact_id),
  );
  const issues: Issue[] = [];
  fields.participants.forEach((p, i) => {
    if (!known.has(p.contactId)) {
      issues.push({
        path: ['participants', i, 'contactId'],
        message: `There is no contact with id ${p.contactId}`,
      });
    }
  });
  for (const m of mentioned) {
    if (!known.has(m.contact_id)) {
      issues.push({
        path: ['notes'],
        message: `The notes mention contact ${m.contact_id}, who does not exist`,
      });
    }
  }
  if (issues.length > 0) throw invalid(issues[0].message, issues);
  return all;
}

export async function getInteractionOrThrow(db: Kysely<Database>, id: number): Promise<Interaction> {
  const found = await repo.getInteraction(db, id);
  if (!found) throw notFound(id);
  return found;
}

/** Writes a new entry and, when given, the follow-up it leads to, in one transaction. */
export async function createInteraction(
  db: Kysely<Database>,
  fields: InteractionFields,
  now: Date,
  followUp?: FollowUpDraft,
): Promise<Interaction> {
  const participants = await resolveParticipants(db, fields);
  const id = await db.transaction().execute(async (trx) => {
    const created = await repo.insertInteraction(
      trx,
      toRow(fields),
      participants,
      fields.tags,
      now.toISOString(),
    );
    if (followUp) await insertFollowUp(trx, { ...followUp, createdAt: now.toISOString() });
    return created;
  });
  return getInteractionOrThrow(db, id);
}

export async function updateInteraction(
  db: Kysely<Database>,
  id: number,
  fields: InteractionFields,
  now: Date,
): Promise<Interaction> {
  const participants = await resolveParticipants(db, fields);
  const found = await db
    .transaction()
    .execute((trx) =>
      repo.updateInteraction(trx, id, toRow(fields), participants, fields.tags, now.toISOString()),
    );
  if (!found) throw notFound(id);
  return getInteractionOrThrow(db, id);
}

interface DeletedSnapshot {
  row: Record<string, unknown>;
  participants: Array<{ contact_id: number; role: string; response: string | null }>;
  tags: string[];
  /** A job change's role it ended (`previous_roles`); missing in snapshots of other entries. */
  previousRole?: { organisation: string | null; title: string | null };
}

/** Snapshots are for "undo" within moments; a day is plenty. */
const snapshotLifetimeMs = 86_400_000;

export async function pruneSnapshots(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('undo_snapshots')
    .where('created_at', '<', new Date(now.getTime() - snapshotLifetimeMs).toISOString())
    .execute();
}

/** Deletes an entry, keeping a snapshot in the same transaction so the delete can be undone. */
export async function deleteInteraction(db: Kysely<Database>, id: number, now: Date): Promise<DeleteResult> {
  await pruneSnapshots(db, now);
  const token = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(id);
    const participants = await trx
      .selectFrom('interaction_participants')
      .select(['contact_id', 'role', 'response'])
      .where('interaction_id', '=', id)
      .execute();
    const tags = await trx
      .selectFrom('interaction_tags as it')
      .innerJoin('tags as t', 't.id', 'it.tag_id')
      .select('t.name')
      .where('it.interaction_id', '=', id)
      .execute();
    const previousRole = await trx
      .selectFrom('previous_roles')
      .select(['organisation', 'title'])
      .where('interaction_id', '=', id)
      .executeTakeFirst();
    const snapshot: DeletedSnapshot = { row, participants, tags: tags.map((t) => t.name), previousRole };
    const saved = await trx
      .insertInto('undo_snapshots')
      .values({
        kind: 'interaction_delete',
        payload: JSON.stringify(snapshot),
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('interactions').where('id', '=', id).execute();
    // An imported entry the user deleted stays deleted when its calendar is imported again.
    if (row.source !== 'manual' && row.source_key !== null) {
      const origin = sourceOrigin(row.source_key);
      const meeting = origin ? meetingId(origin.uid, row.starts_at) : null;
      await trx
        .insertInto('deleted_imports')
        .values({ source_key: row.source_key, meeting, deleted_at: now.toISOString() })
        .onConflict((oc) => oc.column('source_key').doUpdateSet({ meeting, deleted_at: now.toISOString() }))
        .execute();
    }
    return saved.id;
  });
  return { deleted: true, undoToken: token };
}

/**
 * Hands a meeting imported from a calendar back to it: the parts the user changed are theirs no
 * longer, and the stored content hash is cleared (its version kept, so an older export still
 * changes nothing), so the next import of the calendar sets every part from it.
 */
export async function returnToCalendar(db: Kysely<Database>, id: number, now: Date): Promise<Interaction> {
  const row = await db.selectFrom('interactions').select('source').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  if (row.source !== 'ics') {
    throw new AppError('VALIDATION', 'Only a meeting imported from a calendar can be handed back to it.');
  }
  await db
    .updateTable('interactions')
    .set({
      ...Object.fromEntries(userEditFlags.map((flag) => [flag, 0])),
      source_hash: sql<string>`substr(source_hash, 1, instr(source_hash, '#'))`,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return getInteractionOrThrow(db, id);
}

/** Puts a deleted entry back as it was (same id when still free); contacts deleted since are left out. */
export async function undoDelete(db: Kysely<Database>, token: number): Promise<Interaction> {
  const id = await db.transaction().execute(async (trx) => {
    const snap = await trx
      .selectFrom('undo_snapshots')
      .select('payload')
      .where('id', '=', token)
      .where('kind', '=', 'interaction_delete')
      .executeTakeFirst();
    if (!snap)
      throw new AppError('NOT_FOUND', 'There is nothing to undo: the deletion is too old or already undone.');
    const { row, participants, tags, previousRole } = JSON.parse(snap.payload) as DeletedSnapshot;
    const taken = await trx
      .selectFrom('interactions')
      .select('id')
      .where('id', '=', row.id as number)
      .executeTakeFirst();
    const values = { ...row } as Record<string, unknown>;
    if (taken) delete values.id;
    const inserted = await trx
      .insertInto('interactions')
      .values(values as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const alive = await repo.existingContactIds(
      trx,
      participants.map((p) => p.contact_id),
    );
    const kept = participants.filter((p) => alive.has(p.contact_id));
    if (kept.length > 0) {
      await trx
        .insertInto('interaction_participants')
        .values(kept.map((p) => ({ ...p, interaction_id: inserted.id, starts_at: row.starts_at as string })))
        .execute();
    }
    const tagIds = await upsertTagIds(trx, tags);
    if (tagIds.length > 0) {
      await trx
        .insertInto('interaction_tags')
        .values(tagIds.map((tag_id) => ({ interaction_id: inserted.id, tag_id })))
        .execute();
    }
    if (previousRole) {
      await trx
        .insertInto('previous_roles')
        .values({ ...previousRole, interaction_id: inserted.id })
        .execute();
    }
    await trx.deleteFrom('undo_snapshots').where('id', '=', token).execute();
    if (typeof row.source_key === 'string') {
      await trx.deleteFrom('deleted_imports').where('source_key', '=', row.source_key).execute();
    }
    return inserted.id;
  });
  return getInteractionOrThrow(db, id);
}

/** Contacts whose name starts like the text typed after `@`. */
export async function mentionCandidates(
  db: Kysely<Database>,
  query: string,
  limit: number,
): Promise<MentionCandidate[]> {
  const match = toPrefixQuery(query);
  let q = db
    .selectFrom('contacts as c')
    .select(['c.id', 'c.display_name as displayName', 'c.organisation'])
    .where('c.archived', '=', 0);
  if (match !== null) {
    q = q.where(
      'c.id',
      'in',
      sql<number>`(SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${`{display_name given_name family_name} : (${match})`})`,
    );
  }
  return q
    .orderBy(sql`c.display_name COLLATE NOCASE`)
    .limit(limit)
    .execute();
}

/** Finds the one contact a name typed in a quick log means, or says why not. */
async function contactByName(db: Kysely<Database>, name: string): Promise<number> {
  const found = await mentionCandidates(db, name, 5);
  const exact = found.filter((c) => c.displayName.toLowerCase() === name.toLowerCase());
  if (exact.length === 1) return exact[0].id;
  if (found.length === 1) return found[0].id;
  if (found.length === 0) {
    throw invalid(`No contact is called "${name}"`, [
      { path: ['text'], message: `No contact is called "${name}"` },
    ]);
  }
  const names = found.map((c) => c.displayName).join(', ');
  throw invalid(`"${name}" could be ${names}`, [{ path: ['text'], message: `"${name}" could be ${names}` }]);
}

/** "coffee with Ana, 45 min, today": parsed, names resolved, then logged like any other entry. */
export async function quickLog(
  db: Kysely<Database>,
  text: string,
  contactId: number | undefined,
  now: Date,
): Promise<Interaction> {
  const log = parseQuickLog(text, now);
  const ids: number[] = contactId !== undefined ? [contactId] : [];
  for (const name of log.names) {
    const id = await contactByName(db, name);
    if (!ids.includes(id)) ids.push(id);
  }
  const moment = quickLogMoment(log, now);
  const kind: InteractionKind = log.kind;
  return createInteraction(
    db,
    {
      kind,
      title: log.title,
      notes: log.notes,
      startsAt: moment.startsAt,
      allDay: moment.allDay && isIsoDate(moment.startsAt),
      durationMinutes: log.minutes,
      initiatedBy: 'unknown',
      participants: ids.map((id) => ({ contactId: id, role: 'participant' })),
      tags: [],
    },
    now,
  );
}
