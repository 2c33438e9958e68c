import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { call, type RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { circles, type Circle } from '../../../../shared/contacts/schemas';
import { roleText } from '../../../../shared/contacts/jobChange';
import type {
  ContactAction,
  ContactsPreview,
  ImportOutcome,
  PreviewItem,
} from '../../../../shared/interop/types';
import { ImportHistory } from '../import/ImportHistory';
import { readAsBase64 } from '../import/readFiles';
import { useDroppedFiles } from '../import/windowDrop';
import { formatLabels, matchLabels, skipLabels } from './labels';
import { count } from '../../../../shared/text/count';

/** Rows shown per table; the counts above them are always complete. */
const shown = 200;

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Card>
  );
}

function ReviewTable({
  items,
  decisions,
  decide,
}: {
  items: PreviewItem[];
  decisions: Map<number, ContactAction>;
  decide(row: number, action: ContactAction): void;
}) {
  return (
    <Table striped aria-label="Possible duplicates">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>In the file</Table.Th>
          <Table.Th>Looks like</Table.Th>
          <Table.Th w={220}>Do</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.slice(0, shown).map((item) => (
          <Table.Tr key={item.row}>
            <Table.Td>
              {item.displayName}
              <Text size="xs" c="dimmed">
                {[item.organisation, item.emails[0]].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {item.match?.displayName}{' '}
              <Badge variant="light" size="sm">
                {item.match ? matchLabels[item.match.by] : ''}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`What to do with ${item.displayName}`}
                size="xs"
                allowDeselect={false}
                value={decisions.get(item.row) ?? item.action}
                onChange={(value) => decide(item.row, value as ContactAction)}
                data={[
                  { value: 'create', label: 'Add as a new contact' },
                  { value: 'update', label: `Merge into ${item.match?.displayName ?? ''}` },
                  { value: 'skip', label: 'Leave out' },
                ]}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UpdatesTable({ items }: { items: PreviewItem[] }) {
  return (
    <Table striped aria-label="Contacts to update">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Contact</Table.Th>
          <Table.Th>Matched by</Table.Th>
          <Table.Th>What changes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.slice(0, shown).map((item) => (
          <Table.Tr key={item.row}>
            <Table.Td>{item.match?.displayName ?? item.displayName}</Table.Td>
            <Table.Td>{item.match ? matchLabels[item.match.by] : ''}</Table.Td>
            <Table.Td>
              {item.jobChange && (
                <Badge color="grape" mr="xs">
                  {item.jobChange.from && item.jobChange.from !== item.jobChange.to
                    ? `Job change: ${item.jobChange.from} → ${item.jobChange.to ?? '—'}`
                    : `New position at ${item.jobChange.to ?? '—'}`}
                </Badge>
              )}
              {item.changes.map((c) => (
                <Text size="sm" key={`${c.field}-${c.to ?? ''}`}>
                  {c.field}: {c.from ? `${c.from} → ` : ''}
                  {c.to}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The people a file (not LinkedIn's) says work elsewhere, or as something else, than Rapport has:
 * the file may be older than what the user knows, so each is taken only when ticked.
 */
function RolesTable({
  items,
  taken,
  setTaken,
}: {
  items: PreviewItem[];
  taken: ReadonlySet<number>;
  setTaken(rows: Set<number>): void;
}) {
  const all = items.length > 0 && items.every((i) => taken.has(i.row));
  const toggle = (row: number, on: boolean) => {
    const next = new Set(taken);
    if (on) next.add(row);
    else next.delete(row);
    setTaken(next);
  };
  return (
    <Table striped aria-label="Another job in the file">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <Checkbox
              aria-label="Take every one"
              checked={all}
              indeterminate={!all && items.some((i) => taken.has(i.row))}
              onChange={(e) =>
                setTaken(e.currentTarget.checked ? new Set(items.map((i) => i.row)) : new Set())
              }
            />
          </Table.Th>
          <Table.Th>Contact</Table.Th>
          <Table.Th>In Rapport</Table.Th>
          <Table.Th>In the file</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.slice(0, shown).map((item) =>
          item.roleInFile ? (
            <Table.Tr key={item.row}>
              <Table.Td>
                <Checkbox
                  aria-label={`Take ${item.match?.displayName ?? item.displayName}'s job in the file`}
                  checked={taken.has(item.row)}
                  onChange={(e) => toggle(item.row, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>{item.match?.displayName ?? item.displayName}</Table.Td>
              <Table.Td>{roleText(item.roleInFile.from)}</Table.Td>
              <Table.Td>{roleText(item.roleInFile.to)}</Table.Td>
            </Table.Tr>
          ) : null,
        )}
      </Table.Tbody>
    </Table>
  );
}

function PreviewPanel({
  preview,
  decisions,
  decide,
  takeRoles,
  setTakeRoles,
}: {
  preview: ContactsPreview;
  decisions: Map<number, ContactAction>;
  decide(row: number, action: ContactAction): void;
  takeRoles: ReadonlySet<number>;
  setTakeRoles(rows: Set<number>): void;
}) {
  const review = preview.items.filter((i) => i.match && i.match.by !== 'email' && i.match.by !== 'linkedin');
  const updates = preview.items.filter((i) => i.action === 'update' && (i.changes.length > 0 || i.jobChange));
  const created = preview.items.filter((i) => i.action === 'create' && !review.includes(i));
  const roles = preview.items.filter((i) => i.roleInFile);
  // A ticked job is an update of a contact the file would otherwise leave as it is.
  const nowUpdated = roles.filter(
    (i) => takeRoles.has(i.row) && i.changes.length === 0 && i.jobChange === null,
  ).length;
  return (
    <Stack gap="md" aria-label="Contacts import preview">
      <Text>
        <b>{preview.fileName}</b>: {formatLabels[preview.format]} ({preview.encoding}),{' '}
        {count(preview.total, 'row')}.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Stat label="New contacts" value={preview.counts.create} />
        <Stat label="Updated" value={preview.counts.update + nowUpdated} />
        <Stat label="Unchanged" value={preview.counts.unchanged - nowUpdated} />
        <Stat label="To review" value={preview.counts.review} />
        <Stat label="Skipped" value={preview.counts.skipped} />
      </SimpleGrid>
      {review.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Possible duplicates ({review.length})</Title>
          <Text size="sm" c="dimmed">
            Only an identical email address (or LinkedIn profile) merges by itself. Decide for these.
          </Text>
          <ReviewTable items={review} decisions={decisions} decide={decide} />
        </Stack>
      )}
      {updates.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Contacts to update ({updates.length})</Title>
          <UpdatesTable items={updates} />
        </Stack>
      )}
      {roles.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Another job in the file ({roles.length})</Title>
          <Text size="sm" c="dimmed">
            The file says these people work elsewhere, or as something else, than Rapport has. Tick those that
            are news: each is taken and goes on their timeline as a job change. Leave those where the file is
            older than what you know.
          </Text>
          <RolesTable items={roles} taken={takeRoles} setTaken={setTakeRoles} />
        </Stack>
      )}
      {created.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>New contacts ({created.length})</Title>
          <Table striped aria-label="New contacts">
            <Table.Tbody>
              {created.slice(0, shown).map((item) => (
                <Table.Tr key={item.row}>
                  <Table.Td>{item.displayName}</Table.Td>
                  <Table.Td>{[item.title, item.organisation].filter(Boolean).join(', ')}</Table.Td>
                  <Table.Td>{item.emails.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {created.length > shown && <Text size="sm">…and {created.length - shown} more.</Text>}
        </Stack>
      )}
      {preview.skipped.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Skipped rows ({preview.skipped.length})</Title>
          <Table aria-label="Skipped rows">
            <Table.Tbody>
              {preview.skipped.slice(0, shown).map((s) => (
                <Table.Tr key={`${s.row}-${s.reason}`}>
                  <Table.Td w={80}>Row {s.row}</Table.Td>
                  <Table.Td w={160}>{skipLabels[s.reason]}</Table.Td>
                  <Table.Td>{s.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="yellow" title={count(preview.warnings.length, 'warning')}>
          {preview.warnings.slice(0, 20).map((w, i) => (
            <Text size="sm" key={i}>
              Row {w.row}: {w.message}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function ContactsImportHistory() {
  const history = useRapportQuery('interop:imports', {});
  if (history.isPending) return <Loader size="sm" />;
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  return (
    <ImportHistory
      label="Contacts import history"
      empty="No contacts imported yet."
      rows={history.data.map((r) => ({
        ...r,
        outcome: `${String(r.stats.created ?? 0)} new, ${String(r.stats.updated ?? 0)} updated`,
      }))}
      undo={(importId) => call('interop:undoImport', { importId })}
    />
  );
}

/** LinkedIn, Google, Outlook and vCard contacts: pick a file, review, commit, undo. */
export function ContactsImportView() {
  const client = useQueryClient();
  const [preview, setPreview] = useState<ContactsPreview | null>(null);
  const [decisions, setDecisions] = useState<Map<number, ContactAction>>(new Map());
  const [takeRoles, setTakeRoles] = useState<Set<number>>(new Set());
  const [circle, setCircle] = useState<Circle>('colleague');
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);

  useEffect(
    () =>
      window.rapport.on('import:progress', (p) => {
        if (p.phase === 'contacts') setProgress({ done: p.done, total: p.total });
      }),
    [],
  );

  const pick = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setResult(null);
    setPreview(null);
    setDecisions(new Map());
    setTakeRoles(new Set());
    setBusy('reading');
    try {
      setPreview(
        await call('interop:previewContacts', { file: { name: file.name, data: await readAsBase64(file) } }),
      );
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(null);
    }
  };
  // A contacts file dropped anywhere on the window comes here.
  useDroppedFiles('contacts', (files) => void pick(files[0]));

  const decisionList = useMemo(() => [...decisions].map(([row, action]) => ({ row, action })), [decisions]);

  const commit = async () => {
    if (!preview) return;
    setBusy('writing');
    setProgress({ done: 0, total: preview.items.length });
    setError(null);
    try {
      const outcome = await call('interop:commitContacts', {
        previewId: preview.previewId,
        circle,
        decisions: decisionList,
        takeRoles: [...takeRoles],
      });
      setResult(outcome);
      setPreview(null);
      await client.invalidateQueries();
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={2}>Import contacts</Title>
      <Text c="dimmed">
        LinkedIn (Connections.csv or the whole data export .zip), Google Contacts or Outlook CSV, and vCard
        files. You see everything before anything is written, and every import can be undone.
      </Text>
      <Group>
        <FileButton onChange={(f) => void pick(f)} accept=".csv,.vcf,.vcard,.zip,text/csv,text/vcard">
          {(props) => (
            <Button {...props} loading={busy === 'reading'}>
              Choose a contacts file
            </Button>
          )}
        </FileButton>
      </Group>
      {error && (
        <Alert color="red" title="The file could not be imported">
          {error}
        </Alert>
      )}
      {result && (
        <Alert color="green" title="Imported">
          {count(result.created, 'new contact')}, {result.updated} updated, {result.unchanged} unchanged
          {result.interactions > 0 ? `, ${result.interactions} timeline entries` : ''}.
        </Alert>
      )}
      {preview && (
        <>
          <PreviewPanel
            preview={preview}
            decisions={decisions}
            decide={(row, action) => setDecisions(new Map(decisions).set(row, action))}
            takeRoles={takeRoles}
            setTakeRoles={setTakeRoles}
          />
          <Group align="end">
            <Select
              label="Circle for new contacts"
              w={220}
              allowDeselect={false}
              value={circle}
              onChange={(v) => setCircle(v as Circle)}
              data={circles.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) }))}
            />
            <Button onClick={() => void commit()} loading={busy === 'writing'}>
              Import{' '}
              {count(
                preview.items.filter((i) => (decisions.get(i.row) ?? i.action) !== 'skip').length,
                'contact',
              )}
            </Button>
            <Button variant="default" onClick={() => setPreview(null)} disabled={busy !== null}>
              Cancel
            </Button>
          </Group>
        </>
      )}
      {progress && (
        <Progress
          aria-label="Import progress"
          value={progress.total === 0 ? 100 : (100 * progress.done) / progress.total}
          animated
        />
      )}
      <Stack gap="xs">
        <Title order={3}>History</Title>
        <ContactsImportHistory />
      </Stack>
    </Stack>
  );
}
