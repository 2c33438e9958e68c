import type { settingsContract } from '../../shared/settings/contract';
import type { HandlerMap } from '../ipc/context';
import { latestVersion } from '../db/migrations';
import { getSelfEmails, setSelfEmails } from './repository';
import { appVersion } from '../appVersion';

export const settingsHandlers: HandlerMap<keyof typeof settingsContract> = {
  'settings:getSelfEmails': (_input, { store }) => getSelfEmails(store.db),
  'settings:setSelfEmails': async (input, ctx) => {
    const emails = await setSelfEmails(ctx.store.db, input.emails);
    ctx.emit('data:changed', { domains: ['settings'] });
    return emails;
  },
  'settings:appInfo': (_input, { store, dataDir }) => ({
    version: appVersion,
    dataDir,
    databasePath: store.path,
    schemaVersion: latestVersion,
  }),
};
