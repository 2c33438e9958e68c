import { addDays } from '../goals/periods';

/** How far a follow-up can be put off with one click; "custom" is the edit form's date field. */
export const snoozeChoices = ['tomorrow', 'nextWeek', 'nextMonth'] as const;
export type SnoozeChoice = (typeof snoozeChoices)[number];

export const snoozeLabels: Record<SnoozeChoice, string> = {
  tomorrow: 'Tomorrow',
  nextWeek: 'In a week',
  nextMonth: 'In a month',
};

/** The same day next month, or that month's last day when it is shorter (31 Jan → 28 or 29 Feb). */
function addMonth(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The new due day of a snoozed follow-up, counted from `today` (a local `YYYY-MM-DD`): putting
 * off something overdue by a week means a week from now, not from when it was due.
 */
export function snoozedUntil(choice: SnoozeChoice, today: string): string {
  if (choice === 'tomorrow') return addDays(today, 1);
  if (choice === 'nextWeek') return addDays(today, 7);
  return addMonth(today);
}
