import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { circles } from '../../../../shared/contacts/schemas';
import type { CadenceDefaults } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { useJournalWrite } from './useJournal';

/** Keep-in-touch days per circle; an empty field means no reminders for that circle. */
export function CadenceSection() {
  const stored = useRapportQuery('reconnect:getDefaults', {});
  const write = useJournalWrite();
  const [values, setValues] = useState<CadenceDefaults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (stored.data) setValues(stored.data);
  }, [stored.data]);
  if (!values) return null;

  const save = async () => {
    setError(null);
    try {
      await write('reconnect:setDefaults', { defaults: values });
      notifications.show({ message: 'Keep-in-touch defaults saved.', color: 'green' });
    } catch (e) {
      setError((e as RapportError).message);
    }
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {circles.map((circle) => (
          <NumberInput
            key={circle}
            label={circle}
            placeholder="No reminders"
            min={1}
            max={3650}
            suffix=" days"
            value={values[circle] ?? ''}
            onChange={(v) => setValues({ ...values, [circle]: typeof v === 'number' ? v : null })}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        A contact in several circles follows the shortest. A contact's own setting (on their page) wins.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button onClick={() => void save()}>Save</Button>
      </Group>
    </Stack>
  );
}
