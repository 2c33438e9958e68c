import type { z } from 'zod';
import { calendarContract } from '../calendar/contract';
import { contactsContract } from '../contacts/contract';
import { goalsContract } from '../goals/contract';
import { settingsContract } from '../settings/contract';
import { journalContract } from '../journal/contract';
import { strengthContract } from '../strength/contract';
import { interopContract } from '../interop/contract';
import { relationshipsContract } from '../relationships/contract';
import { followUpsContract } from '../followUps/contract';
import { remindersContract } from '../reminders/contract';
import { savedViewsContract } from '../savedViews/contract';

/**
 * The single list of channels: name -> input schema and output type. Each domain owns
 * its slice in `src/shared/<domain>/contract.ts`; this file only joins them.
 */
export const contract = {
  ...contactsContract,
  ...goalsContract,
  ...calendarContract,
  ...settingsContract,
  ...journalContract,
  ...strengthContract,
  ...interopContract,
  ...relationshipsContract,
  ...followUpsContract,
  ...remindersContract,
  ...savedViewsContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];
