import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { localDate } from '../../../../shared/journal/quickLog';
import { MAX_FOLLOW_UP_TEXT } from '../../../../shared/followUps/schemas';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { FollowUpRow } from './FollowUpRow';
import { useWrite } from '../../api/useWrite';

function AddFollowUp({ contactId }: { contactId: number }) {
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const write = useWrite('followups');
  const add = async () => {
    setError(null);
    try {
      await write('followups:create', { contactId, text, dueOn: dueOn || null });
      setText('');
      setDueOn('');
    } catch (e) {
      setError((e as RapportError).message);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="Next step"
          placeholder="Send the deck, ask about the staff role…"
          value={text}
          maxLength={MAX_FOLLOW_UP_TEXT}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <TextInput label="Due" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
        <Button type="submit" disabled={text.trim() === ''}>
          Add
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
    </form>
  );
}

/** The next steps with this person: open ones by due date, the last few done, and a line to add one. */
export function FollowUpsSection({ contactId }: { contactId: number }) {
  const open = useRapportQuery('followups:list', { contactId });
  const done = useRapportQuery('followups:list', { contactId, status: 'done', limit: 5 });
  const today = localDate(new Date());
  return (
    <Card withBorder data-testid="contact-follow-ups">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Follow-ups</Text>
          {open.data && open.data.total > 0 && (
            <Text size="sm" c="dimmed">
              {open.data.total} open
            </Text>
          )}
        </Group>
        {open.isError && <Alert color="red">{open.error.message}</Alert>}
        <Stack gap={4} aria-label="Open follow-ups">
          {open.data?.items.map((item) => (
            <FollowUpRow key={item.id} item={item} today={today} />
          ))}
        </Stack>
        <AddFollowUp contactId={contactId} />
        {done.data && done.data.total > 0 && (
          <Stack gap={4} aria-label="Done follow-ups">
            <Text size="xs" c="dimmed">
              Done ({done.data.total})
            </Text>
            {done.data.items.map((item) => (
              <FollowUpRow key={item.id} item={item} today={today} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
