import { z } from 'zod';
import { isoDateString } from '../journal/schemas';

/** How many days before a birthday or an important date the reminder names it too (0: on the day only). */
export const daysAheadChoices = [0, 1, 3, 7] as const;

/** The morning reminder: whether Rapport shows it, from which local hour, and how early it names a day. */
export const reminderPrefsSchema = z.strictObject({
  enabled: z.boolean(),
  hour: z.number().int().min(0).max(23),
  /** Left out (as prefs stored before it were): on the day only. */
  daysAhead: z
    .number()
    .int()
    .refine((n) => (daysAheadChoices as readonly number[]).includes(n), 'One of 0, 1, 3 or 7 days')
    .default(0),
});
export type ReminderPrefs = z.output<typeof reminderPrefsSchema>;

export const defaultReminderPrefs: ReminderPrefs = { enabled: true, hour: 9, daysAhead: 0 };

export const reminderPreviewInput = z.strictObject({
  /** The viewer's local day (`YYYY-MM-DD`): what is due is due by that day. */
  today: isoDateString,
});

/**
 * What the morning reminder says: follow-ups due today or overdue, the people overdue for a
 * catch-up (the dashboard's Reconnect queue), today's birthdays and important dates (and those
 * some days ahead, if the user asked), and the week's new jobs.
 */
export interface ReminderDigest {
  title: string;
  /** The first few follow-ups one per line, then whom to reconnect with, the birthdays, the new jobs. */
  lines: string[];
  followUpsDue: number;
  reconnectDue: number;
  birthdaysToday: number;
  importantDatesToday: number;
  /** Birthdays and important dates named ahead of their day (`ReminderPrefs.daysAhead`). */
  comingUp: number;
  /** Job changes of the last week not yet followed by a contact. */
  newJobs: number;
}
