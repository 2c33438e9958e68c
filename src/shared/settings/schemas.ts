import { z } from 'zod';

export const selfEmailsInput = z.strictObject({
  emails: z
    .array(
      z
        .string()
        .trim()
        .max(320)
        .regex(/^[^\s@]+@[^\s@]+$/, 'Not an email address'),
    )
    .max(100),
});

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
}
