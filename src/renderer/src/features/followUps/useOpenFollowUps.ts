import { useRapportQuery } from '../../api/hooks';

/**
 * Everyone's open follow-ups, most urgent first: one query the dashboard's card and its
 * reconnect rows share, so the page asks once.
 */
export function useOpenFollowUps() {
  return useRapportQuery('followups:list', { limit: 500 });
}
