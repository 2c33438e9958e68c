import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { circles, type Circle } from '../../../../shared/contacts/schemas';
import {
  interactionKinds,
  interactionSources,
  type InteractionKind,
  type InteractionSource,
} from '../../../../shared/journal/kinds';
import { useRapportQuery } from '../../api/hooks';
import { EntryModal, type EntryTarget } from './EntryModal';
import { kindLabel, sourceLabel } from './format';
import { QuickLog } from './QuickLog';
import { useJournalPages, type JournalFilters } from './useJournal';
import { VirtualEntries } from './VirtualEntries';

/** A contact to filter by, found by typing part of the name. */
function ContactFilter({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange(id: number | undefined): void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 100);
  const found = useRapportQuery(
    'contacts:list',
    { query: debounced, limit: 20 },
    { enabled: debounced.length > 0, placeholderData: (previous) => previous },
  );
  const chosen = useRapportQuery('contacts:get', { id: value ?? 1 }, { enabled: value !== undefined });
  const data = new Map<string, string>();
  if (value !== undefined && chosen.data) data.set(String(value), chosen.data.displayName);
  for (const c of found.data?.items ?? []) data.set(String(c.id), c.displayName);
  return (
    <Select
      label="Contact"
      placeholder="Anyone"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={[...data].map(([v, label]) => ({ value: v, label }))}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : undefined)}
      nothingFoundMessage={debounced ? 'No contact matches' : 'Type a name'}
      w={200}
    />
  );
}

/** Where the entries shown came from, when the journal is opened for them: "?source=ics" after an import. */
function filtersFrom(params: URLSearchParams): JournalFilters {
  const source = interactionSources.find((s) => s === params.get('source'));
  return source ? { source } : {};
}

/** Every entry, newest first, filtered by contact, circle, kind, where it came from, tag and dates. */
export function JournalView() {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<JournalFilters>(() => filtersFrom(params));
  const [target, setTarget] = useState<EntryTarget>(null);
  const tags = useRapportQuery('journal:tags', {});
  const journal = useJournalPages(filters);
  const set = (patch: Partial<JournalFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const linked = params.get('entry');
  const open: EntryTarget = target ?? (linked && /^\d+$/.test(linked) ? { id: Number(linked) } : null);

  return (
    <Stack gap="md" h="100%">
      <Group justify="space-between">
        <Title order={2}>Journal</Title>
        <Button onClick={() => setTarget({ preset: [] })}>Log an interaction</Button>
      </Group>
      <QuickLog />
      <Group gap="sm" align="flex-end">
        <ContactFilter value={filters.contactId} onChange={(contactId) => set({ contactId })} />
        <Select
          label="Circle"
          placeholder="Any"
          clearable
          data={circles.map((c) => ({ value: c, label: c }))}
          value={filters.circle ?? null}
          onChange={(v) => set({ circle: (v as Circle | null) ?? undefined })}
          w={140}
        />
        <Select
          label="Kind"
          placeholder="Any"
          clearable
          data={interactionKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          value={filters.kind ?? null}
          onChange={(v) => set({ kind: (v as InteractionKind | null) ?? undefined })}
          w={170}
        />
        <Select
          label="From where"
          placeholder="Anywhere"
          clearable
          data={interactionSources.map((source) => ({ value: source, label: sourceLabel(source) }))}
          value={filters.source ?? null}
          onChange={(v) => set({ source: (v as InteractionSource | null) ?? undefined })}
          w={170}
        />
        <Select
          label="Tag"
          placeholder="Any"
          clearable
          searchable
          data={tags.data ?? []}
          value={filters.tag ?? null}
          onChange={(v) => set({ tag: v ?? undefined })}
          w={140}
        />
        <TextInput
          label="From"
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          label="To"
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
      </Group>
      {journal.error && <Alert color="red">{journal.error.message}</Alert>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {journal.isSuccess ? `${journal.total.toLocaleString()} entries` : 'Loading…'}
      </Text>
      {journal.isSuccess && journal.total === 0 ? (
        <Text c="dimmed">
          Nothing logged
          {Object.values(filters).some((v) => v !== undefined) ? ' matches these filters' : ' yet'}.
        </Text>
      ) : (
        <VirtualEntries
          label="Journal entries"
          items={journal.items}
          hasMore={journal.hasNextPage}
          loadingMore={journal.isFetchingNextPage}
          loadMore={() => void journal.fetchNextPage()}
          onOpen={(id) => setTarget({ id })}
          height="calc(100vh - 300px)"
        />
      )}
      <EntryModal
        target={open}
        onClose={() => {
          setTarget(null);
          if (linked) setParams({}, { replace: true });
        }}
      />
    </Stack>
  );
}
