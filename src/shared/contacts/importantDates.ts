import { z } from 'zod';
import { parseBirthday } from './birthday';
import { refuseRepeatedLabels } from './labels';

/** Most important dates one contact holds. */
export const MAX_IMPORTANT_DATES = 20;

/** Offered in the form beside the names already in use: the dates a professional network keeps. */
export const IMPORTANT_DATE_SUGGESTIONS = ['Work anniversary', 'Anniversary', 'Started in this role'];

/**
 * A yearly date of the user's own beside the birthday: "Work anniversary: 2019-12-03",
 * "Maya's birthday: --05-14". Stored as a birthday is (`YYYY-MM-DD`, or `--MM-DD` without the
 * year), so `nextBirthday` tells when it next comes round and how many years it marks.
 */
export const importantDateInput = z.strictObject({
  label: z.string().trim().min(1, 'Name the date').max(60),
  date: z
    .string()
    .trim()
    .refine(
      (value) => parseBirthday(value) !== null,
      'Give a real day and month, and the year if you know it (YYYY-MM-DD, or --MM-DD without the year)',
    ),
});
export type ImportantDate = z.output<typeof importantDateInput>;

export const importantDateList = z
  .array(importantDateInput)
  .max(MAX_IMPORTANT_DATES)
  .superRefine(refuseRepeatedLabels('date'));

/** "1 year", "6 years"; null for the day itself (a date not yet a year old marks nothing). */
export function yearsText(years: number | null): string | null {
  if (years === null || years < 1) return null;
  return years === 1 ? '1 year' : `${years} years`;
}
