import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { MergeResult } from '../../../../shared/journal/views';
import { showUndoNotice } from '../../app/undoNotice';
import { useJournalWrite } from '../journal/useJournal';

type MergeInput = ChannelInput<'duplicates:merge'>;

/**
 * Merges two contacts, then offers "Undo merge" for ten seconds. `onMerged` runs once the merge
 * is stored (closing the panel, clearing a selection).
 */
export function useMerge(onMerged: () => void) {
  const write = useJournalWrite();
  return async (input: MergeInput): Promise<MergeResult> => {
    const result = await write('duplicates:merge', input);
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
