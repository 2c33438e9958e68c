import { Button, Group, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { RapportError } from '../../api/client';
import { displayTitle } from './format';
import { useJournalWrite } from './useJournal';

/**
 * One line, parsed in main: "coffee with Ana, 45 min, today". On a contact page the
 * contact is included; press L to jump here, type, Enter.
 */
export function QuickLog({ contactId, autoFocus = false }: { contactId?: number; autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const write = useJournalWrite();
  useHotkeys([['L', () => ref.current?.focus()]]);

  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const entry = await write('journal:quickLog', {
        text,
        ...(contactId !== undefined ? { contactId } : {}),
      });
      setText('');
      notifications.show({ message: `Logged “${displayTitle(entry)}”.`, color: 'green' });
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        ref={ref}
        style={{ flex: 1 }}
        aria-label="Quick log"
        placeholder="coffee with Ana, 45 min, today"
        description={
          <Text span size="xs" c="dimmed">
            What, with whom, how long, when; anything after that becomes the notes. Press L to start typing.
          </Text>
        }
        value={text}
        error={error}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['Enter', () => void submit()]])}
      />
      <Button mt={22} loading={busy} onClick={() => void submit()}>
        Log
      </Button>
    </Group>
  );
}
