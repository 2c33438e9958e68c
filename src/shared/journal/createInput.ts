import type { z } from 'zod';
import { followUpDraft } from '../followUps/schemas';
import { checkInteraction, interactionFieldsObject } from './schemas';

/**
 * A new entry, and optionally the next step it leads to ("send her the deck by Friday"),
 * written together in one transaction. The follow-up is with someone listed on the entry.
 */
export const journalCreateInput = interactionFieldsObject
  .extend({ followUp: followUpDraft.optional() })
  .superRefine((f, ctx) => {
    checkInteraction(f, ctx);
    if (f.followUp && !f.participants.some((p) => p.contactId === f.followUp!.contactId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['followUp', 'contactId'],
        message: 'A follow-up is with someone listed on the entry',
      });
    }
  });
export type JournalCreateInput = z.input<typeof journalCreateInput>;
