import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { MAX_FOLLOW_UP_TEXT } from '../../../../shared/followUps/schemas';
import type { RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';
import { ContactPicker } from '../contacts/ContactPicker';
import type { PickedContact } from '../journal/ParticipantPicker';

/**
 * One line to add a next step: with `contactId` (a contact's page) for that person, without
 * (the dashboard) with a picker for whom. `hotkey` lets F jump to it, as L does to the quick log.
 */
export function AddFollowUp({ contactId, hotkey = false }: { contactId?: number; hotkey?: boolean }) {
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [who, setWho] = useState<PickedContact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const write = useWrite('followups');
  useHotkeys(hotkey ? [['F', () => input.current?.focus()]] : []);
  const withId = contactId ?? who?.contactId;

  const add = async () => {
    if (withId === undefined) {
      setError('Choose who the next step is with.');
      return;
    }
    setError(null);
    try {
      await write('followups:create', { contactId: withId, text, dueOn: dueOn || null });
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
      <Group align="flex-end" gap="xs">
        <TextInput
          ref={input}
          label="Next step"
          placeholder="Send the deck, ask about the staff role…"
          value={text}
          maxLength={MAX_FOLLOW_UP_TEXT}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        {contactId === undefined && <ContactPicker label="With" value={who} onChange={setWho} />}
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
