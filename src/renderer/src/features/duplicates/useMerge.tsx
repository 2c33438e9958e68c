import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { MergeResult } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
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
    const id = `merged-${result.undoToken}`;
    notifications.show({
      id,
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">Contacts merged.</Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              void write('duplicates:undoMerge', { token: result.undoToken }).then(
                () => notifications.show({ message: 'Merge undone.', color: 'green' }),
                (e: RapportError) => notifications.show({ message: e.message, color: 'red' }),
              );
            }}
          >
            Undo merge
          </Button>
        </Group>
      ),
    });
    return result;
  };
}
