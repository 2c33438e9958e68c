import { journalCreateInput } from './createInput';
import { z } from 'zod';
import { output } from '../ipc/output';
import {
  interactionIdInput,
  interactionUpdateInput,
  journalListInput,
  mentionCandidatesInput,
  quickLogInput,
  timelineInput,
  undoInput,
  type DeleteResult,
  type Interaction,
  type InteractionPage,
  type MentionCandidate,
} from './schemas';
import {
  cadenceDefaultsInput,
  contactCadenceInput,
  contactIdOnly,
  dashboardInput,
  jobChangeDismissInput,
  dismissInput,
  duplicatesListInput,
  mergeInput,
  reconnectListInput,
  searchInput,
  snoozeInput,
  type CadenceDefaults,
  type Dashboard,
  type DuplicatePair,
  type KeepInTouchStatus,
  type MergeResult,
  type ReconnectItem,
  type SearchResults,
} from './views';
import type { Contact } from '../contacts/schemas';

/** The journal and what is built on it: search, keep-in-touch, duplicates, dashboard. */
export const journalContract = {
  'journal:create': { input: journalCreateInput, output: output<Interaction>() },
  'journal:quickLog': { input: quickLogInput, output: output<Interaction>() },
  'journal:get': { input: interactionIdInput, output: output<Interaction>() },
  'journal:update': { input: interactionUpdateInput, output: output<Interaction>() },
  'journal:delete': { input: interactionIdInput, output: output<DeleteResult>() },
  'journal:undoDelete': { input: undoInput, output: output<Interaction>() },
  /** Hands an imported meeting back to its calendar: the next import sets every part from it. */
  'journal:returnToCalendar': { input: interactionIdInput, output: output<Interaction>() },
  'journal:list': { input: journalListInput, output: output<InteractionPage>() },
  'journal:timeline': { input: timelineInput, output: output<InteractionPage>() },
  'journal:mentionCandidates': { input: mentionCandidatesInput, output: output<MentionCandidate[]>() },
  'journal:tags': { input: z.strictObject({}), output: output<string[]>() },
  'search:query': { input: searchInput, output: output<SearchResults>() },
  'reconnect:list': {
    input: reconnectListInput,
    output: output<{ items: ReconnectItem[]; total: number }>(),
  },
  'reconnect:status': { input: contactIdOnly, output: output<KeepInTouchStatus>() },
  'reconnect:snooze': { input: snoozeInput, output: output<KeepInTouchStatus>() },
  'reconnect:setContactCadence': { input: contactCadenceInput, output: output<KeepInTouchStatus>() },
  'reconnect:getDefaults': { input: z.strictObject({}), output: output<CadenceDefaults>() },
  'reconnect:setDefaults': { input: cadenceDefaultsInput, output: output<CadenceDefaults>() },
  'duplicates:list': { input: duplicatesListInput, output: output<DuplicatePair[]>() },
  'duplicates:dismiss': { input: dismissInput, output: output<{ dismissed: true }>() },
  'duplicates:merge': { input: mergeInput, output: output<MergeResult>() },
  'duplicates:undoMerge': { input: undoInput, output: output<{ restored: Contact[] }>() },
  'dashboard:get': { input: dashboardInput, output: output<Dashboard>() },
  'dashboard:dismissJobChange': { input: jobChangeDismissInput, output: output<{ dismissed: boolean }>() },
};
