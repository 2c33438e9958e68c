import { output } from '../ipc/output';
import {
  followUpDraft,
  followUpIdInput,
  followUpListInput,
  followUpRestoreInput,
  followUpSetDoneInput,
  followUpUpdateInput,
  type FollowUp,
  type FollowUpList,
} from './schemas';

export const followUpsContract = {
  'followups:list': { input: followUpListInput, output: output<FollowUpList>() },
  'followups:create': { input: followUpDraft, output: output<FollowUp>() },
  'followups:update': { input: followUpUpdateInput, output: output<FollowUp>() },
  'followups:setDone': { input: followUpSetDoneInput, output: output<FollowUp>() },
  'followups:delete': { input: followUpIdInput, output: output<FollowUp>() },
  'followups:restore': { input: followUpRestoreInput, output: output<FollowUp>() },
};
