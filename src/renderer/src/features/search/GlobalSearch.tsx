import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from '../contacts/ContactAvatar';
import { InteractionSearchResults } from '../journal/InteractionSearchResults';
import { StrengthMeter } from '../strength/StrengthMeter';

const RESULT_LIMIT = 8;

/** Contacts whose names, organisation or notes match what was typed (FTS prefix search in main). */
function ContactResults({ query, onOpen }: { query: string; onOpen: (path: string) => void }) {
  const result = useRapportQuery(
    'contacts:list',
    { query, limit: RESULT_LIMIT },
    { enabled: query.length > 0, placeholderData: (previous) => previous },
  );
  if (query.length === 0) return null;
  if (result.isPending) return <Spotlight.Empty>Searching…</Spotlight.Empty>;
  if (result.isError) return <Spotlight.Empty>Search failed: {result.error.message}</Spotlight.Empty>;
  const { items, total } = result.data;
  // Say so quietly: journal entries may still match below.
  if (items.length === 0) return <Spotlight.Empty>No contacts match “{query}”.</Spotlight.Empty>;
  return (
    <Spotlight.ActionsGroup
      label={total > items.length ? `Contacts (${items.length} of ${total})` : 'Contacts'}
    >
      {items.map((contact) => (
        <Spotlight.Action
          key={contact.id}
          onClick={() => onOpen(`/contacts/${contact.id}`)}
          label={contact.displayName}
          description={[contact.title, contact.organisation].filter(Boolean).join(' · ') || undefined}
          leftSection={<ContactAvatar contact={contact} size={30} aria-hidden />}
          rightSection={
            <Group gap={6} wrap="nowrap">
              {contact.circles.slice(0, 2).map((circle) => (
                <Badge key={circle} size="xs" variant="light">
                  {circle}
                </Badge>
              ))}
              <StrengthMeter
                layer={contact.strength.layer}
                t={contact.strength.t}
                trend={contact.strength.trend}
              />
            </Group>
          }
        />
      ))}
    </Spotlight.ActionsGroup>
  );
}

/**
 * The global search (Ctrl/Cmd-K, also while typing in a field). Each kind of result is its
 * own component inside the list, so more kinds can be added next to ContactResults.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const open = (path: string) => void navigate(path);

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder="Search contacts and journal…"
        aria-label="Search everything"
        rightSection={query.trim() !== debounced ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList>
        {debounced.length === 0 ? (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed">
              Type a name, an organisation or a word from your notes.
            </Text>
          </Spotlight.Empty>
        ) : (
          <>
            <ContactResults query={debounced} onOpen={open} />
            <InteractionSearchResults query={debounced} onOpen={open} />
          </>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
