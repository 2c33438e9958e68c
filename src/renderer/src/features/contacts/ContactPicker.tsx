import { Select } from '@mantine/core';
import { useState } from 'react';
import type { PickedContact } from '../journal/ParticipantPicker';
import { useContactSearch } from './useContactSearch';

/** One contact chosen by typing part of a name; `exclude` (the page's own contact) is never offered. */
export function ContactPicker({
  label,
  value,
  onChange,
  exclude,
  error,
}: {
  label: string;
  value: PickedContact | null;
  onChange(value: PickedContact | null): void;
  exclude?: number;
  error?: string;
}) {
  const [search, setSearch] = useState(value?.displayName ?? '');
  const { typed, found } = useContactSearch(search);
  const known = new Map<string, string>();
  if (value) known.set(String(value.contactId), value.displayName);
  for (const c of found) if (c.id !== exclude) known.set(String(c.id), c.displayName);
  return (
    <Select
      label={label}
      placeholder="Type a name"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // main already filtered by the FTS index; show what it found.
      filter={({ options }) => options}
      data={[...known].map(([id, name]) => ({ value: id, label: name }))}
      value={value ? String(value.contactId) : null}
      onChange={(id) =>
        onChange(id === null ? null : { contactId: Number(id), displayName: known.get(id) ?? id })
      }
      nothingFoundMessage={typed ? 'No contact matches' : 'Type a name'}
      error={error}
    />
  );
}
