import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Interaction } from '../../../../shared/journal/schemas';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { showUndoNotice } from '../../app/undoNotice';
import { displayTitle, durationLabel, formatWhen, kindLabel, sourceLabel } from './format';
import { InteractionForm } from './InteractionForm';
import { NotesMarkdown } from './NotesMarkdown';
import type { PickedContact } from './ParticipantPicker';
import { useJournalWrite } from './useJournal';

/** Deletes an entry and offers to put it back for a few seconds. */
export function useDeleteWithUndo() {
  const write = useJournalWrite();
  return async (entry: Interaction) => {
    const { undoToken } = await write('journal:delete', { id: entry.id });
    showUndoNotice({
      id: `deleted-${entry.id}`,
      message: `“${displayTitle(entry)}” deleted.`,
      autoClose: 8000,
      undoLabel: 'Undo',
      undo: () => write('journal:undoDelete', { token: undoToken }),
      undone: 'Entry restored.',
    });
  };
}

/** Where an imported entry came from, and what happens to the user's changes when it comes again. */
function EntryOrigin({ entry }: { entry: Interaction }) {
  if (entry.source === 'manual') return null;
  const text =
    entry.source === 'ics'
      ? `From your calendar${entry.calendar ? ` “${entry.calendar}”` : ''}. What you change here stays as you leave it when you import the calendar again.`
      : `From your ${sourceLabel(entry.source)} import.`;
  return (
    <Text size="xs" c="dimmed" data-testid="entry-origin">
      {text}
    </Text>
  );
}

function EntryDetails({
  entry,
  onEdit,
  onDeleted,
}: {
  entry: Interaction;
  onEdit(): void;
  onDeleted(): void;
}) {
  const remove = useDeleteWithUndo();
  const [error, setError] = useState<string | null>(null);
  const listed = entry.participants.filter((p) => p.role !== 'mentioned');
  const mentioned = entry.participants.filter((p) => p.role === 'mentioned');
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light">{kindLabel(entry.kind)}</Badge>
        <Text size="sm" c="dimmed">
          {[formatWhen(entry.startsAt, entry.allDay), durationLabel(entry.durationMinutes), entry.location]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
      {listed.length > 0 && (
        <Text size="sm">
          With{' '}
          {listed.map((p, i) => (
            <span key={p.contactId}>
              {i > 0 && ', '}
              <Link to={`/contacts/${p.contactId}`}>{p.displayName}</Link>
            </span>
          ))}
        </Text>
      )}
      {mentioned.length > 0 && (
        <Text size="xs" c="dimmed">
          Mentions {mentioned.map((p) => p.displayName).join(', ')}
        </Text>
      )}
      {entry.notes ? <NotesMarkdown notes={entry.notes} /> : <Text c="dimmed">No notes.</Text>}
      <EntryOrigin entry={entry} />
      {entry.tags.length > 0 && (
        <Group gap={4}>
          {entry.tags.map((t) => (
            <Badge key={t} variant="outline" size="sm">
              {t}
            </Badge>
          ))}
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          color="red"
          variant="light"
          onClick={() => {
            remove(entry).then(onDeleted, (e: RapportError) => setError(e.message));
          }}
        >
          Delete
        </Button>
        <Button onClick={onEdit}>Edit</Button>
      </Group>
    </Stack>
  );
}

function ExistingEntry({ id, onClose }: { id: number; onClose(): void }) {
  const entry = useRapportQuery('journal:get', { id });
  const [editing, setEditing] = useState(false);
  const write = useJournalWrite();
  if (entry.isPending) return <Loader />;
  if (entry.isError) return <Alert color="red">{entry.error.message}</Alert>;
  return editing ? (
    <InteractionForm
      entry={entry.data}
      save={(fields) => write('journal:update', { id, fields })}
      onSaved={() => {
        setEditing(false);
        notifications.show({ message: 'Entry saved.', color: 'green' });
      }}
      onCancel={() => setEditing(false)}
    />
  ) : (
    <EntryDetails entry={entry.data} onEdit={() => setEditing(true)} onDeleted={onClose} />
  );
}

export type EntryTarget = { id: number } | { preset: PickedContact[] } | null;

/** Shows an entry (with edit and delete), or the form for a new one. */
export function EntryModal({ target, onClose }: { target: EntryTarget; onClose(): void }) {
  const write = useJournalWrite();
  const title = target === null ? '' : 'id' in target ? 'Journal entry' : 'Log an interaction';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {target !== null &&
        ('id' in target ? (
          <ExistingEntry id={target.id} onClose={onClose} />
        ) : (
          <InteractionForm
            preset={target.preset}
            save={(fields, followUp) => write('journal:create', { ...fields, followUp })}
            onSaved={() => {
              onClose();
              notifications.show({ message: 'Logged.', color: 'green' });
            }}
            onCancel={onClose}
          />
        ))}
    </Modal>
  );
}
