import { output } from '../ipc/output';
import { z } from 'zod';
import {
  checkinIdInput,
  checkinInput,
  contactGoalsInput,
  goalCreateInput,
  goalGetInput,
  goalIdInput,
  goalPrefsSchema,
  goalStatusInput,
  goalUpdateInput,
  milestoneDoneInput,
  type Checkin,
  type DashboardGoal,
  type GoalDefinition,
  type GoalDetail,
  type GoalPrefs,
  type GoalSummary,
} from './schemas';

export const goalsContract = {
  'goals:list': { input: z.strictObject({}), output: output<GoalSummary[]>() },
  'goals:get': { input: goalGetInput, output: output<GoalDetail>() },
  'goals:create': { input: goalCreateInput, output: output<GoalDefinition>() },
  'goals:update': { input: goalUpdateInput, output: output<GoalDefinition>() },
  'goals:setStatus': { input: goalStatusInput, output: output<GoalDefinition>() },
  'goals:delete': { input: goalIdInput, output: output<{ deleted: true }>() },
  'goals:addCheckin': { input: checkinInput, output: output<Checkin>() },
  'goals:deleteCheckin': { input: checkinIdInput, output: output<{ deleted: true }>() },
  'goals:setMilestoneDone': { input: milestoneDoneInput, output: output<{ done: boolean }>() },
  'goals:dashboard': { input: z.strictObject({}), output: output<DashboardGoal[]>() },
  'goals:forContact': { input: contactGoalsInput, output: output<GoalSummary[]>() },
  'goals:prefs': { input: z.strictObject({}), output: output<GoalPrefs>() },
  'goals:setPrefs': { input: goalPrefsSchema, output: output<GoalPrefs>() },
};
