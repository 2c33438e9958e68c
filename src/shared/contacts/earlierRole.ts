import { z } from 'zod';
import { isoDateString } from '../journal/schemas';

/** A role someone held before everything recorded about them, added to their career by hand. */
export const contactEarlierRoleInput = z
  .strictObject({
    id: z.number().int().positive(),
    organisation: z.string().trim().max(200).default(''),
    title: z.string().trim().max(200).default(''),
    /** The day they left it, `YYYY-MM-DD`: before their first recorded move, and not after today. */
    until: isoDateString,
  })
  .refine((r) => r.organisation !== '' || r.title !== '', {
    message: 'Give the organisation, the title or both',
    path: ['organisation'],
  });
export type ContactEarlierRole = z.output<typeof contactEarlierRoleInput>;
