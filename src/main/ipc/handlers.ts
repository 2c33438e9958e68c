import type { Channel } from '../../shared/ipc/contract';
import type { HandlerMap } from './context';
import { calendarHandlers } from '../calendar/handlers';
import { contactsHandlers } from '../contacts/handlers';
import { goalsHandlers } from '../goals/handlers';
import { settingsHandlers } from '../settings/handlers';
import { journalHandlers } from '../journal/handlers';
import { strengthHandlers } from '../strength/handlers';
import { interopHandlers } from '../interop/handlers';
import { relationshipsHandlers } from '../relationships/handlers';
import { followUpsHandlers } from '../followUps/handlers';
import { remindersHandlers } from '../reminders/handlers';
import { savedViewsHandlers } from '../savedViews/handlers';

/** Every channel's handler; each domain owns its map, this file only joins them. */
export const handlers: HandlerMap<Channel> = {
  ...contactsHandlers,
  ...goalsHandlers,
  ...calendarHandlers,
  ...settingsHandlers,
  ...journalHandlers,
  ...strengthHandlers,
  ...interopHandlers,
  ...relationshipsHandlers,
  ...followUpsHandlers,
  ...remindersHandlers,
  ...savedViewsHandlers,
};
