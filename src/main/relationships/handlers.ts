import type { relationshipsContract } from '../../shared/relationships/contract';
import type { HandlerMap } from '../ipc/context';
import { addRelationship, listRelated, removeRelationship } from './service';

export const relationshipsHandlers: HandlerMap<keyof typeof relationshipsContract> = {
  'relationships:list': (input, { store }) => listRelated(store.db, input.contactId),
  'relationships:add': async (input, ctx) => {
    const added = await addRelationship(ctx.store.db, input, ctx.now());
    ctx.emit('data:changed', { domains: ['relationships'] });
    return added;
  },
  'relationships:remove': async (input, ctx) => {
    const removed = await removeRelationship(ctx.store.db, input.id);
    ctx.emit('data:changed', { domains: ['relationships'] });
    return removed;
  },
};
