import { Badge, Checkbox, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { ContactStrengthSummary, ContactSummary } from '../../../../shared/contacts/schemas';
import { sinceText } from '../../../../shared/text/since';
import { StrengthMeter } from '../strength/StrengthMeter';
import { layerColors, layerShort, trendArrows } from '../strength/labels';
import { circleLabels } from './labels';
import classes from './ContactList.module.css';
import { ContactAvatar } from './ContactAvatar';

const ROW_HEIGHT = 60;

export interface ContactListProps {
  items: ContactSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** Set to a function that moves the keyboard focus to a row (the search box's ArrowDown uses it). */
  focusRef?: RefObject<((index: number) => void) | null>;
  /** Contacts ticked for a change to many at once, and what ticking one does. */
  selected: ReadonlySet<number>;
  onToggle(id: number): void;
}

/** Frames to wait for a row scrolled to to be drawn (the list draws only the rows in view). */
const FOCUS_FRAMES = 10;

const trendColors = { up: 'teal', flat: 'dimmed', down: 'orange' } as const;

/** How close, which way it is moving, and when you last met: the row's right-hand column. */
function Closeness({ strength, now }: { strength: ContactStrengthSummary; now: Date }) {
  const { layer, t, trend, lastContactAt } = strength;
  return (
    <Stack gap={2} align="flex-end" w={112} style={{ flexShrink: 0 }}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" fw={600} c={layer === 'dormant' ? 'dimmed' : layerColors[layer]} aria-hidden>
          {layerShort[layer]}
        </Text>
        <StrengthMeter layer={layer} t={t} trend={trend} />
        <Text size="xs" c={trendColors[trend]} w={12} ta="center" aria-hidden>
          {lastContactAt === null ? '' : trendArrows[trend]}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" data-testid="last-contact">
        {lastContactAt === null ? 'No contact yet' : sinceText(new Date(lastContactAt), now)}
      </Text>
    </Stack>
  );
}

interface ContactRowProps {
  contact: ContactSummary;
  index: number;
  now: Date;
  selected: boolean;
  onToggle(id: number): void;
}

function ContactRow({ contact, index, now, selected, onToggle }: ContactRowProps) {
  const navigate = useNavigate();
  const subtitle = [contact.title, contact.organisation, contact.location].filter(Boolean).join(' · ');
  return (
    <Group wrap="nowrap" gap={0} h="100%" className={selected ? classes.selected : undefined}>
      <Checkbox
        aria-label={`Select ${contact.displayName}`}
        checked={selected}
        onChange={() => onToggle(contact.id)}
        pl="sm"
      />
      <UnstyledButton
        className={classes.row}
        onClick={() => void navigate(`/contacts/${contact.id}`)}
        aria-label={contact.displayName}
        data-contact-id={contact.id}
        data-row-index={index}
      >
        <Group justify="space-between" wrap="nowrap" h="100%" px="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <ContactAvatar contact={contact} size={36} aria-hidden />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={500} truncate>
                {contact.displayName}
              </Text>
              <Text size="sm" c="dimmed" truncate>
                {subtitle || contact.primaryEmail || '\u00a0'}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              {contact.circles.map((circle) => (
                <Badge key={circle} variant="light" size="sm">
                  {circleLabels[circle]}
                </Badge>
              ))}
            </Group>
            <Closeness strength={contact.strength} now={now} />
          </Group>
        </Group>
      </UnstyledButton>
    </Group>
  );
}

/**
 * Only the rows in view are in the DOM; the next page loads as the end comes into view. Arrow
 * keys, Home and End move between rows (scrolling as they go), Enter opens one.
 */
export function ContactList({
  items,
  hasMore,
  loadingMore,
  loadMore,
  focusRef,
  selected,
  onToggle,
}: ContactListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Keyed by contact, so a row (and its checkbox) stays with its contact when a refresh shifts the list.
    getItemKey: (index) => items[index]?.id ?? 'loading',
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  const now = new Date();

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 1) loadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, loadMore]);

  const focusRow = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const target = Math.max(0, Math.min(items.length - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      let frames = 0;
      const tryFocus = () => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`);
        if (row) row.focus();
        else if (++frames < FOCUS_FRAMES) requestAnimationFrame(tryFocus);
      };
      tryFocus();
    },
    [items.length, virtualizer],
  );
  useEffect(() => {
    if (!focusRef) return;
    focusRef.current = focusRow;
    return () => {
      focusRef.current = null;
    };
  }, [focusRef, focusRow]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((event.target as HTMLElement).dataset.rowIndex ?? -1);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    };
    if (!(event.key in moves) || current < 0) return;
    event.preventDefault();
    focusRow(moves[event.key]);
  };

  return (
    <div ref={scrollRef} className={classes.scroller} role="list" aria-label="Contacts" onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => (
          <div
            key={row.key}
            role="listitem"
            className={classes.slot}
            style={{ height: row.size, transform: `translateY(${row.start}px)` }}
          >
            {row.index < items.length ? (
              <ContactRow
                contact={items[row.index]}
                index={row.index}
                now={now}
                selected={selected.has(items[row.index].id)}
                onToggle={onToggle}
              />
            ) : (
              <Group justify="center" h="100%">
                <Loader size="sm" aria-label="Loading more contacts" />
              </Group>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
