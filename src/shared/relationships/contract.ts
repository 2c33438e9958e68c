import { output } from '../ipc/output';
import {
  relationshipAddInput,
  relationshipIdInput,
  relationshipListInput,
  type RelatedContact,
  type Relationship,
} from './schemas';

export const relationshipsContract = {
  'relationships:list': { input: relationshipListInput, output: output<RelatedContact[]>() },
  'relationships:add': { input: relationshipAddInput, output: output<Relationship>() },
  'relationships:remove': { input: relationshipIdInput, output: output<Relationship>() },
};
