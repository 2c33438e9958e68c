import { useDebouncedValue } from '@mantine/hooks';
import { useRapportQuery } from '../../api/hooks';

/** Contacts whose names match what is typed, found in main over the FTS index (nothing until something is typed). */
export function useContactSearch(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 100);
  const found = useRapportQuery(
    'contacts:list',
    { query: debounced, limit: 20 },
    { enabled: debounced.length > 0, placeholderData: (previous) => previous },
  );
  return {
    typed: debounced.length > 0,
    found: found.data?.items ?? [],
  };
}
