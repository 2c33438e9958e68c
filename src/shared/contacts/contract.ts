import { output } from '../ipc/output';
import {
  contactArchiveInput,
  contactBulkInput,
  contactIdsInput,
  contactCreateInput,
  contactIdInput,
  contactListInput,
  contactUpdateInput,
  type Contact,
  type ContactBulkResult,
  type ContactIds,
  type ContactFacets,
  type ContactPage,
} from './schemas';
import { z } from 'zod';
import { contactPhotoInput, contactSetPhotoInput, type ContactPhoto } from './photo';
import type { RecentJobChange } from '../journal/views';
import type { CareerRole } from './career';
import { contactEarlierRoleInput, contactRoleEditInput } from './careerInputs';

export const contactsContract = {
  'contacts:list': { input: contactListInput, output: output<ContactPage>() },
  'contacts:get': { input: contactIdInput, output: output<Contact>() },
  'contacts:create': { input: contactCreateInput, output: output<Contact>() },
  'contacts:update': { input: contactUpdateInput, output: output<Contact>() },
  'contacts:setArchived': { input: contactArchiveInput, output: output<Contact>() },
  'contacts:delete': { input: contactIdInput, output: output<{ deleted: true }>() },
  'contacts:ids': { input: contactIdsInput, output: output<ContactIds>() },
  'contacts:bulk': { input: contactBulkInput, output: output<ContactBulkResult>() },
  'contacts:facets': { input: z.object({}).strict(), output: output<ContactFacets>() },
  'contacts:photo': { input: contactPhotoInput, output: output<ContactPhoto | null>() },
  'contacts:setPhoto': { input: contactSetPhotoInput, output: output<Contact>() },
  'contacts:removePhoto': { input: contactIdInput, output: output<Contact>() },
  /** Their latest job change of the dashboard's window, unless dismissed: what New jobs would list for them. */
  'contacts:newJob': { input: contactIdInput, output: output<RecentJobChange | null>() },
  /** Their roles, latest first, from the job changes on their timeline, with who else was there; empty when none was recorded. */
  'contacts:career': { input: contactIdInput, output: output<CareerRole[]>() },
  /** Adds a role they held that no recorded move says (`addEarlierRole`); answers their career. */
  'contacts:addEarlierRole': { input: contactEarlierRoleInput, output: output<CareerRole[]>() },
  /** Puts right the role a recorded job change ended, and the moves' wording (`editRole`); answers their career. */
  'contacts:editRole': { input: contactRoleEditInput, output: output<CareerRole[]>() },
};
