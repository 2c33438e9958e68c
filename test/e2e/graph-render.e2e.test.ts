import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/*
 * The graph's own WebGL programs and its edge pan cache against sigma's stock programs, pixel
 * for pixel in Debian's Chromium: after pans within and beyond the cached margin, and after a
 * zoom, the picture must be the one sigma's instanced programs draw from scratch.
 */

const ORIGIN = 'http://graph-render.test';
const chromiumPath = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const pageEntry = fileURLToPath(new URL('./graph-render.page.js', import.meta.url));

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: pageEntry, formats: ['iife'], name: 'GraphRender' } },
  });
  for (const o of Array.isArray(output) ? output : [output]) {
    if (!('output' in o)) continue;
    const chunk = o.output.find((c) => c.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no script for graph-render.page.js');
}

type Step = ['pan', number, number, number] | ['zoom', number, number];

describe('graph rendering in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const script = await bundle();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${ORIGIN}/**`, (route) =>
      new URL(route.request().url()).pathname === '/page.js'
        ? route.fulfill({ status: 200, body: script, headers: { 'content-type': 'text/javascript' } })
        : route.fulfill({
            status: 200,
            body: '<!doctype html><html><body style="margin:0"></body><script src="/page.js"></script></html>',
            headers: { 'content-type': 'text/html' },
          }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction('window.graphRender !== undefined');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const run = (expression: string) => page.evaluate(`window.graphRender.${expression}`);
  const shot = async () => (await page.screenshot()).toString('base64');
  const diff = async (a: string, b: string) =>
    (await page.evaluate(`window.graphRender.diff(${JSON.stringify(a)}, ${JSON.stringify(b)}, 60)`)) as {
      count: number;
      total: number;
    };

  /** The same camera moves drawn by the app's programs and by sigma's stock ones. */
  async function both(steps: Step[]): Promise<{ app: string; stock: string; start: string }> {
    const shots: string[] = [];
    let start = '';
    for (const stock of [false, true]) {
      // 2,000 ties and the user's edge to each of the 400 contacts.
      expect(await run(`draw(${stock})`)).toBe(2400);
      if (!stock) start = await shot();
      for (const [kind, ...args] of steps) await run(`${kind}(${args.join(',')})`);
      shots.push(await shot());
    }
    return { app: shots[0], stock: shots[1], start };
  }

  test('a short pan, drawn from the cached edges, matches a fresh drawing', async () => {
    const { app, stock, start } = await both([['pan', 6, 0, 5]]);
    const moved = await diff(start, app);
    const off = await diff(app, stock);
    // The pan changes much of the picture, and the cached edges land where sigma draws them.
    expect(moved.count).toBeGreaterThan(moved.total * 0.05);
    expect(off.count).toBeLessThan(off.total * 0.002);
    expect(errors).toEqual([]);
  });

  test('pans past the cached margin and a zoom still match a fresh drawing', async () => {
    const { app, stock } = await both([
      ['pan', 50, 20, 10],
      ['zoom', 1.6, 4],
      ['pan', -7, 5, 6],
    ]);
    const off = await diff(app, stock);
    expect(off.count).toBeLessThan(off.total * 0.002);
    expect(errors).toEqual([]);
  });
});
