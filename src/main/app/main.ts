import { app, BrowserWindow, dialog, Menu, nativeTheme, session, webContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore, type Store } from '../db/open';
import { databasePath, resolveDataDir } from '../db/paths';
import type { HandlerContext } from '../ipc/context';
import { registerIpc } from '../ipc/register';
import { isAppUrl } from '../security/policy';
import { hardenContents, hardenSession } from './security';
import { windowOptions } from './windowOptions';
import { buildMenu } from './menu';
import { autoBackup } from '../interop/backup';
import { startReminders } from '../reminders/scheduler';
import { showReminderNotification } from './reminderNotification';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let ctx: HandlerContext | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions(join(__dirname, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors),
  );
  hardenContents(window.webContents, devServerUrl);
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl, pathToFileURL(join(__dirname, '../renderer/')).href);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl));

  const dataDir = resolveDataDir(app.getPath('userData'));
  let store: Store;
  try {
    store = await openStore(databasePath(dataDir));
  } catch (error) {
    // Never start over with an empty file: say what is wrong and leave the data alone.
    dialog.showErrorBox('Rapport cannot open its data', (error as Error).message);
    app.exit(1);
    return;
  }
  ctx = {
    store,
    dataDir,
    now: () => new Date(),
    emit(event, payload) {
      for (const contents of webContents.getAllWebContents()) {
        if (isAppUrl(contents.getURL(), devServerUrl)) contents.send(event, payload);
      }
    },
  };
  registerIpc(ctx, (url) => isAppUrl(url, devServerUrl));
  // At most one automatic backup a day; a failure is reported but never stops the app.
  autoBackup(store, dataDir).catch((error: unknown) => console.error('Automatic backup failed:', error));

  // Windows shows notifications only for an app with this id (electron-builder's appId).
  if (process.platform === 'win32') app.setAppUserModelId('app.rapport.desktop');
  const context = ctx;
  startReminders({
    db: () => context.store.db,
    now: () => new Date(),
    show: (digest) => showReminderNotification(digest, () => context.emit('app:navigate', { path: '/' })),
  });

  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  // ctx.store, not the store opened at start: a restore swaps in a reopened one.
  void ctx?.store.close();
});

void start();
