import type { Kysely } from 'kysely';
import type { FollowUp, FollowUpRestore } from '../../shared/followUps/schemas';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import { contactExists } from '../contacts/repository';
import { noContactToChange } from '../contacts/service';
import * as repo from './repository';

function noFollowUp(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no follow-up with id ${id}.`);
}

export async function createFollowUp(
  db: Kysely<Database>,
  input: { contactId: number; text: string; dueOn: string | null },
  now: Date,
): Promise<FollowUp> {
  const id = await db.transaction().execute(async (trx) => {
    if (!(await contactExists(trx, input.contactId))) throw noContactToChange(input.contactId);
    return repo.insertFollowUp(trx, { ...input, createdAt: now.toISOString() });
  });
  return (await repo.getFollowUp(db, id))!;
}

/** Changes what the next step is or when it is due; a done one can be edited too (its text). */
export async function updateFollowUp(
  db: Kysely<Database>,
  input: { id: number; text?: string; dueOn?: string | null },
): Promise<FollowUp> {
  return db.transaction().execute(async (trx) => {
    const { id, ...change } = input;
    if (!(await repo.updateFollowUp(trx, id, change))) throw noFollowUp(id);
    return (await repo.getFollowUp(trx, id))!;
  });
}

/** Marks done (now) or open again; marking done what is already done keeps its first time. */
export async function setDone(db: Kysely<Database>, id: number, done: boolean, now: Date): Promise<FollowUp> {
  return db.transaction().execute(async (trx) => {
    const found = await repo.getFollowUp(trx, id);
    if (!found) throw noFollowUp(id);
    if (done !== (found.doneAt !== null)) await repo.setDoneAt(trx, id, done ? now.toISOString() : null);
    return (await repo.getFollowUp(trx, id))!;
  });
}

/**
 * Puts back a follow-up deleted a moment ago, as it was. Refused when its person is gone or its
 * id has been taken since (a follow-up added after the delete can reuse the highest id).
 */
export async function restoreFollowUp(db: Kysely<Database>, input: FollowUpRestore): Promise<FollowUp> {
  return db.transaction().execute(async (trx) => {
    if (!(await contactExists(trx, input.contactId))) throw noContactToChange(input.contactId);
    if (await repo.getFollowUp(trx, input.id))
      throw new AppError('CONFLICT', `Follow-up ${input.id} is already there; nothing was changed.`);
    await repo.restoreFollowUp(trx, input);
    return (await repo.getFollowUp(trx, input.id))!;
  });
}

/** Deletes one and returns it as it was, so the caller can offer to put it back. */
export async function deleteFollowUp(db: Kysely<Database>, id: number): Promise<FollowUp> {
  return db.transaction().execute(async (trx) => {
    const found = await repo.getFollowUp(trx, id);
    if (!found || !(await repo.deleteFollowUp(trx, id))) throw noFollowUp(id);
    return found;
  });
}
