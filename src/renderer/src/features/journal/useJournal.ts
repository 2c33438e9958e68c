import { useInfiniteQuery } from '@tanstack/react-query';
import type { JournalListInput } from '../../../../shared/journal/schemas';
import { call, type RapportError } from '../../api/client';
import { useWrite } from '../../api/useWrite';

export const JOURNAL_PAGE = 50;

export type JournalFilters = Omit<JournalListInput, 'offset' | 'limit'>;

function pages<T extends { offset: number; total: number; items: unknown[] }>(last: T) {
  const next = last.offset + last.items.length;
  return next < last.total && last.items.length > 0 ? next : undefined;
}

/** The journal, newest first, a page at a time as the virtual list scrolls. */
export function useJournalPages(filters: JournalFilters) {
  const query = useInfiniteQuery({
    queryKey: ['journal', 'list-pages', filters],
    queryFn: ({ pageParam }) => call('journal:list', { ...filters, offset: pageParam, limit: JOURNAL_PAGE }),
    initialPageParam: 0,
    getNextPageParam: pages,
    placeholderData: (previous) => previous,
  });
  return {
    ...query,
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    total: query.data?.pages.at(-1)?.total ?? 0,
    error: query.error as RapportError | null,
  };
}

/** One contact's timeline, newest first. */
export function useTimelinePages(contactId: number) {
  const query = useInfiniteQuery({
    queryKey: ['journal', 'timeline-pages', contactId],
    queryFn: ({ pageParam }) =>
      call('journal:timeline', { contactId, offset: pageParam, limit: JOURNAL_PAGE }),
    initialPageParam: 0,
    getNextPageParam: pages,
  });
  return {
    ...query,
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    total: query.data?.pages.at(-1)?.total ?? 0,
    error: query.error as RapportError | null,
  };
}

/**
 * Calls a channel and refreshes every query: a journal write changes timelines, the
 * dashboard, the reconnect queue and search at once.
 */
export function useJournalWrite() {
  return useWrite();
}
