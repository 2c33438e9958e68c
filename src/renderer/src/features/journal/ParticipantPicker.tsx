import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useContactSearch } from '../contacts/useContactSearch';

export interface PickedContact {
  contactId: number;
  displayName: string;
}

/** Contacts chosen by typing part of a name. */
export function ParticipantPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: PickedContact[];
  onChange(value: PickedContact[]): void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const { typed, found } = useContactSearch(search);
  const known = new Map(value.map((p) => [String(p.contactId), p.displayName]));
  for (const c of found) if (!known.has(String(c.id))) known.set(String(c.id), c.displayName);
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? 'Type a name' : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // main already filtered by the FTS index; show what it found.
      filter={({ options }) => options}
      data={[...known].map(([id, name]) => ({ value: id, label: name }))}
      value={value.map((p) => String(p.contactId))}
      onChange={(ids) => {
        onChange(ids.map((id) => ({ contactId: Number(id), displayName: known.get(id) ?? id })));
        setSearch('');
      }}
      nothingFoundMessage={typed ? 'No contact matches' : 'Type a name'}
      error={error}
      hidePickedOptions
    />
  );
}
