import { Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState, type KeyboardEvent } from 'react';
import { mentionMarkdown } from '../../../../shared/journal/mentions';
import type { MentionCandidate } from '../../../../shared/journal/schemas';
import { useRapportQuery } from '../../api/hooks';

export interface MentionTextareaProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
}

/** The `@word` being typed just before the cursor, if any. */
function mentionAt(text: string, cursor: number): { start: number; query: string } | null {
  const before = text.slice(0, cursor);
  const m = /(^|\s)@([\p{L}\p{N}'-]{0,30})$/u.exec(before);
  return m ? { start: before.length - m[2].length - 1, query: m[2] } : null;
}

/** Markdown notes; typing `@` and a few letters offers contacts, and picking one writes a mention link. */
export function MentionTextarea({ label, value, onChange, error, description }: MentionTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [query] = useDebouncedValue(mention?.query ?? '', 80);
  const candidates = useRapportQuery(
    'journal:mentionCandidates',
    { query, limit: 6 },
    { enabled: mention !== null, placeholderData: (previous) => previous },
  );
  const options: MentionCandidate[] = mention ? (candidates.data ?? []) : [];

  const update = (text: string, cursor: number) => {
    onChange(text);
    setMention(mentionAt(text, cursor));
    setActive(0);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!mention) return;
    const cursor = mention.start + 1 + mention.query.length;
    const link = `${mentionMarkdown(candidate.id, candidate.displayName)} `;
    const next = value.slice(0, mention.start) + link + value.slice(cursor);
    onChange(next);
    setMention(null);
    requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(mention.start + link.length, mention.start + link.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(options[Math.min(active, options.length - 1)]);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setMention(null);
    }
  };

  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label={label}
        description={description}
        value={value}
        error={error}
        autosize
        minRows={4}
        maxRows={14}
        onChange={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setMention(null), 150)}
      />
      {options.length > 0 && (
        <Paper withBorder shadow="sm" p={4} role="listbox" aria-label="Mention a contact">
          {options.map((c, i) => (
            <UnstyledButton
              key={c.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
              w="100%"
              p={6}
              bg={i === active ? 'var(--mantine-color-default-hover)' : undefined}
            >
              <Text size="sm">
                @{c.displayName}
                {c.organisation && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    · {c.organisation}
                  </Text>
                )}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Stack>
  );
}
