import { output } from '../ipc/output';
import {
  relationshipAddInput,
  relationshipIdInput,
  relationshipListInput,
  relationshipNoteInput,
  type RelatedContact,
  type Relationship,
} from './schemas';

export const relationshipsContract = {
  'relationships:list': { input: relationshipListInput, output: output<RelatedContact[]>() },
  'relationships:add': { input: relationshipAddInput, output: output<Relationship>() },
  'relationships:remove': { input: relationshipIdInput, output: output<Relationship>() },
  'relationships:setNote': { input: relationshipNoteInput, output: output<Relationship>() },
};
