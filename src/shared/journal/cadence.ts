import type { Circle } from '../contacts/schemas';

/** Days between contacts per circle; null means "no reminders" for that circle. */
export type CadenceDefaults = Record<Circle, number | null>;

export const defaultCadences: CadenceDefaults = {
  mentor: 30,
  sponsor: 60,
  colleague: 90,
  mentee: 30,
  peer: 120,
  friend: 60,
  other: null,
};

export type CadenceSource = 'contact' | 'circle' | 'none';

/**
 * A contact's cadence: its own number wins (the contact form may set one after "none"),
 * then switched off, then the most demanding
 * of its circles' defaults (a colleague who is also a mentor is a mentor for this purpose).
 */
export function effectiveCadence(
  contactCadence: number | null,
  off: boolean,
  contactCircles: readonly Circle[],
  defaults: CadenceDefaults,
): { days: number | null; source: CadenceSource } {
  if (contactCadence !== null) return { days: contactCadence, source: 'contact' };
  if (off) return { days: null, source: 'none' };
  const fromCircles = contactCircles
    .map((c) => defaults[c])
    .filter((d): d is number => typeof d === 'number' && d > 0);
  if (fromCircles.length === 0) return { days: null, source: 'none' };
  return { days: Math.min(...fromCircles), source: 'circle' };
}

const dayMs = 86_400_000;

/** Days elapsed since `since` (a date or a timestamp), never negative. */
export function daysSince(since: string, now: Date): number {
  const t = new Date(since.length === 10 ? `${since}T00:00:00Z` : since).getTime();
  return Math.max(0, (now.getTime() - t) / dayMs);
}

/** How overdue a relationship is: 1 means exactly due, 2 twice the cadence. */
export function overdueRatio(since: string, cadenceDays: number, now: Date): number {
  return daysSince(since, now) / cadenceDays;
}
