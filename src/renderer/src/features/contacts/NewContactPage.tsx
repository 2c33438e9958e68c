import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { ContactForm } from './ContactForm';
import { useContactWrite } from './useContactMutations';

export function NewContactPage() {
  const navigate = useNavigate();
  const write = useContactWrite();
  return (
    <Stack gap="md">
      <Title order={2}>New contact</Title>
      <ContactForm
        submitLabel="Create contact"
        save={(fields) => write('contacts:create', fields)}
        onSaved={(contact) => {
          notifications.show({ message: `${contact.displayName} added.`, color: 'green' });
          void navigate(`/contacts/${contact.id}`, { replace: true });
        }}
        onCancel={() => void navigate(-1)}
      />
    </Stack>
  );
}
