import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { localDate } from '../../../src/shared/journal/quickLog';
import { addContact, call } from '../journal/call';

/** Everything the app asks of Electron, recorded. */
const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
    handled: [] as string[],
    errors: [] as string[][],
    exitCode: undefined as number | undefined,
    beforeRequest: undefined as unknown,
    userData: '',
    notifications: [] as Array<{ title: string; body: string; click?: () => void }>,
    focused: 0,
    sent: [] as Array<[string, unknown]>,
  };
  class Notification {
    private click?: () => void;
    constructor(private readonly options: { title: string; body: string }) {}
    static isSupported() {
      return true;
    }
    on(event: string, handler: () => void) {
      if (event === 'click') this.click = handler;
    }
    show() {
      state.notifications.push({ ...this.options, click: this.click });
    }
  }
  const instances: unknown[] = [];
  const appPage = {
    getURL: () => 'file:///opt/rapport/resources/app/out/renderer/index.html',
    send: (event: string, payload: unknown) => state.sent.push([event, payload]),
  };
  class BrowserWindow {
    webContents = { on() {}, setWindowOpenHandler() {}, getURL: () => '' };
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, loaded: this.loaded });
      instances.push(this);
    }
    once() {}
    show() {}
    isMinimized() {
      return false;
    }
    focus() {
      state.focused++;
    }
    loadFile(path: string) {
      this.loaded.push(path);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    static getAllWindows() {
      return instances;
    }
  }
  const module = {
    app: {
      isPackaged: true,
      whenReady: () => Promise.resolve(),
      on() {},
      getPath: () => state.userData,
      exit: (code: number) => (state.exitCode = code),
      quit() {},
    },
    BrowserWindow,
    Notification,
    dialog: { showErrorBox: (title: string, message: string) => state.errors.push([title, message]) },
    Menu: { setApplicationMenu() {}, buildFromTemplate: () => ({}) },
    nativeTheme: { shouldUseDarkColors: false },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: unknown) => (state.beforeRequest = fn), onHeadersReceived() {} },
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
      },
    },
    webContents: { getAllWebContents: () => [appPage] },
    ipcMain: { handle: (channel: string) => state.handled.push(channel), removeHandler() {} },
    shell: { openExternal: () => Promise.resolve() },
  };
  return { state, module };
});
vi.mock('electron', () => electron.module);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-app-'));
  electron.state.userData = dir;
  electron.state.windows.length = 0;
  electron.state.handled.length = 0;
  electron.state.errors.length = 0;
  electron.state.exitCode = undefined;
  electron.state.notifications.length = 0;
  electron.state.sent.length = 0;
  electron.state.focused = 0;
  vi.resetModules();
  vi.stubEnv('RAPPORT_DATA_DIR', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron main process', () => {
  it('opens one sandboxed, isolated window on the built page, with every channel registered', async () => {
    await import('../../../src/main/app/main');
    await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));
    const [window] = electron.state.windows;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(window.loaded[0]).toMatch(/renderer[/\\]index\.html$/);
    const { channels } = await import('../../../src/shared/ipc/contract');
    expect([...electron.state.handled].sort()).toEqual([...channels].sort());
    expect(typeof electron.state.beforeRequest).toBe('function');
    expect(readdirSync(dir)).toContain('rapport.sqlite');
  });

  it('shows the morning reminder as a system notification when the app starts', async () => {
    const store = await openStore(join(dir, 'rapport.sqlite'));
    const seeded = { store, dataDir: dir, now: () => new Date(), emit: () => undefined };
    const ana = await addContact(seeded, 'Ana Souza');
    await call(seeded, 'followups:create', {
      contactId: ana,
      text: 'Send the deck',
      dueOn: localDate(new Date()),
    });
    // From midnight, so the test does not depend on the hour it runs at.
    await call(seeded, 'reminders:setPrefs', { enabled: true, hour: 0 });
    await store.close();

    await import('../../../src/main/app/main');
    await vi.waitFor(() => expect(electron.state.notifications).toHaveLength(1));
    const [shown] = electron.state.notifications;
    expect([shown.title, shown.body]).toEqual([
      'Rapport: 1 follow-up due',
      'Due today: Send the deck (Ana Souza)',
    ]);
    // A click brings the window forward and opens the dashboard in it.
    await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));
    shown.click!();
    expect(electron.state.focused).toBe(1);
    expect(electron.state.sent).toEqual([['app:navigate', { path: '/' }]]);
  });

  it('shows the damage and quits, without replacing a damaged database', async () => {
    writeFileSync(join(dir, 'rapport.sqlite'), 'this is not a database at all, but it is the user’s file');
    await import('../../../src/main/app/main');
    await vi.waitFor(() => expect(electron.state.exitCode).toBe(1));
    expect(electron.state.errors).toHaveLength(1);
    expect(electron.state.errors[0][1]).toMatch(/is damaged/);
    expect(electron.state.windows).toHaveLength(0);
    expect(electron.state.handled).toHaveLength(0);
    expect(readdirSync(dir)).toEqual(['rapport.sqlite']);
  });
});
