import type { remindersContract } from '../../shared/reminders/contract';
import type { HandlerMap } from '../ipc/context';
import { reminderDigest } from './digest';
import { getReminderPrefs, putReminderPrefs } from './repository';

export const remindersHandlers: HandlerMap<keyof typeof remindersContract> = {
  'reminders:getPrefs': (_input, { store }) => getReminderPrefs(store.db),
  'reminders:setPrefs': async (input, ctx) => {
    await putReminderPrefs(ctx.store.db, input);
    ctx.emit('data:changed', { domains: ['reminders'] });
    return getReminderPrefs(ctx.store.db);
  },
  'reminders:preview': async (input, { store, now }) =>
    reminderDigest(store.db, input.today, now(), (await getReminderPrefs(store.db)).daysAhead),
};
