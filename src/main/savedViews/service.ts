import { contactListInput } from '../../shared/contacts/schemas';
import { readListState, toListFilters } from '../../shared/contacts/listState';
import { AppError } from '../../shared/ipc/envelope';
import type { SavedView } from '../../shared/savedViews/schemas';
import type { Store } from '../db/open';
import { listContactPage } from '../contacts/list';
import {
  deleteViewRow,
  findViewByName,
  getViewRow,
  insertViewRow,
  listViewRows,
  renameViewRow,
  setViewPositions,
  type SavedViewRow,
} from './repository';

/** How many contacts a view's filters match now, as the list would count them. */
async function withCount(store: Store, now: number, row: SavedViewRow): Promise<SavedView> {
  const filters = toListFilters(readListState(new URLSearchParams(row.params)));
  const page = await listContactPage(store, now, contactListInput.parse({ ...filters, limit: 1 }));
  return { ...row, count: page.total };
}

export async function listViews(store: Store, now: number): Promise<SavedView[]> {
  const rows = await listViewRows(store.db);
  const views: SavedView[] = [];
  for (const row of rows) views.push(await withCount(store, now, row));
  return views;
}

async function requireView(store: Store, id: number): Promise<SavedViewRow> {
  const row = await getViewRow(store.db, id);
  if (!row) throw new AppError('NOT_FOUND', `There is no saved view #${id}.`);
  return row;
}

/** Refuses a name another view has (whatever its case), naming that view. */
async function assertNameFree(store: Store, name: string, except?: number): Promise<void> {
  const taken = await findViewByName(store.db, name);
  if (taken && taken.id !== except) {
    throw new AppError('CONFLICT', `There is already a view named “${taken.name}”.`, [
      { path: ['name'], message: 'Already the name of a view' },
    ]);
  }
}

/** Saves a new view; a name already taken is refused. */
export async function saveView(
  store: Store,
  now: Date,
  input: { name: string; params: string },
): Promise<SavedView> {
  await assertNameFree(store, input.name);
  const id = await insertViewRow(store.db, input.name, input.params, now.toISOString());
  return withCount(store, now.getTime(), { id, name: input.name, params: input.params });
}

/** Renames a view; its own name in another case is allowed, another view's is refused. */
export async function renameView(
  store: Store,
  now: number,
  input: { id: number; name: string },
): Promise<SavedView> {
  const row = await requireView(store, input.id);
  await assertNameFree(store, input.name, input.id);
  await renameViewRow(store.db, input.id, input.name);
  return withCount(store, now, { ...row, name: input.name });
}

export async function deleteView(store: Store, now: number, id: number): Promise<SavedView> {
  const row = await requireView(store, id);
  const view = await withCount(store, now, row);
  await deleteViewRow(store.db, id);
  return view;
}

/**
 * Puts the views in the order given, which must name every view once; in one transaction, so a
 * view saved or deleted meanwhile refuses the order and nothing moves.
 */
export async function reorderViews(store: Store, now: number, ids: readonly number[]): Promise<SavedView[]> {
  await store.db.transaction().execute(async (trx) => {
    const known = (await listViewRows(trx)).map((row) => row.id);
    const given = new Set(ids);
    if (given.size !== ids.length || ids.length !== known.length || !known.every((id) => given.has(id))) {
      throw new AppError(
        'CONFLICT',
        'The views have changed since they were shown: nothing was moved. Try again.',
      );
    }
    await setViewPositions(trx, ids);
  });
  return listViews(store, now);
}
