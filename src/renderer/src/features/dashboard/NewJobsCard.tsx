import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';
import { showUndoNotice } from '../../app/undoNotice';
import { JOB_CHANGE_WINDOW_DAYS, type RecentJobChange } from '../../../../shared/journal/views';
import { sinceText } from '../../../../shared/text/since';
import { ContactAvatar } from '../contacts/ContactAvatar';

/**
 * People whose job changed lately (a LinkedIn re-import or an edit said so): the best reason there
 * is to get in touch, so each row offers to log it, until someone is.
 */
export function NewJobsCard({
  jobChanges,
  waiting,
  onLog,
}: {
  jobChanges: RecentJobChange[];
  /** All those not yet followed by a contact, listed or not. */
  waiting: number;
  onLog(change: RecentJobChange): void;
}) {
  const write = useWrite();
  if (jobChanges.length === 0) return null;
  const now = new Date();
  // Seen, and nothing to do about it: off the card and the morning reminder, still on the timeline.
  const dismiss = (j: RecentJobChange) =>
    void write('dashboard:dismissJobChange', { interactionId: j.interactionId }).then(
      () =>
        showUndoNotice({
          id: `job-change-dismissed-${j.interactionId}`,
          message: `${j.displayName}'s new job dismissed.`,
          autoClose: 8000,
          undoLabel: 'Undo',
          undo: () =>
            write('dashboard:dismissJobChange', { interactionId: j.interactionId, dismissed: false }),
          undone: `${j.displayName}'s new job is back.`,
        }),
      (e: RapportError) => notifications.show({ message: e.message, color: 'red' }),
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>New jobs</Title>
          <Text size="sm" c="dimmed">
            last {JOB_CHANGE_WINDOW_DAYS} days{waiting > 0 ? ` · ${waiting} to congratulate` : ''}
          </Text>
        </Group>
        <Stack gap={8} aria-label="New jobs">
          {jobChanges.map((j) => (
            <Group key={j.contactId} gap="sm" wrap="nowrap" data-contact-id={j.contactId}>
              <ContactAvatar
                contact={{ id: j.contactId, displayName: j.displayName, photo: j.photo }}
                size={32}
                aria-hidden
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" truncate>
                  <Link to={`/contacts/${j.contactId}`}>{j.displayName}</Link>
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {j.title} · {sinceText(new Date(j.at), now)}
                </Text>
              </div>
              {j.inTouchSince ? (
                <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                  In touch since
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onLog(j)}
                  aria-label={`Log a congratulation to ${j.displayName}`}
                >
                  Congratulate
                </Button>
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => dismiss(j)}
                aria-label={`Dismiss ${j.displayName}'s new job`}
                title="Dismiss: not news to act on"
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
