import { count } from './count';

const DAY_MS = 86_400_000;

function localMidnight(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * How long ago `then` was, in calendar days of the local time zone, coarser the longer ago:
 * "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". A moment
 * later than `now` (a meeting planned ahead) reads "today".
 */
export function sinceText(then: Date, now: Date): string {
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  const days = Math.round((localMidnight(now) - localMidnight(then)) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${count(days, 'day')} ago`;
  if (days < 60) return `${count(Math.floor(days / 7), 'week')} ago`;
  const months = calendarMonths(then, now);
  if (months < 24) return `${count(months, 'month')} ago`;
  return `${count(Math.floor(months / 12), 'year')} ago`;
}

/** Whole calendar months from `then` to `now`: 26 September to 25 November is one. */
function calendarMonths(then: Date, now: Date): number {
  const months = (now.getFullYear() - then.getFullYear()) * 12 + now.getMonth() - then.getMonth();
  return now.getDate() < then.getDate() ? months - 1 : months;
}

/** "last contact 3 weeks ago", or "no contact yet" when `lastAt` (UTC ISO) is null. */
export function lastContactText(lastAt: string | null, now: Date): string {
  return lastAt === null ? 'no contact yet' : `last contact ${sinceText(new Date(lastAt), now)}`;
}
