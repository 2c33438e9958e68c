import { z } from 'zod';
import { output } from '../ipc/output';
import { savedViewIdInput, savedViewRenameInput, savedViewSaveInput, type SavedView } from './schemas';

export const savedViewsContract = {
  /** Every saved view of the contacts list, by name, each with how many contacts it shows. */
  'views:list': { input: z.strictObject({}), output: output<SavedView[]>() },
  'views:save': { input: savedViewSaveInput, output: output<SavedView>() },
  /** A new name for a view; another view's name (in any case) is refused. */
  'views:rename': { input: savedViewRenameInput, output: output<SavedView>() },
  'views:delete': { input: savedViewIdInput, output: output<SavedView>() },
};
