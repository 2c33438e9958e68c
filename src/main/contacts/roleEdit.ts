import type { Kysely } from 'kysely';
import { recordedOrder } from '../../shared/contacts/career';
import type { ContactRoleEdit } from '../../shared/contacts/careerInputs';
import { jobChangeEntry, known } from '../../shared/contacts/jobChange';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import { recordedJobChanges } from './career';
import { roleOf, rewordJobChange } from './jobChange';
import { noContactToChange } from './service';

/**
 * Puts right the role a recorded job change ended (a title never written down, a misspelt
 * organisation), in one transaction with the wording of the two moves it sits between: the one
 * that ended it ("Moved from <it> to …") and the one before, which began it ("… to <it>",
 * "Position: <its title>").
 */
export async function editRole(db: Kysely<Database>, input: ContactRoleEdit, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await roleOf(trx, input.id);
    if (!current) throw noContactToChange(input.id);
    const changes = (await recordedJobChanges(trx, input.id)).sort(recordedOrder);
    const at = changes.findIndex((c) => c.interactionId === input.endedBy);
    if (at < 0) {
      throw new AppError('NOT_FOUND', `There is no job change ${input.endedBy} on this contact's timeline.`);
    }
    const was = changes[at].previous;
    const role = { organisation: known(input.organisation), title: known(input.title) };
    const after = at + 1 < changes.length ? changes[at + 1].previous : current;
    const stamp = now.toISOString();
    // The move that ended it, from it to the role after.
    await rewordJobChange(trx, input.endedBy, jobChangeEntry(was, after), jobChangeEntry(role, after), stamp);
    if (at > 0) {
      // The move that began it, from the role before to it.
      const before = changes[at - 1];
      const given = jobChangeEntry(before.previous, was);
      await rewordJobChange(trx, before.interactionId, given, jobChangeEntry(before.previous, role), stamp);
    }
    await trx
      .insertInto('previous_roles')
      .values({ interaction_id: input.endedBy, ...role })
      .onConflict((oc) => oc.column('interaction_id').doUpdateSet(role))
      .execute();
  });
}
