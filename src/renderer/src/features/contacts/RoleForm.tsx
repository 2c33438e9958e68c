import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RapportError } from '../../api/client';

/** What a refusal says about the form: its first field's message, or the whole message. */
function refusal(error: RapportError): string {
  const details = error.details as Array<{ message?: string }> | undefined;
  return details?.[0]?.message ?? error.message;
}

export interface RoleFormValues {
  organisation: string;
  title: string;
  /** The day they left it, `YYYY-MM-DD`; empty when the form does not ask. */
  until: string;
}

/**
 * A role of someone's career: where, as what, and (for one added) the day they left. A refusal
 * is said under the fields and the form stays open to put it right; Escape closes it.
 */
export function RoleForm({
  label,
  initial = { organisation: '', title: '' },
  askUntil,
  submitLabel,
  onSubmit,
  onClose,
}: {
  label: string;
  initial?: { organisation: string; title: string };
  askUntil: boolean;
  submitLabel: string;
  onSubmit: (values: RoleFormValues) => Promise<unknown>;
  onClose: () => void;
}) {
  const [organisation, setOrganisation] = useState(initial.organisation);
  const [title, setTitle] = useState(initial.title);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ organisation, title, until });
      onClose();
    } catch (e) {
      setError(refusal(e as RapportError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void save(e)}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Organisation"
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          data-autofocus
          autoFocus
        />
        <TextInput size="xs" label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {askUntil && (
          <TextInput
            size="xs"
            label="Left on"
            type="date"
            required
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
          />
        )}
        <Button size="xs" type="submit" loading={busy}>
          {submitLabel}
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
