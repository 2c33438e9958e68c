import { z } from 'zod';
import { output } from '../ipc/output';
import {
  reminderPrefsSchema,
  reminderPreviewInput,
  type ReminderDigest,
  type ReminderPrefs,
} from './schemas';

export const remindersContract = {
  'reminders:getPrefs': { input: z.strictObject({}), output: output<ReminderPrefs>() },
  'reminders:setPrefs': { input: reminderPrefsSchema, output: output<ReminderPrefs>() },
  /** Today's reminder as it would be shown, or null when there is nothing to say. */
  'reminders:preview': { input: reminderPreviewInput, output: output<ReminderDigest | null>() },
};
