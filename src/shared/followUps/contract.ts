import { output } from '../ipc/output';
import {
  followUpDraft,
  followUpIdInput,
  followUpListInput,
  followUpSetDoneInput,
  type FollowUp,
  type FollowUpList,
} from './schemas';

export const followUpsContract = {
  'followUps:list': { input: followUpListInput, output: output<FollowUpList>() },
  'followUps:create': { input: followUpDraft, output: output<FollowUp>() },
  'followUps:setDone': { input: followUpSetDoneInput, output: output<FollowUp>() },
  'followUps:delete': { input: followUpIdInput, output: output<FollowUp>() },
};
