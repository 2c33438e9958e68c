import { Alert, Button, Group, Loader, Stack, TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { isEmail, normalizeEmail } from '../../../../shared/text/email';

function SelfEmailsEditor({ saved }: { saved: string[] }) {
  const client = useQueryClient();
  const [emails, setEmails] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = emails.filter((email) => !isEmail(normalizeEmail(email)));
  const unchanged = emails.length === saved.length && emails.every((e, i) => e === saved[i]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const stored = await call('settings:setSelfEmails', { emails });
      setEmails(stored);
      await client.invalidateQueries({ queryKey: ['settings'] });
      notifications.show({ message: 'Your email addresses are saved.', color: 'green' });
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <TagsInput
        aria-label="My email addresses"
        placeholder="you@work.example — press Enter after each"
        value={emails}
        onChange={setEmails}
        splitChars={[',', ' ', ';']}
        clearable
        error={invalid.length > 0 ? `Not an email address: ${invalid.join(', ')}` : undefined}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={unchanged || invalid.length > 0}>
          Save addresses
        </Button>
      </Group>
    </Stack>
  );
}

export function SelfEmailsSection() {
  const saved = useRapportQuery('settings:getSelfEmails', {});
  if (saved.isPending) return <Loader size="sm" />;
  if (saved.isError) return <Alert color="red">{saved.error.message}</Alert>;
  // Keyed by the stored list so the editor restarts from it after every save elsewhere.
  return <SelfEmailsEditor key={saved.data.join('\n')} saved={saved.data} />;
}
