import { z } from 'zod';
import { isoDateString } from '../journal/schemas';

/** The morning reminder: whether Rapport shows it, and from which local hour. */
export const reminderPrefsSchema = z.strictObject({
  enabled: z.boolean(),
  hour: z.number().int().min(0).max(23),
});
export type ReminderPrefs = z.output<typeof reminderPrefsSchema>;

export const defaultReminderPrefs: ReminderPrefs = { enabled: true, hour: 9 };

export const reminderPreviewInput = z.strictObject({
  /** The viewer's local day (`YYYY-MM-DD`): what is due is due by that day. */
  today: isoDateString,
});

/**
 * What the morning reminder says: follow-ups due today or overdue, the people overdue for a
 * catch-up (the dashboard's Reconnect queue), today's birthdays, and the week's new jobs.
 */
export interface ReminderDigest {
  title: string;
  /** The first few follow-ups one per line, then whom to reconnect with, the birthdays, the new jobs. */
  lines: string[];
  followUpsDue: number;
  reconnectDue: number;
  birthdaysToday: number;
  importantDatesToday: number;
  /** Job changes of the last week not yet followed by a contact. */
  newJobs: number;
}
