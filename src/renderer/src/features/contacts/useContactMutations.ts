import { useWrite } from '../../api/useWrite';

/** Calls a contacts channel and refreshes the contacts queries straight away. */
export function useContactWrite() {
  return useWrite('contacts');
}
