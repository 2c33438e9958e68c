import type { Kysely } from 'kysely';
import type { ContactRoleEdit } from '../../shared/contacts/careerInputs';
import { known } from '../../shared/contacts/jobChange';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';
import { recordedCareer } from './career';
import { rewordJobChange } from './jobChange';

/**
 * Puts right the role a recorded job change ended (a title never written down, a misspelt
 * organisation), in one transaction with the wording of the two moves it sits between: the one
 * that ended it ("Moved from <it> to …") and the one before, which began it ("… to <it>",
 * "Position: <its title>").
 */
export async function editRole(db: Kysely<Database>, input: ContactRoleEdit, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { current, changes } = await recordedCareer(trx, input.id);
    const at = changes.findIndex((c) => c.interactionId === input.endedBy);
    if (at < 0) {
      throw new AppError('NOT_FOUND', `There is no job change ${input.endedBy} on this contact's timeline.`);
    }
    const was = changes[at].previous;
    const role = { organisation: known(input.organisation), title: known(input.title) };
    const after = at + 1 < changes.length ? changes[at + 1].previous : current;
    const stamp = now.toISOString();
    // The move that ended it, from it to the role after.
    await rewordJobChange(trx, input.endedBy, [was, after], [role, after], stamp);
    if (at > 0) {
      // The move that began it, from the role before to it.
      const from = changes[at - 1].previous;
      await rewordJobChange(trx, changes[at - 1].interactionId, [from, was], [from, role], stamp);
    }
    await trx
      .insertInto('previous_roles')
      .values({ interaction_id: input.endedBy, ...role })
      .onConflict((oc) => oc.column('interaction_id').doUpdateSet(role))
      .execute();
  });
}
