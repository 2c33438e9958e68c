import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PickedContact } from '../journal/ParticipantPicker';
import { ContactForm } from './ContactForm';
import { ContactPicker } from './ContactPicker';
import { useContactWrite } from './useContactMutations';

export function NewContactPage() {
  const navigate = useNavigate();
  const write = useContactWrite();
  // Who introduced them, recorded as a relationship with the new contact in the same write.
  const [introducer, setIntroducer] = useState<PickedContact | null>(null);
  return (
    <Stack gap="md">
      <Title order={2}>New contact</Title>
      <ContactForm
        submitLabel="Create contact"
        save={(fields) => write('contacts:create', { ...fields, introducedBy: introducer?.contactId })}
        onSaved={(contact) => {
          notifications.show({ message: `${contact.displayName} added.`, color: 'green' });
          void navigate(`/contacts/${contact.id}`, { replace: true });
        }}
        onCancel={() => void navigate(-1)}
        howWeMetExtra={<ContactPicker label="Introduced by" value={introducer} onChange={setIntroducer} />}
      />
    </Stack>
  );
}
