import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { MergeResult } from '../../../../shared/journal/views';
import { showUndoNotice } from '../../app/undoNotice';
import { useJournalWrite } from '../journal/useJournal';

type MergePick = ChannelInput<'duplicates:merge'>['pick'];

/**
 * Merges two contacts, then offers "Undo merge" for ten seconds. `onMerged` runs once the merge
 * is stored (closing the panel, clearing a selection).
 */
export function useMerge(onMerged: () => void) {
  const write = useJournalWrite();
  return async (keepId: number, removeId: number, pick: MergePick): Promise<MergeResult> => {
    const result = await write('duplicates:merge', { keepId, removeId, pick });
    onMerged();
    showUndoNotice({
      id: `merged-${result.undoToken}`,
      message: 'Contacts merged.',
      autoClose: 10_000,
      undoLabel: 'Undo merge',
      undo: () => write('duplicates:undoMerge', { token: result.undoToken }),
      undone: 'Merge undone.',
    });
    return result;
  };
}
