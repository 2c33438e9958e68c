import { Alert, Card, Group, Stack, Text } from '@mantine/core';
import { localDate } from '../../../../shared/journal/quickLog';
import { useRapportQuery } from '../../api/hooks';
import { AddFollowUp } from './AddFollowUp';
import { FollowUpRow } from './FollowUpRow';

/** The next steps with this person: open ones by due date, the last few done, and a line to add one. */
export function FollowUpsSection({ contactId }: { contactId: number }) {
  const open = useRapportQuery('followups:list', { contactId });
  const done = useRapportQuery('followups:list', { contactId, status: 'done', limit: 5 });
  const today = localDate(new Date());
  return (
    <Card withBorder data-testid="contact-follow-ups">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Follow-ups</Text>
          {open.data && open.data.total > 0 && (
            <Text size="sm" c="dimmed">
              {open.data.total} open
            </Text>
          )}
        </Group>
        {open.isError && <Alert color="red">{open.error.message}</Alert>}
        <Stack gap={4} aria-label="Open follow-ups">
          {open.data?.items.map((item) => (
            <FollowUpRow key={item.id} item={item} today={today} />
          ))}
        </Stack>
        <AddFollowUp contactId={contactId} hotkey />
        {done.data && done.data.total > 0 && (
          <Stack gap={4} aria-label="Done follow-ups">
            <Text size="xs" c="dimmed">
              Done ({done.data.total})
            </Text>
            {done.data.items.map((item) => (
              <FollowUpRow key={item.id} item={item} today={today} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
