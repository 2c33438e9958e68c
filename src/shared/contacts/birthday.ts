import { z } from 'zod';

/**
 * Birthdays are stored as vCard writes them: `YYYY-MM-DD`, or `--MM-DD` when the year is not
 * known (as contact imports bring them in).
 */
const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const NO_YEAR = /^--(\d{2})-(\d{2})$/;

export interface BirthdayParts {
  year: number | null;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isLeap(year: number): boolean {
  return daysInMonth(year, 2) === 29;
}

/** The parts of a stored birthday, or null when it is not a real date (a 30 February, a 13th month). */
export function parseBirthday(value: string): BirthdayParts | null {
  const full = FULL.exec(value);
  const noYear = full ? null : NO_YEAR.exec(value);
  if (!full && !noYear) return null;
  const year = full ? Number(full[1]) : null;
  const month = Number(full ? full[2] : noYear![1]);
  const day = Number(full ? full[3] : noYear![2]);
  if (year !== null && (year < 1850 || year > 2200)) return null;
  // A year-less 29 February is a real birthday, so it is checked against a leap year.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year ?? 2000, month)) return null;
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The stored form of a birthday's parts. */
export function formatBirthdayValue({ year, month, day }: BirthdayParts): string {
  return year === null ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

export const birthdaySchema = z
  .string()
  .refine(
    (value) => parseBirthday(value) !== null,
    'A birthday is a real date: YYYY-MM-DD, or --MM-DD without the year',
  );

/** The day of the month a yearly date falls on in `year`: a 29 February on the 28th in other years. */
export function dayCelebrated(parts: Pick<BirthdayParts, 'month' | 'day'>, year: number): number {
  return parts.month === 2 && parts.day === 29 && !isLeap(year) ? 28 : parts.day;
}

export interface NextBirthday {
  /** The day it is next celebrated, today included (`YYYY-MM-DD`). */
  date: string;
  daysUntil: number;
  /** The age reached that day, when the year of birth is known. */
  turns: number | null;
}

/**
 * When a birthday next comes round from `today` (`YYYY-MM-DD`, the user's local date). Someone
 * born on 29 February is celebrated on 28 February in other years (`dayCelebrated`).
 */
export function nextBirthday(birthday: string, today: string): NextBirthday | null {
  const parts = parseBirthday(birthday);
  const now = FULL.exec(today);
  if (!parts || !now) return null;
  const todayYear = Number(now[1]);
  const todayUtc = Date.UTC(todayYear, Number(now[2]) - 1, Number(now[3]));
  for (const year of [todayYear, todayYear + 1]) {
    const day = dayCelebrated(parts, year);
    const at = Date.UTC(year, parts.month - 1, day);
    if (at < todayUtc) continue;
    if (parts.year !== null && year < parts.year) return null;
    return {
      date: `${year}-${pad(parts.month)}-${pad(day)}`,
      daysUntil: Math.round((at - todayUtc) / 86_400_000),
      turns: parts.year === null ? null : year - parts.year,
    };
  }
  return null;
}

/** "today", "tomorrow" or "in 12 days". */
export function daysUntilText(daysUntil: number): string {
  if (daysUntil === 0) return 'today';
  if (daysUntil === 1) return 'tomorrow';
  return `in ${daysUntil} days`;
}
