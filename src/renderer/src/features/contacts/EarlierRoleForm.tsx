import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';

/** What a refusal says about the form: its first field's message, or the whole message. */
function refusal(error: RapportError): string {
  const details = error.details as Array<{ message?: string }> | undefined;
  return details?.[0]?.message ?? error.message;
}

/**
 * A role held before everything recorded about them (a LinkedIn profile's past, what they told you):
 * where, as what, and the day they left. It goes on their career and their timeline as the move
 * that ended it.
 */
export function EarlierRoleForm({ contactId, onClose }: { contactId: number; onClose: () => void }) {
  // Every view that shows a timeline or a career refreshes: the move is an entry of the journal.
  const write = useWrite();
  const [organisation, setOrganisation] = useState('');
  const [title, setTitle] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await write('contacts:addEarlierRole', { id: contactId, organisation, title, until });
      onClose();
    } catch (e) {
      setError(refusal(e as RapportError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Add an earlier role">
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Organisation"
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput size="xs" label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput
          size="xs"
          label="Left on"
          type="date"
          required
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
        />
        <Button size="xs" type="submit" loading={busy}>
          Add
        </Button>
        <Button size="xs" variant="default" onClick={onClose}>
          Cancel
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </form>
  );
}
