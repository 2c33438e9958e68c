import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getSetting, putSetting } from '../settings/repository';

/**
 * What the user left out of a calendar import, remembered for the next one, which still lists
 * them (a mind can change) but unticked, so a recurring all-hands does not ask again each time:
 * the addresses of people not added, and the UIDs of recurring series not imported.
 */
export type RememberedChoice = 'calendar.droppedPeople' | 'calendar.leftOutSeries';

export async function readRemembered(db: Kysely<Database>, key: RememberedChoice): Promise<Set<string>> {
  const stored = await getSetting<unknown>(db, key, []);
  return new Set(Array.isArray(stored) ? stored.filter((e): e is string => typeof e === 'string') : []);
}

/**
 * Records one import's choices: those left out are remembered, those taken forgotten. Writes
 * only when that changes the list, so importing the same file again writes nothing at all.
 */
export async function rememberChoices(
  db: Kysely<Database>,
  key: RememberedChoice,
  leftOut: Iterable<string>,
  taken: Iterable<string>,
): Promise<void> {
  const all = await readRemembered(db, key);
  const size = all.size;
  let changed = false;
  for (const value of leftOut) all.add(value);
  for (const value of taken) changed = all.delete(value) || changed;
  if (changed || all.size !== size) await putSetting(db, key, [...all].sort());
}

/** Where the last import's choice to leave out unanswered invitations is kept. */
const SKIP_UNANSWERED = 'calendar.skipUnanswered';

/** Whether the last import left out the invitations the user never answered. */
export async function readSkipUnanswered(db: Kysely<Database>): Promise<boolean> {
  return (await getSetting<unknown>(db, SKIP_UNANSWERED, false)) === true;
}

/** Keeps an import's choice for the next one; the same choice again writes nothing. */
export async function rememberSkipUnanswered(db: Kysely<Database>, skip: boolean): Promise<void> {
  if ((await readSkipUnanswered(db)) !== skip) await putSetting(db, SKIP_UNANSWERED, skip);
}
