import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { hardenContents, hardenSession } = await import('../../../src/main/app/security');
const { windowOptions } = await import('../../../src/main/app/windowOptions');

const appUrl = 'file:///opt/Rapport/out/renderer/index.html';
const appRoot = 'file:///opt/Rapport/out/renderer/';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

/** A stand-in for WebContents that records what the app hooks onto it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      getURL: () => appUrl,
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    },
    /** Fires an event and says whether the app prevented it. */
    fire(name: string, url: string): boolean {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      let prevented = false;
      listener({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('windowOptions', () => {
  it('turns every web-facing security switch the safe way', () => {
    const options = windowOptions('/app/preload/index.cjs', false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(options.show).toBe(false);
    expect(windowOptions('/p', true).webPreferences).toEqual(
      options.webPreferences && { ...options.webPreferences, preload: '/p' },
    );
  });
});

describe('hardenContents', () => {
  it('refuses navigation and redirects away from the app page', () => {
    const f = fakeContents();
    hardenContents(f.contents as never);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(f.fire(event, 'https://evil.example/')).toBe(true);
      expect(f.fire(event, 'file:///etc/passwd')).toBe(true);
      expect(f.fire(event, 'javascript:alert(1)')).toBe(true);
      expect(f.fire(event, `${appUrl}#/contacts`)).toBe(false);
    }
  });

  it('refuses <webview> attachment', () => {
    const f = fakeContents();
    hardenContents(f.contents as never);
    expect(f.fire('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('denies every window.open, handing only safe links to the OS', () => {
    openExternal.mockClear();
    const f = fakeContents();
    hardenContents(f.contents as never);
    for (const url of [
      'https://www.linkedin.com/in/ana',
      'mailto:ana@example.com',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://example.com',
    ]) {
      expect(f.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([
      ['https://www.linkedin.com/in/ana'],
      ['mailto:ana@example.com'],
    ]);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const hooks: Record<string, (...args: never[]) => void> = {};
    const session = {
      webRequest: {
        onBeforeRequest: (fn: (...args: never[]) => void) => (hooks.beforeRequest = fn),
        onHeadersReceived: (fn: (...args: never[]) => void) => (hooks.headers = fn),
      },
      setPermissionRequestHandler: (fn: (...args: never[]) => void) => (hooks.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...args: never[]) => void) => (hooks.permissionCheck = fn),
    };
    return { session, hooks };
  }

  it('cancels every request that is not the app’s own files', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session as never, undefined, appRoot);
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      (hooks.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (answer = r),
      );
      return answer?.cancel;
    };
    expect(cancelled(`${appRoot}assets/index.js`)).toBe(false);
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true);
    expect(cancelled('http://example.com/pixel.gif')).toBe(true);
    expect(cancelled('file:///home/me/.ssh/id_ed25519')).toBe(true);
  });

  it('adds the CSP header and refuses every permission', () => {
    const { session, hooks } = fakeSession();
    hardenSession(session as never);
    let headers: Record<string, string[]> | undefined;
    (hooks.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']?.[0]).toMatch(/default-src 'self'/);
    expect(headers?.['X-Other']).toEqual(['1']);
    let granted: boolean | undefined;
    (hooks.permissionRequest as (w: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'media',
      (ok) => (granted = ok),
    );
    expect(granted).toBe(false);
    expect((hooks.permissionCheck as () => boolean)()).toBe(false);
  });
});
