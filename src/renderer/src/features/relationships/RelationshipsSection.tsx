import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ContactAvatarById } from '../contacts/ContactAvatarById';
import {
  relationshipEnds,
  relationshipLabel,
  relationshipRoles,
  type RelationshipKind,
  type RelationshipSide,
} from '../../../../shared/relationships/kinds';
import { MAX_RELATIONSHIP_NOTE, type RelatedContact } from '../../../../shared/relationships/schemas';
import type { RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';
import { useRapportQuery } from '../../api/hooks';
import { showUndoNotice } from '../../app/undoNotice';
import { ContactPicker } from '../contacts/ContactPicker';
import type { PickedContact } from '../journal/ParticipantPicker';

const roleValue = (kind: RelationshipKind, side: RelationshipSide) => `${kind}:${side}`;
const roleOptions = relationshipRoles.map((r) => ({ value: roleValue(r.kind, r.side), label: r.label }));

/** A relationship form's error, if any, and its Cancel and save buttons. */
function FormFooter(props: {
  error: string | null;
  busy: boolean;
  onCancel(): void;
  onSave(): Promise<void>;
  saveLabel: string;
}) {
  return (
    <>
      {props.error && (
        <Alert color="red" role="alert">
          {props.error}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button size="xs" loading={props.busy} onClick={() => void props.onSave()}>
          {props.saveLabel}
        </Button>
      </Group>
    </>
  );
}

function AddRelationshipForm({ contactId, onDone }: { contactId: number; onDone(): void }) {
  const [role, setRole] = useState<string | null>(roleOptions[0].value);
  const [other, setOther] = useState<PickedContact | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const write = useWrite('relationships');

  const save = async () => {
    const picked = relationshipRoles.find((r) => roleValue(r.kind, r.side) === role);
    if (!picked || !other) {
      setError('Choose how they are related and to whom.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ends = relationshipEnds(picked.side, contactId, other.contactId);
      await write('relationships:add', { ...ends, kind: picked.kind, note });
      onDone();
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="relationship-form">
      <Group grow align="flex-start">
        <Select
          label="They…"
          data={roleOptions}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
        <ContactPicker label="Who" value={other} onChange={setOther} exclude={contactId} />
      </Group>
      <TextInput
        label="Note"
        placeholder="Optional: where, when, how"
        value={note}
        maxLength={MAX_RELATIONSHIP_NOTE}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <FormFooter error={error} busy={busy} onCancel={onDone} onSave={save} saveLabel="Add relationship" />
    </Stack>
  );
}

function NoteEditor({ item, onDone }: { item: RelatedContact; onDone(): void }) {
  const write = useWrite('relationships');
  const [note, setNote] = useState(item.note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `${relationshipLabel(item.kind, item.side)} ${item.other.displayName}`;
  const save = async () => {
    const before = item.note;
    setBusy(true);
    setError(null);
    try {
      const saved = await write('relationships:setNote', { id: item.id, note });
      onDone();
      if (saved.note === before) return;
      showUndoNotice({
        id: `relationship-note-${item.id}`,
        message: saved.note ? `Note on “${label}” saved.` : `Note on “${label}” cleared.`,
        autoClose: 8000,
        undoLabel: 'Undo',
        undo: () => write('relationships:setNote', { id: item.id, note: before }),
        undone: `The note on “${label}” is as it was.`,
      });
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} data-testid="relationship-note-editor">
      <TextInput
        size="xs"
        aria-label={`Note: ${label}`}
        placeholder="Where, when, how; blank for none"
        value={note}
        maxLength={MAX_RELATIONSHIP_NOTE}
        onChange={(e) => setNote(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') onDone();
        }}
        data-autofocus
        autoFocus
      />
      <FormFooter error={error} busy={busy} onCancel={onDone} onSave={save} saveLabel="Save note" />
    </Stack>
  );
}

function RelationshipRow({ item }: { item: RelatedContact }) {
  const write = useWrite('relationships');
  const [editing, setEditing] = useState(false);
  const label = relationshipLabel(item.kind, item.side);
  const remove = async () => {
    const removed = await write('relationships:remove', { id: item.id });
    const { fromId, toId, kind, note } = removed;
    showUndoNotice({
      id: `relationship-removed-${removed.id}`,
      message: `Removed “${label} ${item.other.displayName}”.`,
      autoClose: 8000,
      undoLabel: 'Undo',
      undo: () => write('relationships:add', { fromId, toId, kind, note }),
      undone: `“${label} ${item.other.displayName}” is back.`,
    });
  };
  return (
    <Stack gap={4} data-testid="relationship-row">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <ContactAvatarById contactId={item.other.id} name={item.other.displayName} size={24} aria-hidden />
          <Text size="sm">
            <Text span c="dimmed">
              {label}
            </Text>{' '}
            <Anchor component={Link} to={`/contacts/${item.other.id}`}>
              {item.other.displayName}
            </Anchor>
            {item.other.organisation && (
              <Text span c="dimmed">
                {' '}
                · {item.other.organisation}
              </Text>
            )}
            {item.other.archived && (
              <Text span c="dimmed">
                {' '}
                (archived)
              </Text>
            )}
            {item.note && (
              <Text span c="dimmed" fs="italic">
                {' '}
                — {item.note}
              </Text>
            )}
          </Text>
        </Group>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Change note: ${label} ${item.other.displayName}`}
            onClick={() => setEditing((open) => !open)}
          >
            ✎
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove: ${label} ${item.other.displayName}`}
            onClick={() =>
              void remove().catch((e: RapportError) =>
                notifications.show({ message: e.message, color: 'red' }),
              )
            }
          >
            ×
          </ActionIcon>
        </Group>
      </Group>
      {editing && <NoteEditor item={item} onDone={() => setEditing(false)} />}
    </Stack>
  );
}

/** Who this contact is related to (introduced by, reports to, mentors, works with, knows), from their side. */
export function RelationshipsSection({ contactId }: { contactId: number }) {
  const related = useRapportQuery('relationships:list', { contactId });
  const [adding, setAdding] = useState(false);
  const items = related.data ?? [];
  return (
    <Card withBorder data-testid="contact-relationships">
      <Group justify="space-between" mb={items.length > 0 || adding ? 'xs' : 0}>
        <Text fw={600}>Relationships</Text>
        {!adding && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add relationship
          </Button>
        )}
      </Group>
      {related.isError && (
        <Alert color="red" title="Could not load relationships">
          {related.error.message}
        </Alert>
      )}
      {items.length === 0 && !adding && related.isSuccess && (
        <Text size="sm" c="dimmed">
          Who introduced you, who they report to, mentor or work with: none recorded yet.
        </Text>
      )}
      <Stack gap={4}>
        {items.map((item) => (
          <RelationshipRow key={item.id} item={item} />
        ))}
      </Stack>
      {adding && (
        <Stack mt={items.length > 0 ? 'sm' : 0}>
          <AddRelationshipForm contactId={contactId} onDone={() => setAdding(false)} />
        </Stack>
      )}
    </Card>
  );
}
