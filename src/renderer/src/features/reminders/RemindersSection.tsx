import { Alert, Card, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localDate } from '../../../../shared/journal/quickLog';
import type { ReminderPrefs } from '../../../../shared/reminders/schemas';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { useWrite } from '../../api/useWrite';

const failed = (e: RapportError) => notifications.show({ message: e.message, color: 'red' });

const leadTimes = [
  { value: '0', label: 'On the day' },
  { value: '1', label: 'The day before, and on the day' },
  { value: '3', label: '3 days before, and on the day' },
  { value: '7', label: 'A week before, and on the day' },
];

const hours = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** Whether and from when the daily reminder shows, and what it would say today. */
export function RemindersSection() {
  const prefs = useRapportQuery('reminders:getPrefs', {});
  const preview = useRapportQuery('reminders:preview', { today: localDate(new Date()) });
  const write = useWrite('reminders');
  const save = (next: ReminderPrefs) => write('reminders:setPrefs', next);
  if (!prefs.data) return prefs.isError ? <Alert color="red">{prefs.error.message}</Alert> : null;
  const current = prefs.data;

  return (
    <Stack gap="sm">
      <Switch
        label="Remind me once a day of follow-ups due, catch-ups overdue, birthdays and important dates"
        checked={current.enabled}
        onChange={(e) => void save({ ...current, enabled: e.currentTarget.checked }).catch(failed)}
      />
      <NativeSelect
        label="From"
        description="The first time Rapport is open on or after this hour, each day."
        data={hours}
        value={String(current.hour)}
        disabled={!current.enabled}
        onChange={(e) => void save({ ...current, hour: Number(e.currentTarget.value) }).catch(failed)}
        w={200}
      />
      <NativeSelect
        label="Birthdays and important dates"
        description="When the reminder names them: a week ahead leaves time for a card or a call."
        data={leadTimes}
        value={String(current.daysAhead)}
        disabled={!current.enabled}
        onChange={(e) => void save({ ...current, daysAhead: Number(e.currentTarget.value) }).catch(failed)}
        w={320}
      />
      <Card withBorder aria-label="Today's reminder" bg="var(--mantine-color-default-hover)">
        {preview.data === null ? (
          <Text size="sm" c="dimmed">
            Nothing is due, no catch-up is overdue and no birthday or important date comes round: today there
            is no reminder.
          </Text>
        ) : (
          preview.data && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {preview.data.title}
              </Text>
              {preview.data.lines.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Stack>
          )
        )}
      </Card>
      <Text size="xs" c="dimmed">
        Shown as a notification from your system while Rapport is open; nothing is sent anywhere.
      </Text>
    </Stack>
  );
}
