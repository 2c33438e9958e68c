import type { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/envelope';
import type { Database } from '../db/schema';

/**
 * Takes a job change off New jobs and the morning reminder (`dismissed`), or puts it back (the
 * dismissal's undo). Refused, naming the id, when it is not a job change on record.
 */
export async function setJobChangeDismissed(
  db: Kysely<Database>,
  interactionId: number,
  dismissed: boolean,
  now: Date,
): Promise<{ dismissed: boolean }> {
  const found = await db
    .selectFrom('interactions')
    .select('id')
    .where('id', '=', interactionId)
    .where('kind', '=', 'job_change')
    .executeTakeFirst();
  if (!found) {
    throw new AppError('NOT_FOUND', `There is no job change with id ${interactionId}; nothing was changed.`);
  }
  if (dismissed) {
    await db
      .insertInto('job_change_dismissals')
      .values({ interaction_id: interactionId, dismissed_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('job_change_dismissals').where('interaction_id', '=', interactionId).execute();
  }
  return { dismissed };
}
