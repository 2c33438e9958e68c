import { useWrite } from '../../api/useWrite';

/** Calls a goals channel that writes, then refreshes every goal view. */
export function useGoalsWrite() {
  return useWrite('goals');
}
