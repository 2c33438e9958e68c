import { useInfiniteQuery } from '@tanstack/react-query';
import type { ContactListFilters } from '../../../../shared/contacts/listState';
import { call, type RapportError } from '../../api/client';

export const PAGE_SIZE = 100;

export type { ContactListFilters };

/** The contacts list, fetched a page at a time as the user scrolls (the list is virtualised). */
export function useContactPages(filters: ContactListFilters) {
  const query = useInfiniteQuery({
    // Starts with the domain so data:changed invalidation and contacts mutations reach it.
    queryKey: ['contacts', 'list-pages', filters],
    queryFn: ({ pageParam }) => call('contacts:list', { ...filters, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return next < last.total && last.items.length > 0 ? next : undefined;
    },
    placeholderData: (previous) => previous,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages.at(-1)?.total ?? 0;
  return { ...query, items, total, error: query.error as RapportError | null };
}
