import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { dueText, type DueState } from '../../../../shared/followUps/due';
import type { FollowUp } from '../../../../shared/followUps/schemas';
import {
  snoozeChoices,
  snoozedUntil,
  snoozeLabels,
  type SnoozeChoice,
} from '../../../../shared/followUps/snooze';
import type { RapportError } from '../../api/client';
import { showUndoNotice } from '../../app/undoNotice';
import { useWrite } from '../../api/useWrite';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { FollowUpEditor } from './FollowUpEditor';

const dueColors: Record<DueState, string> = {
  overdue: 'red',
  today: 'orange',
  soon: 'yellow',
  later: 'gray',
  undated: 'gray',
};

const failed = (e: RapportError) => notifications.show({ message: e.message, color: 'red' });

/**
 * One follow-up: tick it done, snooze it, edit or delete it (each with undo where it loses
 * something), see when it is due, and, with `withContact`, whose it is.
 */
export function FollowUpRow({
  item,
  today,
  withContact = false,
}: {
  item: FollowUp;
  today: string;
  withContact?: boolean;
}) {
  const write = useWrite('followups');
  const [editing, setEditing] = useState(false);
  const done = item.doneAt !== null;
  const due = dueText(item.dueOn, today);

  const toggle = () =>
    void write('followups:setDone', { id: item.id, done: !done }).then(() => {
      if (done) return;
      showUndoNotice({
        id: `follow-up-done-${item.id}`,
        message: `Done: “${item.text}”.`,
        autoClose: 8000,
        undoLabel: 'Undo',
        undo: () => write('followups:setDone', { id: item.id, done: false }),
        undone: `“${item.text}” is open again.`,
      });
    }, failed);

  const remove = () =>
    void write('followups:delete', { id: item.id }).then(
      (removed) =>
        showUndoNotice({
          id: `follow-up-deleted-${removed.id}`,
          message: `Deleted “${removed.text}”.`,
          autoClose: 8000,
          undoLabel: 'Undo',
          undo: () => {
            const { contactName: _name, contactPhoto: _photo, ...row } = removed;
            return write('followups:restore', row);
          },
          undone: `“${removed.text}” is back.`,
        }),
      failed,
    );

  const snooze = (choice: SnoozeChoice) => {
    const dueOn = snoozedUntil(choice, today);
    void write('followups:update', { id: item.id, dueOn }).then(
      () =>
        showUndoNotice({
          id: `follow-up-snoozed-${item.id}-${dueOn}`,
          message: `Snoozed “${item.text}” to ${dueOn}.`,
          autoClose: 8000,
          undoLabel: 'Undo',
          undo: () => write('followups:update', { id: item.id, dueOn: item.dueOn }),
          undone:
            item.dueOn === null
              ? `“${item.text}” has no date again.`
              : `“${item.text}” is due ${item.dueOn} again.`,
        }),
      failed,
    );
  };

  if (editing) return <FollowUpEditor item={item} onClose={() => setEditing(false)} />;
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="follow-up">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Checkbox checked={done} onChange={toggle} aria-label={`${done ? 'Reopen' : 'Done'}: ${item.text}`} />
        {withContact && (
          <ContactAvatar
            contact={{ id: item.contactId, displayName: item.contactName, photo: item.contactPhoto }}
            size={22}
            aria-hidden
            data-testid="follow-up-face"
          />
        )}
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined} truncate>
            {item.text}
          </Text>
          {withContact && (
            <Anchor component={Link} to={`/contacts/${item.contactId}`} size="xs" truncate>
              {item.contactName}
            </Anchor>
          )}
        </Stack>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {!done && item.dueOn !== null && (
          <Badge variant="light" color={dueColors[due.state]} title={item.dueOn}>
            {due.text}
          </Badge>
        )}
        {!done && (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More: ${item.text}`}>
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Snooze until</Menu.Label>
              {snoozeChoices.map((choice) => (
                <Menu.Item key={choice} onClick={() => snooze(choice)}>
                  {snoozeLabels[choice]} ({snoozedUntil(choice, today)})
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => setEditing(true)}>Edit…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        {!done && (
          <ActionIcon variant="subtle" color="gray" aria-label={`Delete: ${item.text}`} onClick={remove}>
            ×
          </ActionIcon>
        )}
      </Group>
    </Group>
  );
}
