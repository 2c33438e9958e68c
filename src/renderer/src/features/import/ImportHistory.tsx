import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RapportError } from '../../api/client';

export interface ImportHistoryRow {
  id: number;
  startedAt: string;
  fileName: string;
  /** What the import did, in a few words ("12 created, 3 updated"). */
  outcome: string;
  undoneAt: string | null;
}

/** Past imports of one kind, newest first, each undoable until it has been undone. */
export function ImportHistory({
  label,
  rows,
  empty,
  undo,
}: {
  label: string;
  rows: ImportHistoryRow[];
  /** Said when there is nothing yet; without it, nothing is shown. */
  empty?: string;
  undo: (importId: number) => Promise<unknown>;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  if (rows.length === 0) return empty ? <Text c="dimmed">{empty}</Text> : null;
  const run = async (importId: number) => {
    setBusy(importId);
    setError(null);
    try {
      await undo(importId);
      await client.invalidateQueries();
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error && (
        <Alert color="red" role="alert" mb="xs">
          {error}
        </Alert>
      )}
      <Table aria-label={label}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.startedAt.slice(0, 16).replace('T', ' ')}</Table.Td>
              <Table.Td>{r.fileName}</Table.Td>
              <Table.Td>{r.outcome}</Table.Td>
              <Table.Td>
                {r.undoneAt ? (
                  <Badge color="gray">undone</Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={busy === r.id}
                    onClick={() => void run(r.id)}
                  >
                    Undo this import
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
