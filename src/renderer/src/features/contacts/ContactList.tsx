import { Badge, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { ContactSummary } from '../../../../shared/contacts/schemas';
import { circleLabels } from './labels';
import classes from './ContactList.module.css';

const ROW_HEIGHT = 60;

export interface ContactListProps {
  items: ContactSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

function ContactRow({ contact }: { contact: ContactSummary }) {
  const navigate = useNavigate();
  const subtitle = [contact.title, contact.organisation].filter(Boolean).join(' · ');
  return (
    <UnstyledButton
      className={classes.row}
      onClick={() => void navigate(`/contacts/${contact.id}`)}
      aria-label={contact.displayName}
      data-contact-id={contact.id}
    >
      <Group justify="space-between" wrap="nowrap" h="100%" px="sm">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={500} truncate>
            {contact.displayName}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {subtitle || contact.primaryEmail || '\u00a0'}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {contact.circles.map((circle) => (
            <Badge key={circle} variant="light" size="sm">
              {circleLabels[circle]}
            </Badge>
          ))}
        </Group>
      </Group>
    </UnstyledButton>
  );
}

/** Only the rows in view are in the DOM; the next page loads as the end comes into view. */
export function ContactList({ items, hasMore, loadingMore, loadMore }: ContactListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 1) loadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, loadMore]);

  return (
    <div ref={scrollRef} className={classes.scroller} role="list" aria-label="Contacts">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => (
          <div
            key={row.key}
            role="listitem"
            className={classes.slot}
            style={{ height: row.size, transform: `translateY(${row.start}px)` }}
          >
            {row.index < items.length ? (
              <ContactRow contact={items[row.index]} />
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
