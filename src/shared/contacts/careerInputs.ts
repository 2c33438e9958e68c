import { z } from 'zod';
import { isoDateString } from '../journal/schemas';

const roleField = z.string().trim().max(200).default('');

/** A role someone held that no recorded move says, added to their career by hand. */
export const contactEarlierRoleInput = z
  .strictObject({
    id: z.number().int().positive(),
    organisation: roleField,
    title: roleField,
    /** The day they left it, `YYYY-MM-DD`: not after today, nor at the time of a recorded move. */
    until: isoDateString,
  })
  .refine((r) => r.organisation !== '' || r.title !== '', {
    message: 'Give the organisation, the title or both',
    path: ['organisation'],
  });
export type ContactEarlierRole = z.output<typeof contactEarlierRoleInput>;

/**
 * A recorded role put right: the one the job change `endedBy` on their timeline ended. Both
 * fields empty say the role is not known ("An earlier role").
 */
export const contactRoleEditInput = z.strictObject({
  id: z.number().int().positive(),
  endedBy: z.number().int().positive(),
  organisation: roleField,
  title: roleField,
});
export type ContactRoleEdit = z.output<typeof contactRoleEditInput>;
