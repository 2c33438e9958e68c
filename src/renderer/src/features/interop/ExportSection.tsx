import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, type RapportError } from '../../api/client';
import type { ExportFormat, ExportOutcome } from '../../../../shared/interop/types';
import { formatBytes } from './formatBytes';
import { count } from '../../../../shared/text/count';

const buttons: Array<[ExportFormat, string]> = [
  ['vcard', 'Contacts as vCard'],
  ['csv', 'Contacts as CSV'],
  ['markdown', 'Journal as Markdown'],
  ['ics', 'Birthdays and dates as a calendar'],
  ['json', 'Everything as JSON'],
];

/** Settings: every export writes into the data folder's `exports` and says where. */
export function ExportSection() {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      setDone(await call('interop:export', { format }));
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {buttons.map(([format, label]) => (
          <Button key={format} variant="default" loading={busy === format} onClick={() => void run(format)}>
            {label}
          </Button>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        The JSON export holds every table and restores into an empty Rapport with{' '}
        <Code>npm run cli -- restore FILE --db PATH</Code>. The calendar (.ics) holds everyone’s birthdays and
        important dates as yearly all-day events: import it into your calendar app, and import a later one
        over it (each day keeps its identity, so it is updated, not added twice).
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {done && (
        <Alert color="green" title="Exported">
          {count(done.contacts, 'contact')}, {count(done.files, 'file')}, {formatBytes(done.bytes)}:{' '}
          <Code style={{ overflowWrap: 'anywhere' }}>{done.path}</Code>
        </Alert>
      )}
    </Stack>
  );
}
