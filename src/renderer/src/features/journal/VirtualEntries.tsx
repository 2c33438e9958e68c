import { Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { InteractionSummary } from '../../../../shared/journal/schemas';
import { monthOf } from './format';
import { InteractionRow } from './InteractionRow';

const MONTH_HEIGHT = 34;
const ENTRY_HEIGHT = 72;

type Row = { kind: 'month'; label: string } | { kind: 'entry'; entry: InteractionSummary } | { kind: 'more' };

export interface VirtualEntriesProps {
  items: InteractionSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  onOpen(id: number): void;
  height: number | string;
  label: string;
}

/**
 * Entries grouped under month headings, newest first. Only the rows in view are in the
 * DOM, so a timeline of thousands of entries scrolls like one of ten; the next page
 * loads as its end comes into view.
 */
export function VirtualEntries({
  items,
  hasMore,
  loadingMore,
  loadMore,
  onOpen,
  height,
  label,
}: VirtualEntriesProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const out: Row[] = [];
    let month = '';
    for (const entry of items) {
      const m = monthOf(entry.startsAt, entry.allDay);
      if (m !== month) {
        out.push({ kind: 'month', label: m });
        month = m;
      }
      out.push({ kind: 'entry', entry });
    }
    if (hasMore) out.push({ kind: 'more' });
    return out;
  }, [items, hasMore]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i].kind === 'month' ? MONTH_HEIGHT : ENTRY_HEIGHT),
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= rows.length - 1) loadMore();
  }, [hasMore, loadingMore, last, rows.length, loadMore]);

  return (
    <div
      ref={scrollRef}
      style={{ height, overflowY: 'auto', contain: 'strict' }}
      role="list"
      aria-label={label}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const row = rows[v.index];
          return (
            <div
              key={v.key}
              role={row.kind === 'entry' ? 'listitem' : undefined}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: v.size,
                transform: `translateY(${v.start}px)`,
              }}
            >
              {row.kind === 'month' ? (
                <Text fw={700} size="sm" pt={10} px="sm" c="dimmed">
                  {row.label}
                </Text>
              ) : row.kind === 'entry' ? (
                <InteractionRow entry={row.entry} onOpen={onOpen} />
              ) : (
                <Group justify="center" h="100%">
                  <Loader size="sm" aria-label="Loading more entries" />
                </Group>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
