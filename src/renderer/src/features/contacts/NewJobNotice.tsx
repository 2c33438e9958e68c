import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { sinceText } from '../../../../shared/text/since';
import { useRapportQuery } from '../../api/hooks';
import { congratulate, EntryModal, type EntryTarget } from '../journal/EntryModal';

/**
 * A move of theirs recorded lately and not yet followed by a contact: said on their page, with
 * the dashboard's Congratulate, so it is not missed by someone who comes here from search.
 */
export function NewJobNotice({ contactId, displayName }: { contactId: number; displayName: string }) {
  const newJob = useRapportQuery('contacts:newJob', { id: contactId });
  const [target, setTarget] = useState<EntryTarget>(null);
  const move = newJob.data;
  if (!move || move.inTouchSince) return null;
  return (
    <Alert color="grape" variant="light" title="New job">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {move.title} · {sinceText(new Date(move.at), new Date())}
        </Text>
        <Button
          size="xs"
          variant="light"
          color="grape"
          onClick={() => setTarget(congratulate({ contactId, displayName }))}
          aria-label={`Log a congratulation to ${displayName}`}
        >
          Congratulate
        </Button>
      </Group>
      <EntryModal target={target} onClose={() => setTarget(null)} />
    </Alert>
  );
}
