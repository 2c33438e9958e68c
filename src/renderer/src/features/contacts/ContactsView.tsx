import { Alert, Anchor, Button, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { circles } from '../../../../shared/contacts/schemas';
import { layers } from '../../../../shared/strength/model';
import { layerShort } from '../strength/labels';
import { useRapportQuery } from '../../api/hooks';
import { ContactList } from './ContactList';
import { organisationChoice } from './organisationChoice';
import { customFieldChoice, customFieldCounts, pickedCustomField } from './customFieldChoice';
import { SavedViewsBar } from './SavedViewsBar';
import { SelectionBar } from './SelectionBar';
import { circleLabels } from './labels';
import { contactListOrders } from '../../../../shared/contacts/listOrders';
import {
  readListState,
  toListFilters,
  writeListState,
  type ListState,
} from '../../../../shared/contacts/listState';
import { useContactPages } from './useContactPages';
import { call, type RapportError } from '../../api/client';
import { notifications } from '@mantine/notifications';
import { count } from '../../../../shared/text/count';

const noneSelected: ReadonlySet<number> = new Set();

/** The contacts list: search as you type, filters from the facets, and a virtualised list. */
export function ContactsView() {
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const [search, setSearch] = useState(state.query);
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const facets = useRapportQuery('contacts:facets', {});
  const organisationMenu = organisationChoice(facets.data?.organisations ?? [], state.organisation);
  const fieldMenu = customFieldChoice(facets.data?.customFieldValues ?? [], state.field);
  const fieldCounts = customFieldCounts(facets.data?.customFieldValues ?? []);
  const focusRow = useRef<((index: number) => void) | null>(null);
  // Ticked contacts, for a change to many at once. A selection belongs to the filters it was made
  // under (the address), so a new filter starts a new one.
  const filterKey = params.toString();
  const [selection, setSelection] = useState({ filterKey, ids: noneSelected });
  const selected = selection.filterKey === filterKey ? selection.ids : noneSelected;
  const setSelected = (ids: ReadonlySet<number>) => setSelection({ filterKey, ids });
  const toggle = useCallback(
    (id: number) => {
      setSelection((previous) => {
        const next = new Set(previous.filterKey === filterKey ? previous.ids : noneSelected);
        if (!next.delete(id)) next.add(id);
        return { filterKey, ids: next };
      });
    },
    [filterKey],
  );

  const update = (change: Partial<ListState>) =>
    setParams(writeListState({ ...readListState(params), ...change }), { replace: true });

  // Only what the user types goes to the address: opening a saved view sets the address (and the
  // box) itself, and the box's old, still-debounced text must not write over it.
  const pushedSearch = useRef(debouncedSearch);
  useEffect(() => {
    if (debouncedSearch === pushedSearch.current) return;
    pushedSearch.current = debouncedSearch;
    if (debouncedSearch !== readListState(params).query) {
      setParams(writeListState({ ...readListState(params), query: debouncedSearch }), { replace: true });
    }
  }, [debouncedSearch, params, setParams]);
  const openView = (viewParams: string) => {
    const next = new URLSearchParams(viewParams);
    setSearch(readListState(next).query);
    setParams(next);
  };

  const pages = useContactPages(toListFilters(state));
  // Every contact the filters match, not only the rows loaded so far.
  const selectAll = async () => {
    const { sort: _sort, direction: _direction, ...filters } = toListFilters(state);
    try {
      const { ids, total } = await call('contacts:ids', filters);
      setSelected(new Set(ids));
      if (total > ids.length) {
        notifications.show({
          message: `Only the first ${ids.length.toLocaleString()} of ${total.toLocaleString()} are selected.`,
        });
      }
    } catch (e) {
      notifications.show({ message: (e as RapportError).message, color: 'red' });
    }
  };
  // The list as its address writes it: what a saved view holds.
  const listParams = writeListState(state);
  const filtered = Boolean(
    state.query ||
    state.circle ||
    state.tag ||
    state.organisation ||
    state.city ||
    state.field ||
    state.layer,
  );

  return (
    <Stack h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>Contacts</Title>
          {pages.data && (
            <Text c="dimmed" size="sm" aria-live="polite" data-testid="contact-count">
              {count(pages.total, 'contact')}
              {state.archived ? ' archived' : ''}
            </Text>
          )}
          {pages.total > 0 && selected.size < pages.total && (
            <Anchor component="button" size="sm" onClick={() => void selectAll()}>
              Select all {pages.total}
            </Anchor>
          )}
        </Group>
        <Button component={Link} to="/contacts/new">
          New contact
        </Button>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          aria-label="Search contacts"
          placeholder="Search contacts…"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            // From the search box straight into the results.
            if (event.key === 'ArrowDown' && focusRow.current) {
              event.preventDefault();
              focusRow.current(0);
            }
          }}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Select
          aria-label="Circle"
          placeholder="Any circle"
          clearable
          data={circles.map((c) => ({ value: c, label: circleLabels[c] }))}
          value={state.circle}
          onChange={(value) => update({ circle: (value as ListState['circle']) ?? null })}
          w={140}
        />
        <Select
          aria-label="Tag"
          placeholder="Any tag"
          clearable
          searchable
          data={facets.data?.tags ?? []}
          value={state.tag}
          onChange={(tag) => update({ tag })}
          w={140}
        />
        <Select
          aria-label="Organisation"
          placeholder="Any organisation"
          clearable
          searchable
          data={organisationMenu.data}
          value={organisationMenu.value}
          onChange={(organisation) =>
            update({ organisation, formerToo: organisation ? state.formerToo : false })
          }
          w={170}
        />
        {state.organisation && (
          <Switch
            size="xs"
            label="Who worked there too"
            checked={state.formerToo}
            onChange={(e) => update({ formerToo: e.currentTarget.checked })}
          />
        )}
        <Select
          aria-label="City"
          placeholder="Any city"
          clearable
          searchable
          data={facets.data?.cities ?? []}
          value={state.city}
          onChange={(city) => update({ city })}
          w={140}
        />
        {fieldMenu.data.length > 0 && (
          <Select
            aria-label="Custom field"
            placeholder="Any field"
            clearable
            searchable
            data={fieldMenu.data}
            value={fieldMenu.value}
            onChange={(entry) => update({ field: pickedCustomField(entry) })}
            renderOption={({ option }) => (
              <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {fieldCounts.get(option.value)}
                </Text>
              </Group>
            )}
            comboboxProps={{ width: 280, position: 'bottom-start' }}
            w={170}
          />
        )}
        <Select
          aria-label="Strength"
          placeholder="Any strength"
          clearable
          data={layers.map((l) => ({ value: l, label: layerShort[l] }))}
          value={state.layer}
          onChange={(value) => update({ layer: (value as ListState['layer']) ?? null })}
          w={150}
        />
        <Select
          aria-label="Sort by"
          data={contactListOrders.map(({ value, label }) => ({ value, label }))}
          value={state.order}
          allowDeselect={false}
          onChange={(order) => update({ order: order ?? contactListOrders[0].value })}
          w={185}
        />
        <Switch
          label="Archived"
          checked={state.archived}
          onChange={(event) => update({ archived: event.currentTarget.checked })}
          mb={8}
        />
      </Group>

      <SavedViewsBar params={listParams.toString()} canSave={listParams.size > 0} onOpen={openView} />

      {selected.size > 0 && (
        <SelectionBar
          ids={[...selected]}
          archivedView={state.archived}
          tags={facets.data?.tags ?? []}
          onDone={() => setSelected(noneSelected)}
        />
      )}
      {pages.error && (
        <Alert color="red" title="Could not load contacts">
          {pages.error.message}
        </Alert>
      )}
      {pages.data && pages.total === 0 ? (
        <Stack gap={4} p="lg" align="flex-start">
          <Text fw={500}>
            {filtered ? 'No contact matches.' : state.archived ? 'No archived contacts.' : 'No contacts yet.'}
          </Text>
          <Text c="dimmed" size="sm">
            {filtered
              ? 'Try fewer words or clear a filter.'
              : 'Add the people you work with, learn from and champion: press N or “New contact”.'}
          </Text>
        </Stack>
      ) : (
        <div style={{ flex: 1, minHeight: 0 }}>
          <ContactList
            items={pages.items}
            hasMore={pages.hasNextPage}
            loadingMore={pages.isFetchingNextPage}
            loadMore={() => void pages.fetchNextPage()}
            focusRef={focusRow}
            selected={selected}
            onToggle={toggle}
          />
        </div>
      )}
    </Stack>
  );
}
