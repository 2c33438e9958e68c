import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getSetting, putSetting } from '../settings/repository';

/**
 * People the user chose not to add from a calendar import. The next import still lists
 * them (a mind can change) but unticked, so a recurring all-hands does not ask again each time.
 */
const KEY = 'calendar.droppedPeople';

export async function readDroppedPeople(db: Kysely<Database>): Promise<Set<string>> {
  const stored = await getSetting<unknown>(db, KEY, []);
  return new Set(Array.isArray(stored) ? stored.filter((e): e is string => typeof e === 'string') : []);
}

/**
 * Records one import's choices: those dropped are remembered, those kept forgotten. Writes
 * only when that changes the list, so importing the same file again writes nothing at all.
 */
export async function rememberChoices(
  db: Kysely<Database>,
  dropped: readonly string[],
  kept: readonly string[],
): Promise<void> {
  const all = await readDroppedPeople(db);
  const size = all.size;
  let changed = false;
  for (const email of dropped) all.add(email);
  for (const email of kept) changed = all.delete(email) || changed;
  if (changed || all.size !== size) await putSetting(db, KEY, [...all].sort());
}
