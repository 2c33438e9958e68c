import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DuplicatePair, DuplicateReason } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatarById } from '../contacts/ContactAvatarById';
import { useJournalWrite } from '../journal/useJournal';
import { MergePanel } from './MergePanel';
import { useMerge } from './useMerge';
import { count } from '../../../../shared/text/count';

const reasonLabels: Record<DuplicateReason, string> = {
  email: 'same mailbox',
  phone: 'same phone',
  'same-name': 'same name',
  'similar-name': 'similar name',
};

/** One of the two: their face (two photos of one face say more than two names), name and details. */
function Side({ side }: { side: DuplicatePair['a'] }) {
  return (
    <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
      <ContactAvatarById contactId={side.id} name={side.displayName} size={36} aria-hidden />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={500} truncate>
          {side.displayName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {[side.organisation, side.emails.join(', '), count(side.interactionCount, 'interaction')]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}

/** Likely duplicate pairs, each with why; merge side by side, or say they are different people. */
export function DuplicatesView() {
  const pairs = useRapportQuery('duplicates:list', {});
  const write = useJournalWrite();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  const merge = useMerge(() => setMerging(null));

  return (
    <Stack gap="md">
      <Title order={2}>Duplicates</Title>
      <Text size="sm" c="dimmed">
        People who may be the same person: a shared mailbox or phone number, the same name written
        differently, or names that are close.
      </Text>
      {pairs.isPending && <Loader />}
      {pairs.isError && <Alert color="red">{pairs.error.message}</Alert>}
      {pairs.isSuccess && pairs.data.length === 0 && <Text>No likely duplicates.</Text>}
      {pairs.data?.map((p) => (
        <Card key={`${p.a.id}-${p.b.id}`} withBorder padding="sm" data-testid="duplicate-pair">
          <Group wrap="nowrap" gap="md">
            <Side side={p.a} />
            <Side side={p.b} />
            <Group gap={4}>
              {p.reasons.map((r) => (
                <Badge key={r} variant="light" size="sm">
                  {reasonLabels[r]}
                </Badge>
              ))}
            </Group>
            <Button size="xs" onClick={() => setMerging(p)}>
              Merge…
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() =>
                void write('duplicates:dismiss', { aId: p.a.id, bId: p.b.id }).catch((e: RapportError) =>
                  notifications.show({ message: e.message, color: 'red' }),
                )
              }
            >
              Not the same
            </Button>
          </Group>
        </Card>
      ))}
      <Modal opened={merging !== null} onClose={() => setMerging(null)} title="Merge contacts" size="xl">
        {merging && (
          <MergePanel aId={merging.a.id} bId={merging.b.id} merge={merge} onCancel={() => setMerging(null)} />
        )}
      </Modal>
    </Stack>
  );
}
