import type { followUpsContract } from '../../shared/followUps/contract';
import type { HandlerMap } from '../ipc/context';
import { listFollowUps } from './repository';
import { createFollowUp, deleteFollowUp, restoreFollowUp, setDone, updateFollowUp } from './service';

export const followUpsHandlers: HandlerMap<keyof typeof followUpsContract> = {
  'followups:list': (input, { store }) => listFollowUps(store.db, input),
  'followups:create': async (input, ctx) => {
    const created = await createFollowUp(ctx.store.db, input, ctx.now());
    ctx.emit('data:changed', { domains: ['followups'] });
    return created;
  },
  'followups:update': async (input, ctx) => {
    const updated = await updateFollowUp(ctx.store.db, input);
    ctx.emit('data:changed', { domains: ['followups'] });
    return updated;
  },
  'followups:setDone': async (input, ctx) => {
    const updated = await setDone(ctx.store.db, input.id, input.done, ctx.now());
    ctx.emit('data:changed', { domains: ['followups'] });
    return updated;
  },
  'followups:delete': async (input, ctx) => {
    const deleted = await deleteFollowUp(ctx.store.db, input.id);
    ctx.emit('data:changed', { domains: ['followups'] });
    return deleted;
  },
  'followups:restore': async (input, ctx) => {
    const restored = await restoreFollowUp(ctx.store.db, input);
    ctx.emit('data:changed', { domains: ['followups'] });
    return restored;
  },
};
