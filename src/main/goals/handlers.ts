import type { goalsContract } from '../../shared/goals/contract';
import type { HandlerMap } from '../ipc/context';
import { readPrefs, writePrefs } from './prefs';
import * as service from './service';

const changed = { domains: ['goals'] };

export const goalsHandlers: HandlerMap<keyof typeof goalsContract> = {
  'goals:list': (_input, ctx) => service.listGoals(ctx.store, ctx.now()),
  'goals:get': (input, ctx) => service.goalDetail(ctx.store, input.id, ctx.now(), input.periodKey),
  'goals:create': async (input, ctx) => {
    const goal = await service.createGoal(ctx.store, input, ctx.now());
    ctx.emit('data:changed', changed);
    return goal;
  },
  'goals:update': async (input, ctx) => {
    const goal = await service.updateGoal(ctx.store, input.id, input.fields, ctx.now());
    ctx.emit('data:changed', changed);
    return goal;
  },
  'goals:setStatus': async (input, ctx) => {
    const goal = await service.setStatus(ctx.store, input.id, input.status, ctx.now());
    ctx.emit('data:changed', changed);
    return goal;
  },
  'goals:delete': async (input, ctx) => {
    await service.deleteGoal(ctx.store, input.id);
    ctx.emit('data:changed', changed);
    return { deleted: true as const };
  },
  'goals:addCheckin': async (input, ctx) => {
    const checkin = await service.addCheckin(ctx.store, input, ctx.now());
    ctx.emit('data:changed', changed);
    return checkin;
  },
  'goals:deleteCheckin': async (input, ctx) => {
    await service.deleteCheckin(ctx.store, input.id);
    ctx.emit('data:changed', changed);
    return { deleted: true as const };
  },
  'goals:setMilestoneDone': async (input, ctx) => {
    const result = await service.setMilestoneDone(ctx.store, input.id, input.done, ctx.now());
    ctx.emit('data:changed', changed);
    return result;
  },
  'goals:dashboard': (_input, ctx) => service.dashboardGoals(ctx.store, ctx.now()),
  'goals:forContact': (input, ctx) => service.goalsForContact(ctx.store, input.contactId, ctx.now()),
  'goals:prefs': (_input, { store }) => readPrefs(store.db),
  'goals:setPrefs': async (input, ctx) => {
    const prefs = await writePrefs(ctx.store.db, input);
    ctx.emit('data:changed', { domains: ['goals', 'settings'] });
    return prefs;
  },
};
