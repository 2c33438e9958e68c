import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { localDate } from '../../../../shared/journal/quickLog';
import { AddFollowUp } from './AddFollowUp';
import { FollowUpRow } from './FollowUpRow';
import { useOpenFollowUps } from './useOpenFollowUps';

/** How many the card lists; the rest are counted. */
const SHOWN = 8;

/** The dashboard's open follow-ups with everyone, most urgent first. */
export function FollowUpsCard() {
  const open = useOpenFollowUps();
  const today = localDate(new Date());
  return (
    <Card withBorder data-testid="follow-ups-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Follow-ups</Title>
          {open.data && (
            <Text size="sm" c="dimmed">
              {open.data.total} open
            </Text>
          )}
        </Group>
        {open.isError && <Alert color="red">{open.error.message}</Alert>}
        {open.data?.total === 0 && (
          <Text c="dimmed" size="sm">
            Nothing to follow up. Add the next step with someone here or on their page.
          </Text>
        )}
        <Stack gap={4} aria-label="Follow-ups">
          {open.data?.items.slice(0, SHOWN).map((item) => (
            <FollowUpRow key={item.id} item={item} today={today} withContact />
          ))}
        </Stack>
        <AddFollowUp />
      </Stack>
    </Card>
  );
}
