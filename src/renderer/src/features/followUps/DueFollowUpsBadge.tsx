import { Badge } from '@mantine/core';
import { count } from '../../../../shared/text/count';
import { localDate } from '../../../../shared/journal/quickLog';
import { useRapportQuery } from '../../api/hooks';

/** How many follow-ups are due today or overdue, for the sidebar; nothing when none are. */
export function DueFollowUpsBadge() {
  const due = useRapportQuery('followups:list', { dueBy: localDate(new Date()), limit: 1 });
  const total = due.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge color="red" size="sm" circle={total < 10} aria-label={`${count(total, 'follow-up')} due`}>
      {total}
    </Badge>
  );
}
