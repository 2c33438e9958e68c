import { sql, type Kysely, type Transaction } from 'kysely';
import {
  careerSteps,
  organisationKey,
  endedRole,
  recordedOrder,
  type AlsoThere,
  type CareerRole,
} from '../../shared/contacts/career';
import type { ContactEarlierRole } from '../../shared/contacts/careerInputs';
import { DAY_MS } from '../../shared/strength/model';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import { recordJobChange, rewordJobChange, roleOf } from './jobChange';
import { organisationSpellings } from './organisationSpellings';
import { photoVersionOf } from './photoVersion';
import { noContactToChange } from './service';

type Db = Kysely<Database> | Transaction<Database>;

/** How many of the others at an organisation a role names; the rest are counted. */
export const ALSO_THERE_NAMED = 3;

/**
 * The job changes recorded (`contactId`'s, or everyone's), each with whom it is about (and their
 * photo's version) and the role it ended: the kept one, or else what its entry's wording names
 * (restored from an export older than roles).
 */
export async function recordedJobChanges(db: Db, contactId?: number) {
  let query = db
    .selectFrom('interactions as i')
    .innerJoin('interaction_participants as p', 'p.interaction_id', 'i.id')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .leftJoin('previous_roles as r', 'r.interaction_id', 'i.id')
    .select([
      'i.id',
      'i.starts_at',
      'i.title',
      'p.contact_id',
      'c.display_name',
      'c.archived',
      'r.interaction_id as kept',
      'r.organisation',
      'r.title as role',
    ])
    .select(photoVersionOf('p.contact_id').as('photo'))
    .where('i.kind', '=', 'job_change');
  if (contactId !== undefined) query = query.where('p.contact_id', '=', contactId);
  return (await query.execute()).map((c) => ({
    interactionId: c.id,
    at: c.starts_at,
    previous: endedRole(c.kept !== null, { organisation: c.organisation, title: c.role }, c.title),
    contactId: c.contact_id,
    displayName: c.display_name,
    archived: c.archived,
    photo: c.photo,
  }));
}

/**
 * What their career is made of, for a change to it: the role they hold now and their job changes
 * in the order they were recorded. Refused when there is no such contact.
 */
export async function recordedCareer(db: Db, contactId: number) {
  const current = await roleOf(db, contactId);
  if (!current) throw noContactToChange(contactId);
  const changes = (await recordedJobChanges(db, contactId)).sort(recordedOrder);
  return { current, changes };
}

/**
 * Their career, latest first (`careerSteps`): the role on their contact, then the one each job
 * change on their timeline ended, with who else works or worked at each organisation. A change
 * without a kept role (restored from an export older than roles) is read from its entry's
 * wording. Undefined when there is no such contact.
 */
export async function careerOf(db: Kysely<Database>, contactId: number): Promise<CareerRole[] | undefined> {
  const now = await roleOf(db, contactId);
  if (!now) return undefined;
  // Everyone's job changes: a few hundred after years of LinkedIn re-imports, read whole.
  const changes = await recordedJobChanges(db);
  const steps = careerSteps(
    now,
    changes.filter((c) => c.contactId === contactId),
  );
  const keys = [...new Set(steps.map((s) => organisationKey(s.organisation)).filter((k) => k !== null))];
  if (keys.length === 0) return steps.map((s) => ({ ...s, alsoThere: null }));

  const byOrganisation = new Map<string, Map<number, AlsoThere>>(keys.map((k) => [k, new Map()]));
  const note = (key: string | null, person: AlsoThere) => {
    const people = key === null ? undefined : byOrganisation.get(key);
    if (!people || person.id === contactId) return;
    const known = people.get(person.id);
    // There now wins over having left; of two departures, the later.
    if (!known || (known.until !== null && (person.until === null || person.until > known.until))) {
      people.set(person.id, person);
    }
  };
  // The organisations as written, then only the people at those of the career.
  const spellings = await organisationSpellings(
    db,
    steps.flatMap((s) => s.organisation ?? []),
    false,
  );
  const current =
    spellings.length === 0
      ? []
      : await db
          .selectFrom('contacts')
          .select(['id', 'display_name', 'organisation'])
          .select(photoVersionOf('id').as('photo'))
          .where('archived', '=', 0)
          .where(sql<string>`organisation COLLATE NOCASE`, 'in', spellings)
          .execute();
  for (const c of current) {
    note(organisationKey(c.organisation), {
      id: c.id,
      displayName: c.display_name,
      photo: c.photo,
      until: null,
    });
  }
  for (const c of changes) {
    if (c.archived !== 0) continue;
    const person = { id: c.contactId, displayName: c.displayName, photo: c.photo, until: c.at };
    note(organisationKey(c.previous.organisation), person);
  }

  const shown = new Set<string>();
  return steps.map((step): CareerRole => {
    const key = organisationKey(step.organisation);
    if (key === null || shown.has(key)) return { ...step, alsoThere: null };
    shown.add(key);
    const people = [...byOrganisation.get(key)!.values()].sort(
      (a, b) =>
        (a.until === null ? 0 : 1) - (b.until === null ? 0 : 1) ||
        (b.until ?? '').localeCompare(a.until ?? '') ||
        a.displayName.localeCompare(b.displayName),
    );
    return { ...step, alsoThere: { people: people.slice(0, ALSO_THERE_NAMED), total: people.length } };
  });
}

/**
 * Puts a role they held on their career, as the job change that ended it on the day they left
 * (at noon UTC, the same day wherever the user is): a move to the role held after it, which is
 * the one the next recorded move ended, or the one they hold now. A role they left between two
 * recorded moves (LinkedIn lists more than was ever recorded) began with the move before it,
 * whose wording now says so where it still says what it was given. Refused for a day after
 * today, or at the very time of a recorded move.
 */
export async function addEarlierRole(
  db: Kysely<Database>,
  input: ContactEarlierRole,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { current, changes } = await recordedCareer(trx, input.id);
    const refuse = (message: string) => new AppError('VALIDATION', message, [{ path: ['until'], message }]);
    // Today somewhere: the user's day may be a day ahead of UTC's.
    const latest = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
    if (input.until > latest) throw refuse('The day they left it cannot be after today.');
    const until = `${input.until}T12:00:00.000Z`;
    if (changes.some((c) => c.at === until)) {
      throw refuse('A move is recorded at noon that day already; give the day before or after.');
    }
    const next = changes.findIndex((c) => c.at > until);
    const after = next < 0 ? current : changes[next].previous;
    const role = { organisation: input.organisation || null, title: input.title || null };
    const before = next < 0 ? changes[changes.length - 1] : changes[next - 1];
    if (before) {
      // The move before it went to this role, not to the one after it.
      const from = before.previous;
      await rewordJobChange(trx, before.interactionId, [from, after], [from, role], now.toISOString());
    }
    await recordJobChange(trx, input.id, role, after, until);
  });
}
