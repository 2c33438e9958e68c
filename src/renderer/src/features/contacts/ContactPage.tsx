import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../../shared/contacts/schemas';
import { lastContactText } from '../../../../shared/text/since';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { EmptyState } from '../../app/EmptyState';
import { StrengthMeter } from '../strength/StrengthMeter';
import { layerShort } from '../strength/labels';
import { ContactDetails } from './ContactDetails';
import { ContactExtensions } from './extensions';
import { NewJobNotice } from './NewJobNotice';
import { ContactForm } from './ContactForm';
import { ContactPhotoMenu } from './ContactPhotoMenu';
import { useContactWrite } from './useContactMutations';

function DeleteContactButton({ contact }: { contact: Contact }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const write = useContactWrite();

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await write('contacts:delete', { id: contact.id });
      close();
      notifications.show({ message: `${contact.displayName} deleted.` });
      void navigate('/contacts', { replace: true });
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete ${contact.displayName}?`} centered>
        <Stack>
          <Text size="sm">
            This removes {contact.displayName} and their emails, phones, links and tags for good, and takes
            them off every interaction they were part of. Archiving keeps everything instead.
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              Delete for good
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ContactScreen({ contact }: { contact: Contact }) {
  const [editing, setEditing] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const write = useContactWrite();

  const toggleArchived = async () => {
    setArchiveError(null);
    try {
      const updated = await write('contacts:setArchived', { id: contact.id, archived: !contact.archived });
      notifications.show({
        message: `${updated.displayName} ${updated.archived ? 'archived' : 'restored'}.`,
      });
    } catch (e) {
      setArchiveError((e as RapportError).message);
    }
  };

  const subtitle = [[contact.title, contact.organisation].filter(Boolean).join(' at '), contact.location]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Group gap="md" wrap="nowrap">
          <ContactPhotoMenu contact={contact} />
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2}>{contact.displayName}</Title>
              {contact.archived && <Badge color="gray">Archived</Badge>}
            </Group>
            {subtitle && <Text c="dimmed">{subtitle}</Text>}
            <Closeness contactId={contact.id} />
          </Stack>
        </Group>
        {!editing && (
          <Group gap="xs">
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <Button variant="default" onClick={() => void toggleArchived()}>
              {contact.archived ? 'Unarchive' : 'Archive'}
            </Button>
            <DeleteContactButton contact={contact} />
          </Group>
        )}
      </Group>
      {archiveError && (
        <Alert color="red" role="alert">
          {archiveError}
        </Alert>
      )}
      {!contact.archived && <NewJobNotice contactId={contact.id} displayName={contact.displayName} />}
      {editing ? (
        <ContactForm
          contact={contact}
          submitLabel="Save changes"
          save={(fields, jobChange) => write('contacts:update', { id: contact.id, fields, jobChange })}
          onSaved={(saved) => {
            setEditing(false);
            notifications.show({ message: `${saved.displayName} saved.`, color: 'green' });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <ContactDetails contact={contact} />
      )}
      <ContactExtensions contactId={contact.id} />
    </Stack>
  );
}

/** The heading's one line on the relationship: layer meter, layer, and when you last met. */
function Closeness({ contactId }: { contactId: number }) {
  // The same query as the strength panel below, so it is asked once.
  const detail = useRapportQuery('strength:contact', { contactId });
  if (!detail.data) return null;
  const { layer, t, trend, lastAt } = detail.data.row;
  return (
    <Group gap={6} data-testid="contact-closeness">
      <StrengthMeter layer={layer} t={t} trend={trend} />
      <Text size="sm" c="dimmed">
        {layerShort[layer]} · {lastContactText(lastAt, new Date())}
      </Text>
    </Group>
  );
}

/** /contacts/:id — every field, editable in place, then the sections other features add. */
export function ContactPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  const valid = Number.isInteger(id) && id > 0;
  const contact = useRapportQuery('contacts:get', { id }, { enabled: valid });

  if (!valid || contact.error?.code === 'NOT_FOUND') {
    return (
      <EmptyState
        title="No such contact"
        text="It may have been deleted. Find people from the Contacts list."
      />
    );
  }
  if (contact.isPending) return <Loader aria-label="Loading contact" />;
  if (contact.isError) {
    return (
      <Alert color="red" title="Could not load this contact">
        {contact.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/contacts" size="sm">
        ← Contacts
      </Anchor>
      {/* Keyed so that switching contacts resets the edit state. */}
      <ContactScreen key={contact.data.id} contact={contact.data} />
    </Stack>
  );
}
