import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_FOLLOW_UP_TEXT, type FollowUp } from '../../../../shared/followUps/schemas';
import type { RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';

/** Edits one follow-up where it stands: what it is and when it is due (an empty day clears it). */
export function FollowUpEditor({ item, onClose }: { item: FollowUp; onClose: () => void }) {
  const [text, setText] = useState(item.text);
  const [dueOn, setDueOn] = useState(item.dueOn ?? '');
  const [error, setError] = useState<string | null>(null);
  const write = useWrite('followups');

  const save = async () => {
    setError(null);
    try {
      await write('followups:update', { id: item.id, text, dueOn: dueOn || null });
      onClose();
    } catch (e) {
      setError((e as RapportError).message);
    }
  };
  return (
    <form
      aria-label={`Edit: ${item.text}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <Stack gap={4}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Next step"
            value={text}
            maxLength={MAX_FOLLOW_UP_TEXT}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
            size="xs"
            data-autofocus
            autoFocus
          />
          <TextInput
            label="Due"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            size="xs"
          />
          <Button type="submit" size="xs" disabled={text.trim() === ''}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
