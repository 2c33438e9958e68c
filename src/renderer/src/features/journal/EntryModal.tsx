import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Interaction, UserEditablePart } from '../../../../shared/journal/schemas';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { showUndoNotice } from '../../app/undoNotice';
import { displayTitle, durationLabel, formatWhen, kindLabel, sourceLabel } from './format';
import { InteractionForm, type EntryDraft } from './InteractionForm';
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

/** How the entry's origin line names each part the user made their own. */
const partLabels: Record<UserEditablePart, string> = {
  notes: 'notes',
  kind: 'kind',
  title: 'title',
  location: 'place',
  time: 'time',
  initiator: 'who reached out',
  people: 'who was there',
};

/** "kind, title and place" */
function listed(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Where an imported entry came from, and what happens to the user's changes when it comes again;
 * once they changed something, a button hands it back to the calendar.
 */
function EntryOrigin({ entry }: { entry: Interaction }) {
  const write = useJournalWrite();
  const [error, setError] = useState<string | null>(null);
  if (entry.source === 'manual') return null;
  if (entry.source !== 'ics') {
    return (
      <Text size="xs" c="dimmed" data-testid="entry-origin">
        From your {sourceLabel(entry.source)} import.
      </Text>
    );
  }
  const from = `From your calendar${entry.calendar ? ` “${entry.calendar}”` : ''}.`;
  if (entry.changedByYou.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="entry-origin">
        {from} What you change here stays as you leave it when you import the calendar again.
      </Text>
    );
  }
  const parts = listed(entry.changedByYou.map((p) => partLabels[p]));
  return (
    <Group gap="xs" data-testid="entry-origin">
      <Text size="xs" c="dimmed">
        {from} You changed its {parts} here: imports of the calendar leave{' '}
        {entry.changedByYou.length === 1 ? 'it' : 'them'} as you left{' '}
        {entry.changedByYou.length === 1 ? 'it' : 'them'}.
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => {
          write('journal:returnToCalendar', { id: entry.id }).then(
            () => notifications.show({ message: 'The next import of the calendar updates all of it.' }),
            (e: RapportError) => setError(e.message),
          );
        }}
      >
        Let the calendar update it
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Group>
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
      <Text fw={600} size="lg">
        {displayTitle(entry)}
      </Text>
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

export type EntryTarget = { id: number } | { preset: PickedContact[]; draft?: EntryDraft } | null;

/** The form for a note to someone on their new job, from New jobs or their page: a message. */
export function congratulate(person: PickedContact): EntryTarget {
  return { preset: [person], draft: { kind: 'message', title: 'Congratulations on the new role' } };
}

/** The form for a message on someone's birthday (`occasion` null) or one of their important dates. */
export function wishWell(person: PickedContact, occasion: string | null): EntryTarget {
  return {
    preset: [person],
    draft: { kind: 'message', title: occasion === null ? 'Happy birthday' : `${occasion}: best wishes` },
  };
}

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
            draft={target.draft}
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
