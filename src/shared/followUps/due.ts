import { daysBetween } from '../goals/periods';
import { count } from '../text/count';

export type DueState = 'overdue' | 'today' | 'soon' | 'later' | 'undated';

/** Calendar days from `today` to `dueOn` (both `YYYY-MM-DD`): negative when it has passed. */
export function daysUntil(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

/** When a follow-up is due, in words, and how urgent: "Overdue by 2 days", "Due today", "Due in 5 days". */
export function dueText(dueOn: string | null, today: string): { text: string; state: DueState } {
  if (dueOn === null) return { text: 'No date', state: 'undated' };
  const days = daysUntil(dueOn, today);
  if (days < 0) return { text: `Overdue by ${count(-days, 'day')}`, state: 'overdue' };
  if (days === 0) return { text: 'Due today', state: 'today' };
  if (days === 1) return { text: 'Due tomorrow', state: 'soon' };
  return { text: `Due in ${count(days, 'day')}`, state: days <= 7 ? 'soon' : 'later' };
}
