import { z } from 'zod';
import { output } from '../ipc/output';
import { selfEmailsInput, type AppInfo } from './schemas';

export const settingsContract = {
  'settings:getSelfEmails': { input: z.object({}).strict(), output: output<string[]>() },
  'settings:setSelfEmails': { input: selfEmailsInput, output: output<string[]>() },
  'settings:appInfo': { input: z.object({}).strict(), output: output<AppInfo>() },
};
