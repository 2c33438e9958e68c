import type { HandlerMap } from '../ipc/context';
import type { strengthContract } from '../../shared/strength/contract';
import {
  contactStrength,
  driftingContacts,
  getParams,
  graphData,
  introductionPath,
  listStrength,
  savePositions,
  setParams,
  setPin,
} from './service';

export const strengthHandlers: HandlerMap<keyof typeof strengthContract> = {
  'strength:list': (input, ctx) =>
    listStrength(ctx.store.sqlite, ctx.now().getTime(), { windowDays: input.windowDays, limit: input.limit }),
  'strength:contact': (input, ctx) =>
    contactStrength(ctx.store.sqlite, ctx.now().getTime(), input.contactId, input.windowDays),
  'strength:graph': (input, ctx) => graphData(ctx.store.sqlite, ctx.now().getTime(), input.windowDays),
  'strength:path': (input, ctx) =>
    introductionPath(ctx.store.sqlite, ctx.now().getTime(), input.contactId, {
      windowDays: input.windowDays,
      excludeDirect: input.excludeDirect,
    }),
  'strength:drifting': (input, ctx) => driftingContacts(ctx.store.sqlite, ctx.now().getTime(), input.limit),
  'strength:setPin': (input, ctx) => {
    setPin(ctx.store.sqlite, ctx.now(), input.contactId, input.layer);
    ctx.emit('data:changed', { domains: ['strength'] });
    return { contactId: input.contactId, pinnedLayer: input.layer };
  },
  'strength:getParams': (_input, ctx) => getParams(ctx.store.sqlite),
  'strength:setParams': (input, ctx) => {
    const result = setParams(ctx.store.sqlite, input.patch, input.reset);
    ctx.emit('data:changed', { domains: ['strength'] });
    return result;
  },
  'graph:savePositions': (input, ctx) => ({
    saved: savePositions(ctx.store.sqlite, ctx.now(), input.positions),
  }),
};
