import type { journalContract } from '../../shared/journal/contract';
import type { HandlerMap } from '../ipc/context';
import { AppError } from '../../shared/ipc/envelope';
import { getContactOrThrow } from '../contacts/service';
import { dismissPair, findDuplicates } from '../duplicates/find';
import { mergeContacts, undoMerge } from '../duplicates/merge';
import { backupBeforeRiskyChange } from '../interop/backup';
import {
  getCadenceDefaults,
  keepInTouchStatus,
  reconnectQueue,
  setCadenceDefaults,
  setContactCadence,
  snooze,
} from '../reconnect/queue';
import { searchAll } from '../search/search';
import { dashboard } from './dashboard';
import { setJobChangeDismissed } from '../contacts/jobChangeDismissals';
import { interactionTags, listInteractions, timeline } from './repository';
import { readPrefs } from '../goals/prefs';
import * as service from './service';

const changed = { domains: ['journal'] };
const contactsChanged = { domains: ['contacts', 'journal'] };

export const journalHandlers: HandlerMap<keyof typeof journalContract> = {
  'journal:create': async (input, ctx) => {
    const { followUp, ...fields } = input;
    const created = await service.createInteraction(ctx.store.db, fields, ctx.now(), followUp);
    ctx.emit('data:changed', changed);
    return created;
  },
  'journal:quickLog': async (input, ctx) => {
    const created = await service.quickLog(ctx.store.db, input.text, input.contactId, ctx.now());
    ctx.emit('data:changed', changed);
    return created;
  },
  'journal:get': (input, { store }) => service.getInteractionOrThrow(store.db, input.id),
  'journal:update': async (input, ctx) => {
    const updated = await service.updateInteraction(ctx.store.db, input.id, input.fields, ctx.now());
    ctx.emit('data:changed', changed);
    return updated;
  },
  'journal:delete': async (input, ctx) => {
    const result = await service.deleteInteraction(ctx.store.db, input.id, ctx.now());
    ctx.emit('data:changed', changed);
    return result;
  },
  'journal:undoDelete': async (input, ctx) => {
    const restored = await service.undoDelete(ctx.store.db, input.token);
    ctx.emit('data:changed', changed);
    return restored;
  },
  'journal:returnToCalendar': async (input, ctx) => {
    const returned = await service.returnToCalendar(ctx.store.db, input.id, ctx.now());
    ctx.emit('data:changed', changed);
    return returned;
  },
  'journal:list': async (input, { store }) =>
    listInteractions(store.db, input, (await readPrefs(store.db)).timeZone),
  'journal:timeline': (input, { store }) => timeline(store.db, input),
  'journal:mentionCandidates': (input, { store }) =>
    service.mentionCandidates(store.db, input.query, input.limit),
  'journal:tags': (_input, { store }) => interactionTags(store.db),
  'search:query': (input, { store }) => searchAll(store.db, input.query, input.limit),
  'reconnect:list': (input, ctx) => reconnectQueue(ctx.store.db, ctx.now(), input.limit),
  'reconnect:status': (input, ctx) => keepInTouchStatus(ctx.store.db, input.contactId, ctx.now()),
  'reconnect:snooze': async (input, ctx) => {
    await snooze(ctx.store.db, input.contactId, input.days, ctx.now());
    ctx.emit('data:changed', contactsChanged);
    return keepInTouchStatus(ctx.store.db, input.contactId, ctx.now());
  },
  'reconnect:setContactCadence': async (input, ctx) => {
    await setContactCadence(ctx.store.db, input.contactId, input.cadence, ctx.now());
    ctx.emit('data:changed', contactsChanged);
    return keepInTouchStatus(ctx.store.db, input.contactId, ctx.now());
  },
  'reconnect:getDefaults': (_input, { store }) => getCadenceDefaults(store.db),
  'reconnect:setDefaults': async (input, ctx) => {
    const saved = await setCadenceDefaults(ctx.store.db, input.defaults);
    ctx.emit('data:changed', { domains: ['settings', 'journal'] });
    return saved;
  },
  'duplicates:list': (input, { store }) => findDuplicates(store.db, input.limit),
  'duplicates:dismiss': async (input, ctx) => {
    if (input.aId === input.bId) {
      throw new AppError('VALIDATION', 'A contact is not a duplicate of itself.', [
        { path: ['bId'], message: 'Same as the first contact' },
      ]);
    }
    await getContactOrThrow(ctx.store.db, input.aId);
    await getContactOrThrow(ctx.store.db, input.bId);
    await dismissPair(ctx.store.db, input.aId, input.bId);
    ctx.emit('data:changed', contactsChanged);
    return { dismissed: true as const };
  },
  'duplicates:merge': async (input, ctx) => {
    await backupBeforeRiskyChange(ctx.store, ctx.dataDir, 'merge', ctx.now());
    const result = mergeContacts(
      ctx.store.sqlite,
      input.keepId,
      input.removeId,
      input.pick,
      ctx.now(),
      input.photo,
    );
    ctx.emit('data:changed', contactsChanged);
    return result;
  },
  'duplicates:undoMerge': async (input, ctx) => {
    const { keptId, removedId } = undoMerge(ctx.store.sqlite, input.token);
    ctx.emit('data:changed', contactsChanged);
    return {
      restored: [
        await getContactOrThrow(ctx.store.db, keptId),
        await getContactOrThrow(ctx.store.db, removedId),
      ],
    };
  },
  'dashboard:get': (input, ctx) => dashboard(ctx.store.db, ctx.now(), input.tzOffsetMinutes),
  'dashboard:dismissJobChange': async (input, ctx) => {
    const result = await setJobChangeDismissed(ctx.store.db, input.interactionId, input.dismissed, ctx.now());
    ctx.emit('data:changed', { domains: ['journal'] });
    return result;
  },
};
