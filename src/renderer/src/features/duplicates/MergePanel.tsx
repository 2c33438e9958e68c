import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Contact } from '../../../../shared/contacts/schemas';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { mergeableFields, type MergeableField, type MergeResult } from '../../../../shared/journal/views';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from '../contacts/ContactAvatar';

const labels: Record<MergeableField, string> = {
  displayName: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  organisation: 'Organisation',
  title: 'Title',
  howWeMet: 'How we met',
  notes: 'Notes',
  cadenceDays: 'Keep in touch (days)',
  birthday: 'Birthday',
  location: 'Location',
};

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Lists are not picked: every email, phone, link, tag, circle and interaction ends up on the kept contact. */
function lists(c: Contact): string {
  return [
    c.emails.map((e) => e.email).join(', '),
    c.phones.map((p) => p.phone).join(', '),
    c.circles.join(', '),
    c.tags.join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
}

const customFieldsText = (c: Contact): string =>
  c.customFields.map((f) => `${f.label}: ${f.value}`).join(' · ');

const importantDatesText = (c: Contact): string =>
  c.importantDates.map((d) => `${d.label}: ${d.date}`).join(' · ');

/**
 * Both contacts side by side. The left one is kept; for each field the user picks which
 * side's value survives (by default the kept one's, or the other's where the kept one is empty),
 * and, when both have a photo, whose photo.
 */
export function MergePanel({
  aId,
  bId,
  merge,
  onCancel,
}: {
  aId: number;
  bId: number;
  merge(input: ChannelInput<'duplicates:merge'>): Promise<MergeResult>;
  onCancel(): void;
}) {
  const [swap, setSwap] = useState(false);
  const keepId = swap ? bId : aId;
  const removeId = swap ? aId : bId;
  const keep = useRapportQuery('contacts:get', { id: keepId });
  const remove = useRapportQuery('contacts:get', { id: removeId });
  const [picks, setPicks] = useState<Partial<Record<MergeableField, 'keep' | 'remove'>>>({});
  const [photo, setPhoto] = useState<'keep' | 'remove'>('keep');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!keep.data || !remove.data) return <Text>Loading…</Text>;
  const k = keep.data;
  const r = remove.data;
  const pickOf = (f: MergeableField): 'keep' | 'remove' =>
    picks[f] ?? ((k[f] === null || k[f] === '') && r[f] !== null && r[f] !== '' ? 'remove' : 'keep');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await merge({
        keepId,
        removeId,
        pick: Object.fromEntries(mergeableFields.map((f) => [f, pickOf(f)])),
        photo,
      });
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Table withTableBorder aria-label="Merge fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Keep: {k.displayName}</Table.Th>
            <Table.Th>Merge in: {r.displayName}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mergeableFields.map((f) => (
            <Table.Tr key={f}>
              <Table.Td>{labels[f]}</Table.Td>
              {(['keep', 'remove'] as const).map((side) => (
                <Table.Td key={side}>
                  <Radio
                    name={`pick-${f}`}
                    aria-label={`${labels[f]} from ${side === 'keep' ? k.displayName : r.displayName}`}
                    checked={pickOf(f) === side}
                    onChange={() => setPicks((p) => ({ ...p, [f]: side }))}
                    label={show((side === 'keep' ? k : r)[f])}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {(k.photo !== null || r.photo !== null) && (
            <Table.Tr>
              <Table.Td>Photo</Table.Td>
              {(['keep', 'remove'] as const).map((side) => {
                const contact = side === 'keep' ? k : r;
                const avatar = <ContactAvatar contact={contact} size={40} />;
                // A choice only when both have one; a single photo is kept either way.
                return (
                  <Table.Td key={side}>
                    {k.photo !== null && r.photo !== null ? (
                      <Radio
                        name="pick-photo"
                        aria-label={`Photo from ${contact.displayName}`}
                        checked={photo === side}
                        onChange={() => setPhoto(side)}
                        label={avatar}
                      />
                    ) : contact.photo !== null ? (
                      avatar
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Td>Emails, phones, circles, tags</Table.Td>
            <Table.Td>{lists(k) || '—'}</Table.Td>
            <Table.Td>{lists(r) || '—'}</Table.Td>
          </Table.Tr>
          {(k.customFields.length > 0 || r.customFields.length > 0) && (
            <Table.Tr>
              <Table.Td>Custom fields</Table.Td>
              <Table.Td>{customFieldsText(k) || '—'}</Table.Td>
              <Table.Td>{customFieldsText(r) || '—'}</Table.Td>
            </Table.Tr>
          )}
          {(k.importantDates.length > 0 || r.importantDates.length > 0) && (
            <Table.Tr>
              <Table.Td>Important dates</Table.Td>
              <Table.Td>{importantDatesText(k) || '—'}</Table.Td>
              <Table.Td>{importantDatesText(r) || '—'}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        Every email, phone, link, tag, circle, interaction and goal link of {r.displayName} moves to{' '}
        {k.displayName}, and so do their custom fields and important dates but for a name {k.displayName}{' '}
        already has one of; you can undo the merge right after.
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="default" onClick={() => setSwap((s) => !s)}>
          Keep the other one
        </Button>
        <Button loading={busy} onClick={() => void submit()}>
          Merge into {k.displayName}
        </Button>
      </Group>
    </Stack>
  );
}
