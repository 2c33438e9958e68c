import type { Kysely, Transaction } from 'kysely';
import { jobChangeEntry, known, type Role } from '../../shared/contacts/jobChange';
import type { Database } from '../db/schema';
import { insertInteraction } from '../journal/repository';

type Db = Kysely<Database> | Transaction<Database>;

export async function roleOf(db: Db, contactId: number): Promise<Role | undefined> {
  return db
    .selectFrom('contacts')
    .select(['organisation', 'title'])
    .where('id', '=', contactId)
    .executeTakeFirst();
}

/**
 * Puts a job change on the contact's timeline, as a LinkedIn re-import does: news about them,
 * not time spent with them, so they are only mentioned and their last contact stays as it was.
 * The role they left is kept beside it, for their career.
 */
export async function recordJobChange(
  db: Db,
  contactId: number,
  before: Role,
  after: Role,
  now: string,
): Promise<void> {
  const { title, notes } = jobChangeEntry(before, after);
  const id = await insertInteraction(
    db,
    {
      kind: 'job_change',
      title,
      notes,
      location: null,
      starts_at: now,
      ends_at: null,
      all_day: 0,
      duration_minutes: null,
      initiated_by: 'unknown',
    },
    [{ contact_id: contactId, role: 'mentioned' }],
    [],
    now,
  );
  await db
    .insertInto('previous_roles')
    .values({ interaction_id: id, organisation: known(before.organisation), title: known(before.title) })
    .execute();
}

/**
 * Rewords a job change entry for the move between `roles` where it still says what the move
 * between `given` was given (`jobChangeEntry`): words the user wrote there, in its title or its
 * notes, stay theirs.
 */
export async function rewordJobChange(
  db: Db,
  interactionId: number,
  given: [before: Role, after: Role],
  roles: [before: Role, after: Role],
  at: string,
) {
  const was = jobChangeEntry(...given);
  const next = jobChangeEntry(...roles);
  const entry = await db
    .selectFrom('interactions')
    .select(['title', 'notes'])
    .where('id', '=', interactionId)
    .executeTakeFirstOrThrow();
  const changes = {
    ...(entry.title === was.title && was.title !== next.title ? { title: next.title } : {}),
    ...(entry.notes === was.notes && was.notes !== next.notes ? { notes: next.notes } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await db
    .updateTable('interactions')
    .set({ ...changes, updated_at: at })
    .where('id', '=', interactionId)
    .execute();
}

/** The job changes recorded about a contact (each is about them alone). */
export async function deleteJobChangesOf(db: Db, contactId: number): Promise<void> {
  await db
    .deleteFrom('interactions')
    .where('kind', '=', 'job_change')
    .where('id', 'in', (q) =>
      q.selectFrom('interaction_participants').select('interaction_id').where('contact_id', '=', contactId),
    )
    .execute();
}
