import { Anchor, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/** Where each calendar app keeps its export, with the settings that keep the people in it. */
const STEPS: Array<{ app: string; how: string }> = [
  {
    app: 'Google Calendar',
    how: 'Settings → Import & export → Export. It downloads a .zip with one .ics per calendar: drop the .zip here as it is.',
  },
  {
    app: 'Outlook (Windows)',
    how: 'File → Save Calendar → More Options: Date Range “Whole calendar” and Detail “Full details”. Its defaults save only today, as busy or free times, with no one in them.',
  },
  { app: 'Apple Calendar (Mac)', how: 'Select the calendar, then File → Export → Export…' },
  { app: 'Thunderbird', how: 'Right-click the calendar in the list → Export…' },
  { app: 'Any other', how: 'Look for “Export” or “Save as .ics” in its calendar settings.' },
];

/** A folded "how do I get the file?" under the drop zone: the first import is the hard one. */
export function ExportHelp() {
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} w="100%" ta="left">
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
      >
        {open ? 'Hide how to export a calendar' : 'How do I export my calendar?'}
      </Anchor>
      {open && (
        <List size="sm" spacing={4} aria-label="How to export a calendar">
          {STEPS.map((s) => (
            <List.Item key={s.app}>
              <Text span size="sm" fw={600}>
                {s.app}:
              </Text>{' '}
              {s.how}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
