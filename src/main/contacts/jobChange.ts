import type { Kysely, Transaction } from 'kysely';
import { careerSteps, previousRoleInEntry, type CareerStep } from '../../shared/contacts/career';
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
 * Their career, latest first (`careerSteps`): the role on their contact, then the one each job
 * change on their timeline ended. A change recorded before roles were kept is read from its
 * entry's wording. Undefined when there is no such contact.
 */
export async function careerOf(db: Db, contactId: number): Promise<CareerStep[] | undefined> {
  const now = await roleOf(db, contactId);
  if (!now) return undefined;
  const changes = await db
    .selectFrom('interactions as i')
    .innerJoin('interaction_participants as p', 'p.interaction_id', 'i.id')
    .leftJoin('previous_roles as r', 'r.interaction_id', 'i.id')
    .select([
      'i.id',
      'i.starts_at',
      'i.title',
      'r.interaction_id as kept',
      'r.organisation',
      'r.title as role',
    ])
    .where('i.kind', '=', 'job_change')
    .where('p.contact_id', '=', contactId)
    .execute();
  return careerSteps(
    now,
    changes.map((c) => ({
      interactionId: c.id,
      at: c.starts_at,
      previous:
        c.kept === null ? previousRoleInEntry(c.title) : { organisation: c.organisation, title: c.role },
    })),
  );
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
