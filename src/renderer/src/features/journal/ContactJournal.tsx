import { Alert, Badge, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { KeepInTouchStatus } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { EntryModal, type EntryTarget } from './EntryModal';
import { QuickLog } from './QuickLog';
import { useJournalWrite, useTimelinePages } from './useJournal';
import { VirtualEntries } from './VirtualEntries';

function keepInTouchText(s: KeepInTouchStatus): string {
  const last = s.lastContactAt
    ? `Last contact ${new Date(s.lastContactAt).toLocaleDateString()}`
    : 'No contact logged yet';
  if (s.cadenceDays === null) return `${last}. No reminders.`;
  const due = s.dueAt ? new Date(s.dueAt).toLocaleDateString() : '';
  const from = s.cadenceSource === 'contact' ? 'set for this contact' : 'from their circle';
  return `${last}. Every ${s.cadenceDays} days (${from}); due ${due}.`;
}

/** Keep-in-touch status, with the cadence and snooze controls. */
function KeepInTouch({ contactId }: { contactId: number }) {
  const status = useRapportQuery('reconnect:status', { contactId });
  const write = useJournalWrite();
  const [error, setError] = useState<string | null>(null);
  if (!status.data) return null;
  const s = status.data;
  const run = (p: Promise<unknown>) => void p.catch((e: RapportError) => setError(e.message));
  const snoozed = s.snoozedUntil && s.snoozedUntil > new Date().toISOString();
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" data-testid="keep-in-touch">
        {keepInTouchText(s)}
        {snoozed && ` Snoozed until ${new Date(s.snoozedUntil!).toLocaleDateString()}.`}
        {s.overdueRatio !== null && s.overdueRatio >= 1 && (
          <Badge ml="xs" color="orange" size="sm">
            Overdue
          </Badge>
        )}
      </Text>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="default">
            Keep in touch…
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {[14, 30, 60, 90, 180].map((days) => (
            <Menu.Item
              key={days}
              onClick={() => run(write('reconnect:setContactCadence', { contactId, cadence: days }))}
            >
              Every {days} days
            </Menu.Item>
          ))}
          <Menu.Item
            onClick={() => run(write('reconnect:setContactCadence', { contactId, cadence: 'default' }))}
          >
            As their circle
          </Menu.Item>
          <Menu.Item
            onClick={() => run(write('reconnect:setContactCadence', { contactId, cadence: 'none' }))}
          >
            Never remind me
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => run(write('reconnect:snooze', { contactId, days: 7 }))}>
            Snooze a week
          </Menu.Item>
          <Menu.Item onClick={() => run(write('reconnect:snooze', { contactId, days: 30 }))}>
            Snooze a month
          </Menu.Item>
          {snoozed && (
            <Menu.Item onClick={() => run(write('reconnect:snooze', { contactId, days: 0 }))}>
              Wake up
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {error && <Alert color="red">{error}</Alert>}
    </Group>
  );
}

/** The contact page's journal: keep-in-touch status, quick log and the timeline. */
export function ContactJournal({ contactId }: { contactId: number }) {
  const timeline = useTimelinePages(contactId);
  const contact = useRapportQuery('contacts:get', { id: contactId });
  const [target, setTarget] = useState<EntryTarget>(null);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Timeline</Title>
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setTarget({
                preset: contact.data ? [{ contactId, displayName: contact.data.displayName }] : [],
              })
            }
          >
            Log an interaction
          </Button>
        </Group>
        <KeepInTouch contactId={contactId} />
        <QuickLog contactId={contactId} />
        {timeline.error && <Alert color="red">{timeline.error.message}</Alert>}
        {timeline.isSuccess && timeline.total === 0 ? (
          <Text c="dimmed" size="sm">
            Nothing logged with this person yet.
          </Text>
        ) : (
          <VirtualEntries
            label="Timeline"
            items={timeline.items}
            hasMore={timeline.hasNextPage}
            loadingMore={timeline.isFetchingNextPage}
            loadMore={() => void timeline.fetchNextPage()}
            onOpen={(id) => setTarget({ id })}
            height={Math.min(520, 40 + timeline.total * 72 + 34 * 6)}
          />
        )}
      </Stack>
      <EntryModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
