import type { contactsContract } from '../../shared/contacts/contract';
import type { HandlerMap } from '../ipc/context';
import { bulkUpdate } from './bulk';
import { listContactPage, matchingContactIds } from './list';
import { listFacets } from './repository';
import { deletePhoto, readPhoto, writePhoto } from './photos';
import * as service from './service';
import { recentJobChanges } from './recentJobChanges';
import { addEarlierRole, careerOf } from './career';
import { editRole } from './roleEdit';
import { JOB_CHANGE_WINDOW_DAYS } from '../../shared/journal/views';

export const contactsHandlers: HandlerMap<keyof typeof contactsContract> = {
  'contacts:list': (input, { store, now }) => listContactPage(store, now().getTime(), input),
  'contacts:get': (input, { store }) => service.getContactOrThrow(store.db, input.id),
  'contacts:create': async (input, ctx) => {
    const { introducedBy, ...fields } = input;
    const contact = await service.createContact(ctx.store.db, fields, ctx.now(), introducedBy);
    ctx.emit('data:changed', { domains: ['contacts'] });
    return contact;
  },
  'contacts:update': async (input, ctx) => {
    const { contact, recorded } = await service.updateContact(
      ctx.store.db,
      input.id,
      input.fields,
      ctx.now(),
      input.jobChange,
    );
    ctx.emit('data:changed', { domains: recorded ? ['contacts', 'journal'] : ['contacts'] });
    return contact;
  },
  'contacts:setArchived': async (input, ctx) => {
    const contact = await service.setArchived(ctx.store.db, input.id, input.archived, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts'] });
    return contact;
  },
  'contacts:delete': async (input, ctx) => {
    await service.deleteContact(ctx.store.db, input.id);
    ctx.emit('data:changed', { domains: ['contacts', 'journal'] });
    return { deleted: true as const };
  },
  'contacts:ids': (input, { store, now }) => matchingContactIds(store, now().getTime(), input),
  'contacts:bulk': async (input, ctx) => {
    const result = await bulkUpdate(ctx.store.db, input.ids, input.action, ctx.now());
    if (result.changed > 0) ctx.emit('data:changed', { domains: ['contacts'] });
    return result;
  },
  'contacts:facets': (_input, { store }) => listFacets(store.db),
  'contacts:newJob': async (input, { store, now }) => {
    const { items } = await recentJobChanges(store.db, now(), {
      days: JOB_CHANGE_WINDOW_DAYS,
      limit: 1,
      contactId: input.id,
    });
    return items[0] ?? null;
  },
  'contacts:career': async (input, { store }) => {
    const career = await careerOf(store.db, input.id);
    if (!career) throw service.noContact(input.id);
    return career;
  },
  'contacts:addEarlierRole': async (input, ctx) => {
    await addEarlierRole(ctx.store.db, input, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts', 'journal'] });
    return (await careerOf(ctx.store.db, input.id))!;
  },
  'contacts:editRole': async (input, ctx) => {
    await editRole(ctx.store.db, input, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts', 'journal'] });
    return (await careerOf(ctx.store.db, input.id))!;
  },
  'contacts:photo': (input, { store }) => readPhoto(store.sqlite, input.id, input.version),
  'contacts:setPhoto': (input, ctx) => {
    writePhoto(ctx.store.sqlite, input.id, input.mime, input.base64, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts'] });
    return service.getContactOrThrow(ctx.store.db, input.id);
  },
  'contacts:removePhoto': (input, ctx) => {
    deletePhoto(ctx.store.sqlite, input.id, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts'] });
    return service.getContactOrThrow(ctx.store.db, input.id);
  },
};
