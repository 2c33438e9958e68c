import type { savedViewsContract } from '../../shared/savedViews/contract';
import type { HandlerMap } from '../ipc/context';
import { deleteView, listViews, renameView, reorderViews, saveView } from './service';

export const savedViewsHandlers: HandlerMap<keyof typeof savedViewsContract> = {
  'views:list': (_input, { store, now }) => listViews(store, now().getTime()),
  'views:save': async (input, ctx) => {
    const view = await saveView(ctx.store, ctx.now(), input);
    ctx.emit('data:changed', { domains: ['views'] });
    return view;
  },
  'views:rename': async (input, ctx) => {
    const view = await renameView(ctx.store, ctx.now().getTime(), input);
    ctx.emit('data:changed', { domains: ['views'] });
    return view;
  },
  'views:reorder': async (input, ctx) => {
    const views = await reorderViews(ctx.store, ctx.now().getTime(), input.ids);
    ctx.emit('data:changed', { domains: ['views'] });
    return views;
  },
  'views:delete': async (input, ctx) => {
    const view = await deleteView(ctx.store, ctx.now().getTime(), input.id);
    ctx.emit('data:changed', { domains: ['views'] });
    return view;
  },
};
