import { z } from 'zod';
import { isIsoDateTime, isoDateString } from '../journal/schemas';

const id = z.number().int().positive();

export const MAX_FOLLOW_UP_TEXT = 300;
export const followUpStatuses = ['open', 'done'] as const;

const dueOn = isoDateString.nullable().default(null);

export const followUpListInput = z.strictObject({
  /** One person's, or everyone's when absent (the dashboard). */
  contactId: id.optional(),
  status: z.enum(followUpStatuses).default('open'),
  /** Only those due on or before this day (undated ones never are). */
  dueBy: isoDateString.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

const text = z.string().trim().min(1, 'Say what the next step is').max(MAX_FOLLOW_UP_TEXT);

/** A next step with one person: what, and by when if it matters. */
export const followUpDraft = z.strictObject({ contactId: id, text, dueOn });
export type FollowUpDraft = z.output<typeof followUpDraft>;
export type FollowUpDraftInput = z.input<typeof followUpDraft>;

/** A change to what the next step is or when it is due (a snooze is a new due day); null clears the day. */
export const followUpUpdateInput = z
  .strictObject({ id, text: text.optional(), dueOn: isoDateString.nullable().optional() })
  .refine((input) => input.text !== undefined || input.dueOn !== undefined, {
    message: 'Give the new text or due day',
    path: ['text'],
  });

const instant = z.string().refine(isIsoDateTime, 'Use an ISO date and time');

/** A deleted follow-up put back as it was (the undo of a delete): same id, state and times. */
export const followUpRestoreInput = z.strictObject({
  id,
  contactId: id,
  text,
  dueOn: isoDateString.nullable(),
  doneAt: instant.nullable(),
  createdAt: instant,
});
export type FollowUpRestore = z.output<typeof followUpRestoreInput>;

export const followUpSetDoneInput = z.strictObject({ id, done: z.boolean() });
export const followUpIdInput = z.strictObject({ id });

export interface FollowUp {
  id: number;
  contactId: number;
  contactName: string;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  contactPhoto: string | null;
  text: string;
  /** A local calendar day, `YYYY-MM-DD`, or null for "some time". */
  dueOn: string | null;
  doneAt: string | null;
  createdAt: string;
}

export interface FollowUpList {
  /** Open ones by due date (undated last), done ones most recent first. */
  items: FollowUp[];
  /** How many match, beyond `limit` too. */
  total: number;
}
