import type { relationshipsContract } from '../../shared/relationships/contract';
import type { HandlerMap } from '../ipc/context';
import { addRelationship, listRelated, removeRelationship, setRelationshipNote } from './service';

export const relationshipsHandlers: HandlerMap<keyof typeof relationshipsContract> = {
  'relationships:list': (input, { store }) => listRelated(store.db, input.contactId),
  'relationships:add': async (input, ctx) => {
    const added = await addRelationship(ctx.store.db, input, ctx.now());
    ctx.emit('data:changed', { domains: ['relationships'] });
    return added;
  },
  'relationships:setNote': async (input, ctx) => {
    const changed = await setRelationshipNote(ctx.store.db, input.id, input.note);
    ctx.emit('data:changed', { domains: ['relationships'] });
    return changed;
  },
  'relationships:remove': async (input, ctx) => {
    const removed = await removeRelationship(ctx.store.db, input.id);
    ctx.emit('data:changed', { domains: ['relationships'] });
    return removed;
  },
};
