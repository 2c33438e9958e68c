import type { interopContract } from '../../shared/interop/contract';
import { channels } from '../../shared/ipc/contract';
import type { HandlerMap } from '../ipc/context';
import { backupPathByName, backupsDir, backupsOverview, createBackup } from './backup';
import { listContactImports, undoContactsImport } from './commit';
import { commitPreview, previewContacts } from './contactsImport';
import { defaultExportPath, exportTo } from './exports';
import { restoreFromFile } from './restore';

/** Every domain with a channel: a restore replaces all of them. */
const everything = [...new Set(channels.map((channel) => channel.split(':')[0]))];

export const interopHandlers: HandlerMap<keyof typeof interopContract> = {
  'interop:previewContacts': (input, { store }) =>
    previewContacts(store, input.file.name, new Uint8Array(Buffer.from(input.file.data, 'base64'))),
  'interop:commitContacts': async (input, ctx) => {
    const outcome = await commitPreview(ctx.store, input.previewId, {
      circle: input.circle,
      decisions: input.decisions,
      takeRoles: input.takeRoles,
      now: ctx.now(),
      dataDir: ctx.dataDir,
      onProgress: (done, total) =>
        ctx.emit('import:progress', { importId: input.previewId, phase: 'contacts', done, total }),
    });
    ctx.emit('data:changed', { domains: ['contacts', 'journal', 'interop'] });
    return outcome;
  },
  'interop:undoImport': (input, ctx) => {
    const outcome = undoContactsImport(ctx.store.sqlite, input.importId, ctx.now());
    ctx.emit('data:changed', { domains: ['contacts', 'journal', 'interop'] });
    return outcome;
  },
  'interop:imports': (_input, { store }) => listContactImports(store.sqlite),
  'interop:export': (input, ctx) =>
    exportTo(
      ctx.store.sqlite,
      input.format,
      defaultExportPath(ctx.dataDir, input.format, ctx.now()),
      ctx.now(),
    ),
  'interop:backups': (_input, ctx) => backupsOverview(ctx.dataDir),
  'interop:backupNow': (_input, ctx) => createBackup(ctx.store, backupsDir(ctx.dataDir), 'manual', ctx.now()),
  'interop:restoreBackup': async (input, ctx) => {
    // The context holds the store; restore swaps it for the reopened one.
    const outcome = await restoreFromFile(
      ctx,
      ctx.dataDir,
      backupPathByName(ctx.dataDir, input.name),
      ctx.now(),
    );
    ctx.emit('data:changed', { domains: everything });
    return outcome;
  },
};
