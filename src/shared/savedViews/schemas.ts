import { z } from 'zod';
import { listStateKeys, readListState, writeListState } from '../contacts/listState';

/**
 * A saved view's filters and order, as the contacts list writes them in its address
 * ("circle=mentor&city=London&order=strength"): only the list's own names, kept in the list's
 * own spelling, and at least one of them (a view of everyone in name order is the list itself).
 */
export const savedViewParams = z
  .string()
  .max(1000)
  .refine(
    (params) =>
      [...new URLSearchParams(params).keys()].every((k) => (listStateKeys as readonly string[]).includes(k)),
    {
      message: `A view holds only the list's filters: ${listStateKeys.join(', ')}`,
    },
  )
  .transform((params) => writeListState(readListState(new URLSearchParams(params))).toString())
  .refine((params) => params !== '', { message: 'A view needs a filter, a search or an order' });

const viewName = z.string().trim().min(1, 'A view needs a name').max(60);
const viewId = z.number().int().positive();

export const savedViewSaveInput = z.strictObject({ name: viewName, params: savedViewParams });
export const savedViewIdInput = z.strictObject({ id: viewId });
export const savedViewRenameInput = z.strictObject({ id: viewId, name: viewName });
export const savedViewReorderInput = z.strictObject({ ids: z.array(viewId).max(1000) });

export interface SavedView {
  id: number;
  name: string;
  params: string;
  /** How many contacts the view shows now. */
  count: number;
}
