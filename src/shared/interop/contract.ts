import { z } from 'zod';
import { output } from '../ipc/output';
import { circleSchema } from '../contacts/schemas';
import {
  exportFormats,
  type BackupInfo,
  type BackupsOverview,
  type ContactsPreview,
  type ExportOutcome,
  type ImportOutcome,
  type ImportRecord,
  type RestoreOutcome,
  type RowWarning,
  type UndoOutcome,
} from './types';

/** Largest file the bridge accepts, base64-encoded (about 256 MB). */
const MAX_BASE64 = 350_000_000;

export const contactsPreviewInput = z.strictObject({
  file: z.strictObject({ name: z.string().min(1).max(500), data: z.string().max(MAX_BASE64) }),
});

export const contactsCommitInput = z.strictObject({
  previewId: z.string().min(1).max(100),
  circle: circleSchema.default('colleague'),
  decisions: z
    .array(
      z.strictObject({
        row: z.number().int().min(1),
        action: z.enum(['create', 'update', 'skip']),
        contactId: z.number().int().positive().optional(),
      }),
    )
    .max(1_000_000)
    .default([]),
  /** Rows whose other organisation or title (`PreviewItem.roleInFile`) to take, each as a job change. */
  takeRoles: z.array(z.number().int().min(1)).max(1_000_000).default([]),
});

export const importIdInput = z.strictObject({ importId: z.number().int().positive() });
export const exportInput = z.strictObject({ format: z.enum(exportFormats) });
export const backupNameInput = z.strictObject({ name: z.string().min(1).max(200) });
const empty = z.strictObject({});

export const interopContract = {
  'interop:previewContacts': { input: contactsPreviewInput, output: output<ContactsPreview>() },
  'interop:commitContacts': {
    input: contactsCommitInput,
    output: output<ImportOutcome & { warnings: RowWarning[] }>(),
  },
  'interop:undoImport': { input: importIdInput, output: output<UndoOutcome>() },
  'interop:imports': { input: empty, output: output<ImportRecord[]>() },
  'interop:export': { input: exportInput, output: output<ExportOutcome>() },
  'interop:backups': { input: empty, output: output<BackupsOverview>() },
  'interop:backupNow': { input: empty, output: output<BackupInfo>() },
  'interop:restoreBackup': { input: backupNameInput, output: output<RestoreOutcome>() },
};
