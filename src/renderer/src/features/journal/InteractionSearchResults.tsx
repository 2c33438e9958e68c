import { Stack, Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import type { SnippetPart } from '../../../../shared/journal/views';
import { useRapportQuery } from '../../api/hooks';
import { formatWhen, kindLabel } from './format';

/** A snippet with its matches marked; text only, never markup from the data. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** Journal entries whose title, notes or place match (FTS5 in main), with highlighted snippets. */
export function InteractionSearchResults({
  query,
  onOpen,
}: {
  query: string;
  onOpen: (path: string) => void;
}) {
  const result = useRapportQuery(
    'search:query',
    { query, limit: 8 },
    { enabled: query.length > 0, placeholderData: (previous) => previous },
  );
  if (query.length === 0 || !result.data || result.data.interactions.length === 0) return null;
  return (
    <Spotlight.ActionsGroup label="Journal">
      {result.data.interactions.map((hit) => (
        <Spotlight.Action
          key={hit.id}
          data-search-hit={hit.id}
          onClick={() => onOpen(`/journal?entry=${hit.id}`)}
        >
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {hit.title ||
                `${kindLabel(hit.kind)}${hit.participants.length ? ` with ${hit.participants.join(', ')}` : ''}`}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {formatWhen(hit.startsAt, hit.allDay)} · <Snippet parts={hit.snippet} />
            </Text>
          </Stack>
        </Spotlight.Action>
      ))}
    </Spotlight.ActionsGroup>
  );
}
