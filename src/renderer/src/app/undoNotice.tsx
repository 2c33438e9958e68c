import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { RapportError } from '../api/client';

export interface UndoNotice {
  /** Unique per change, so two notices never replace each other. */
  id: string;
  message: ReactNode;
  /** How long the chance to undo lasts (ms). */
  autoClose: number;
  undoLabel: string;
  undo(): Promise<unknown>;
  /** Said once the undo has gone through. */
  undone: string;
}

/** A notice saying what just changed, with a button that undoes it while the notice shows. */
export function showUndoNotice({ id, message, autoClose, undoLabel, undo, undone }: UndoNotice): void {
  notifications.show({
    id,
    autoClose,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        {/* A long message wraps; the button keeps its whole label. */}
        <Button
          size="xs"
          variant="light"
          flex="none"
          onClick={() => {
            notifications.hide(id);
            void undo().then(
              () => notifications.show({ message: undone, color: 'green' }),
              (e: RapportError) => notifications.show({ message: e.message, color: 'red' }),
            );
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}
