import { Button, Group, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { weekdayLabels } from './labels';
import { useGoalsWrite } from './useGoals';

const zones: string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
})();

/** The first day of the week and the time zone that goal periods are counted in. */
export function GoalPrefsSection() {
  const prefs = useRapportQuery('goals:prefs', {});
  const write = useGoalsWrite();
  const [weekStart, setWeekStart] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (prefs.data) {
      setWeekStart(String(prefs.data.weekStart));
      setTimeZone(prefs.data.timeZone);
    }
  }, [prefs.data]);
  if (!prefs.data) return null;
  const zoneOptions = zones.includes(prefs.data.timeZone) ? zones : [prefs.data.timeZone, ...zones];
  return (
    <Group align="flex-end">
      <Select
        label="Weeks start on"
        data={weekdayLabels.map((label, i) => ({ value: String(i), label }))}
        value={weekStart}
        onChange={setWeekStart}
        allowDeselect={false}
      />
      <Select
        label="Time zone"
        searchable
        data={zoneOptions}
        value={timeZone}
        onChange={setTimeZone}
        allowDeselect={false}
      />
      <Button
        onClick={() =>
          void write('goals:setPrefs', {
            weekStart: Number(weekStart),
            timeZone: timeZone ?? prefs.data.timeZone,
          })
            .then(() => setMessage('Saved.'))
            .catch((e: RapportError) => setMessage(e.message))
        }
      >
        Save
      </Button>
      {message && <Text size="sm">{message}</Text>}
    </Group>
  );
}
