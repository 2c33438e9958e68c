import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { openStore, type Store } from '../../src/main/db/open';
import type { HandlerContext } from '../../src/main/ipc/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { buildRapportApi } from '../../src/shared/ipc/api';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from '../../src/shared/ipc/contract';
import type { Envelope } from '../../src/shared/ipc/envelope';
import { eventNames, type EventName, type EventPayloads } from '../../src/shared/ipc/events';

/*
 * End-to-end harness: the renderer as built by electron-vite, in Debian's Chromium, talking
 * to the real dispatch (contract validation + every handler) over a real SQLite file.
 *
 *   const app = await startApp();                 // or startApp({ dbPath }) to reopen a file
 *   await app.call('contacts:create', { ... });   // arrange data the way the page would
 *   await app.goto('/journal');
 *   await app.page.getByRole('button', { name: 'Log' }).click();
 *   await app.screenshot('journal-logged');       // test-results/journal-logged.png
 *   expect(app.pageErrors).toEqual([]);
 *   await app.close();
 *
 * Build first (`npm run test:e2e` does). The page sees only `window.rapport`, built by the
 * very `buildRapportApi` the preload uses, and it cannot reach any other origin.
 */

/** The page's origin. Nothing is served from anywhere else, and nothing else is reachable. */
export const APP_ORIGIN = 'http://rapport.test';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = join(root, 'out', 'renderer');
export const resultsDir = join(root, 'test-results');
const docsScreenshotsDir = join(root, 'docs', 'screenshots');

/**
 * Copies a screenshot this run took into the README's screenshots, so they show today's app, when
 * the run is asked to (`UPDATE_SCREENSHOTS=1`): a plain test run leaves the working tree as it was.
 */
export function publishScreenshot(name: string, as: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(docsScreenshotsDir, { recursive: true });
  copyFileSync(join(resultsDir, `${name}.png`), join(docsScreenshotsDir, as));
}

/**
 * A PNG drawn and encoded by the page itself (so it is one Chromium decodes), as base64:
 * `width` × `height` filled with `colour`, and with `inner` over its middle half when given.
 */
export async function drawnPng(
  page: Page,
  width: number,
  height: number,
  colour: string,
  inner?: string,
): Promise<string> {
  // A string: the project's Node type check has no DOM types.
  return (await page.evaluate(`(({ width, height, colour, inner }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    g.fillStyle = colour;
    g.fillRect(0, 0, width, height);
    if (inner) {
      g.fillStyle = inner;
      g.fillRect(width / 4, height / 4, width / 2, height / 2);
    }
    return canvas.toDataURL('image/png').split(',')[1];
  })(${JSON.stringify({ width, height, colour, inner })})`)) as string;
}

/**
 * The page's controls (buttons, links, fields) whose middle, where a click lands, a notice sits over
 * once the page is scrolled to `at`, named by their label or text: what the user could not click
 * there until the notices go.
 */
export async function controlsUnderNotices(page: Page, at: 'top' | 'bottom'): Promise<string[]> {
  return (await page.evaluate(`(() => {
    window.scrollTo(0, ${at === 'top' ? 0 : 'document.documentElement.scrollHeight'});
    const notices = [...document.querySelectorAll('.mantine-Notifications-root .mantine-Notification-root')]
      .map((notice) => notice.getBoundingClientRect());
    const controls = [...document.querySelectorAll('main :is(button, a[href], input, textarea, [role="checkbox"])')];
    return controls
      .filter((control) => {
        const r = control.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return r.width > 0 && notices.some((n) => x >= n.left && x <= n.right && y >= n.top && y <= n.bottom);
      })
      .map((control) => control.getAttribute('aria-label') || control.textContent || control.outerHTML.slice(0, 120));
  })()`)) as string[];
}

const chromiumPath = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export interface StartOptions {
  /** The SQLite file; a fresh one in a temporary folder when absent. Reuse it to reopen the same data. */
  dbPath?: string;
  now?: () => Date;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  store: Store;
  ctx: HandlerContext;
  dbPath: string;
  /** Every request the page tried to make outside the app's origin (all were aborted). */
  blockedRequests: string[];
  /** Uncaught page errors and console errors, for the flows to assert there are none. */
  pageErrors: string[];
  /** Events main emitted, in order (they are also delivered to the page). */
  events: Array<{ event: EventName; payload: unknown }>;
  /** Calls a channel the way the page does, for arranging data and checking the database. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Navigates within the app, e.g. goto('/contacts'). */
  goto(path: string): Promise<void>;
  /** Saves test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser and the store; removes the temporary folder unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * The page's `window.rapport`, made by the real `buildRapportApi` (its source is injected),
 * calling into Node through a binding and receiving events pushed by `__rapportEmit`.
 */
function bridgeScript(): string {
  return `(() => {
  const buildRapportApi = ${buildRapportApi.toString()};
  const listeners = new Map();
  Object.defineProperty(window, '__rapportEmit', {
    value: (event, payload) => { for (const listener of [...(listeners.get(event) ?? [])]) listener(payload); },
  });
  const invoke = (channel, input) => window.__rapportInvoke(channel, input);
  const subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  window.rapport = buildRapportApi(${JSON.stringify(channels)}, ${JSON.stringify(eventNames)}, invoke, subscribe);
})();`;
}

function serveFile(route: Route, url: URL): Promise<void> {
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const file = resolve(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep) || !existsSync(file)) {
    return route.fulfill({ status: 404, body: 'Not found' });
  }
  return route.fulfill({
    status: 200,
    body: readFileSync(file),
    headers: { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' },
  });
}

/**
 * Starts the built renderer in Debian's Chromium with `window.rapport` bound to the real
 * dispatch (contract validation + handlers) over a real SQLite file.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `No built renderer in ${rendererDir}: run \`npx electron-vite build\` (npm run test:e2e does).`,
    );
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\`.`);
  }
  const ownDir = options.dbPath ? null : mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const dbPath = options.dbPath ?? join(ownDir as string, 'rapport.sqlite');
  const store = await openStore(dbPath);
  const events: RunningApp['events'] = [];
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  let context: BrowserContext | undefined;

  const ctx: HandlerContext = {
    store,
    dataDir: dirname(dbPath),
    now: options.now ?? (() => new Date()),
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      events.push({ event, payload });
      const script = `window.__rapportEmit(${JSON.stringify(event)}, ${JSON.stringify(payload)})`;
      for (const page of context?.pages() ?? []) {
        // A page that is navigating or closing simply misses the event, as a closed window would.
        page.evaluate(script).catch(() => undefined);
      }
    },
  };

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    // Local data answers in milliseconds; the margin is for a loaded CI machine, not the app.
    context.setDefaultTimeout(15_000);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === APP_ORIGIN) return serveFile(route, url);
      blockedRequests.push(url.href);
      return route.abort('blockedbyclient');
    });
    await context.exposeBinding('__rapportInvoke', (_source, channel: unknown, input: unknown) =>
      dispatch(channel, input, ctx),
    );
    await context.addInitScript({ content: bridgeScript() });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await page.goto(`${APP_ORIGIN}/index.html#/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    const app: RunningApp = {
      page,
      context,
      browser,
      store,
      ctx,
      dbPath,
      blockedRequests,
      pageErrors,
      events,
      async call(channel, input) {
        const result = (await dispatch(channel, input, ctx)) as Envelope<ChannelOutput<typeof channel>>;
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      async goto(path) {
        await page.goto(`${APP_ORIGIN}/index.html#${path}`);
      },
      async screenshot(name) {
        mkdirSync(resultsDir, { recursive: true });
        const path = join(resultsDir, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      async close({ keepData = false } = {}) {
        await browser.close();
        await store.close();
        if (ownDir && !keepData) rmSync(ownDir, { recursive: true, force: true });
      },
    };
    return app;
  } catch (error) {
    await browser.close();
    await store.close();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    throw error;
  }
}
