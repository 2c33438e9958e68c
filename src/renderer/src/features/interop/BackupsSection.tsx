import { Alert, Button, Code, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import type { BackupInfo } from '../../../../shared/interop/types';
import { formatBytes } from './formatBytes';

const reasonLabels: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-import': 'Before an import',
  'before-merge': 'Before a merge',
  'before-restore': 'Before a restore',
};

/** Settings: the backups with their dates and sizes, one on demand, restore after confirmation. */
export function BackupsSection() {
  const client = useQueryClient();
  const overview = useRapportQuery('interop:backups', {});
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const backUp = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const info = await call('interop:backupNow', {});
      setMessage({ ok: true, text: `Backed up (${formatBytes(info.bytes)}).` });
      await overview.refetch();
    } catch (e) {
      setMessage({ ok: false, text: (e as RapportError).message });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setConfirm(null);
    setBusy(true);
    setMessage(null);
    try {
      await call('interop:restoreBackup', { name: backup.name });
      setMessage({
        ok: true,
        text: `Restored the backup of ${backup.createdAt.slice(0, 16).replace('T', ' ')}.`,
      });
      await client.invalidateQueries();
    } catch (e) {
      setMessage({ ok: false, text: (e as RapportError).message });
    } finally {
      setBusy(false);
    }
  };

  if (overview.isPending) return <Loader size="sm" />;
  if (overview.isError) return <Alert color="red">{overview.error.message}</Alert>;
  const { backups, dir, syncedFolder } = overview.data;
  return (
    <Stack gap="sm">
      {syncedFolder && (
        <Alert color="orange" title={`Your data folder is inside ${syncedFolder}`}>
          Sync services copy a live database and its journal file separately and can corrupt it. Keep the data
          folder outside {syncedFolder} (set RAPPORT_DATA_DIR), and sync the backups or exports instead.
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Kept in <Code>{dir}</Code>: 7 daily, 4 weekly and 12 monthly, plus one before every import, merge
          and restore.
        </Text>
        <Button onClick={() => void backUp()} loading={busy}>
          Back up now
        </Button>
      </Group>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {backups.length === 0 ? (
        <Text c="dimmed">No backups yet.</Text>
      ) : (
        <Table striped aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken (UTC)</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{b.createdAt.slice(0, 19).replace('T', ' ')}</Table.Td>
                <Table.Td>{reasonLabels[b.reason] ?? b.reason}</Table.Td>
                <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" disabled={busy} onClick={() => setConfirm(b)}>
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restore this backup?">
        <Stack>
          <Text>
            Everything will be as it was on {confirm?.createdAt.slice(0, 16).replace('T', ' ')} UTC. A backup
            of the current state is taken first, so this can be undone by restoring that one.
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => confirm && void restore(confirm)}>
              Restore
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
