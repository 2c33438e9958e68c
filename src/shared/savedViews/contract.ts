import { z } from 'zod';
import { output } from '../ipc/output';
import {
  savedViewIdInput,
  savedViewRenameInput,
  savedViewReorderInput,
  savedViewSaveInput,
  type SavedView,
} from './schemas';

export const savedViewsContract = {
  /** Every saved view of the contacts list, in the user's order, each with how many contacts it shows. */
  'views:list': { input: z.strictObject({}), output: output<SavedView[]>() },
  'views:save': { input: savedViewSaveInput, output: output<SavedView>() },
  /** A new name for a view; another view's name (in any case) is refused. */
  'views:rename': { input: savedViewRenameInput, output: output<SavedView>() },
  /** The views in the order given, which names each of them once; the views so ordered. */
  'views:reorder': { input: savedViewReorderInput, output: output<SavedView[]>() },
  'views:delete': { input: savedViewIdInput, output: output<SavedView>() },
};
