import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/main/db/open';
import { generateNetwork } from '../../src/main/demo/generator';
import { writeDemo } from '../../src/main/demo/writeDemo';
import {
  circleColors,
  facets,
  ME_COLOR,
  NO_CIRCLE_COLOR,
  primaryCircle,
} from '../../src/renderer/src/features/graph/graphModel';
import type { GraphData } from '../../src/shared/strength/schemas';
import { drawnPng, publishScreenshot, resultsDir, startApp, type RunningApp } from './harness';

/**
 * In the page: a PNG's pixels as `ImageData`. The scripts below are strings because the e2e
 * project has no DOM types.
 */
const decodePngScript = `async (png) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const g = canvas.getContext('2d');
  g.drawImage(image, 0, 0);
  return g.getImageData(0, 0, canvas.width, canvas.height);
}`;

/** In the page: the centre of the widest solid disc of colour `hex` in a PNG, i.e. the middle of the biggest node drawn in that colour. */
const findPatchScript = `async ({ png, hex }) => {
  const { data, width, height } = await (${decodePngScript})(png);
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const match = (x, y) => want.every((v, k) => Math.abs(data[(y * width + x) * 4 + k] - v) <= 12);
  let best = null;
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (!match(x, y)) continue;
      let r = 1;
      while (r < 30 && x - r >= 0 && y - r >= 0 && x + r < width && y + r < height &&
        match(x - r, y) && match(x + r, y) && match(x, y - r) && match(x, y + r)) r++;
      if (!best || r > best.r) best = { x, y, r };
    }
  }
  return best && best.r >= 3 ? best : null;
}`;

/** In the page: the colours of a PNG at these points, as #rrggbb. */
const coloursAtScript = `async ({ png, points }) => {
  const { data, width } = await (${decodePngScript})(png);
  const hex = (v) => v.toString(16).padStart(2, '0');
  return points.map(({ x, y }) => {
    const p = (Math.round(y) * width + Math.round(x)) * 4;
    return '#' + hex(data[p]) + hex(data[p + 1]) + hex(data[p + 2]);
  });
}`;

/** In the page: how many pixels of a PNG are within `tolerance` levels of colour `hex` on each channel. */
const countColourScript = `async ({ png, hex, tolerance }) => {
  const { data } = await (${decodePngScript})(png);
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let p = 0; p < data.length; p += 4) if (want.every((v, k) => Math.abs(data[p + k] - v) <= tolerance)) n++;
  return n;
}`;

/**
 * In the page: the point of a PNG nearest (x, y), at least `away` from it, with no pixel within
 * 10 of it in a node's colour (`nodes`) or dark like a label: a place to drop a node where only
 * edges are drawn. Looked for within the extent of the nodes' colours less 25 pixels on each
 * side (more than the largest node's radius), so the point is inside the nodes' extent, which
 * sigma frames the view by: a node dropped there leaves the frame of the next visit as it was.
 * The layout is random, and the middle of a dense one can have no room; its corners have.
 */
const emptySpotScript = `async ({ png, x, y, away, nodes }) => {
  const { data, width, height } = await (${decodePngScript})(png);
  const colours = nodes.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const taken = (px, py) => {
    const p = (py * width + px) * 4;
    return (data[p] < 110 && data[p + 1] < 110 && data[p + 2] < 110) || node(px, py);
  };
  const node = (px, py) => {
    const p = (py * width + px) * 4;
    return colours.some((c) => c.every((v, k) => Math.abs(data[p + k] - v) <= 40));
  };
  let [left, right, top, bottom] = [width, -1, height, -1];
  for (let py = 0; py < height; py += 2)
    for (let px = 0; px < width; px += 2)
      if (node(px, py)) [left, right, top, bottom] = [Math.min(left, px), Math.max(right, px), Math.min(top, py), Math.max(bottom, py)];
  const clear = (cx, cy) => {
    for (let dy = -10; dy <= 10; dy++)
      for (let dx = -10; dx <= 10; dx++) if (dx * dx + dy * dy <= 100 && taken(cx + dx, cy + dy)) return false;
    return true;
  };
  let best = null;
  for (let cy = top + 25; cy <= bottom - 25; cy += 3) {
    for (let cx = left + 25; cx <= right - 25; cx += 3) {
      const d = Math.hypot(cx - x, cy - y);
      if (d < away || (best && d >= best.d) || !clear(cx, cy)) continue;
      best = { x: cx, y: cy, d };
    }
  }
  return best;
}`;

/** Runs one of the scripts above over a picture of the canvas as drawn; null when it is not on screen. */
async function overCanvas<T>(
  page: Page,
  canvas: Locator,
  script: string,
  args: Record<string, unknown>,
): Promise<{ box: { x: number; y: number }; result: T } | null> {
  const box = await canvas.boundingBox();
  if (!box) return null;
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return { box, result: (await page.evaluate(`(${script})(${JSON.stringify({ png, ...args })})`)) as T };
}

/** Whether two #rrggbb colours are within `tolerance` levels of each other on each channel. */
function sameColour(a: string, b: string, tolerance: number): boolean {
  return [1, 3, 5].every(
    (i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= tolerance,
  );
}

/** The colours drawn at these viewport points of the canvas, as #rrggbb. */
async function coloursAt(page: Page, canvas: Locator, points: { x: number; y: number }[]): Promise<string[]> {
  const box = (await canvas.boundingBox())!;
  const inCanvas = points.map((p) => ({ x: p.x - box.x, y: p.y - box.y }));
  return (await overCanvas<string[]>(page, canvas, coloursAtScript, { points: inCanvas }))?.result ?? [];
}

async function pixelsOf(page: Page, canvas: Locator, hex: string, tolerance: number): Promise<number> {
  return (await overCanvas<number>(page, canvas, countColourScript, { hex, tolerance }))?.result ?? 0;
}

/**
 * The viewport point of a node drawn in `hex`, with the radius of its solid middle. Sigma draws into WebGL, so the page's own pixels
 * are the honest way to find where a node landed without reaching into the renderer.
 */
async function findNode(
  page: Page,
  canvas: Locator,
  hex: string,
): Promise<{ x: number; y: number; r: number } | null> {
  const found = await overCanvas<{ x: number; y: number; r: number } | null>(page, canvas, findPatchScript, {
    hex,
  });
  return found?.result
    ? { x: found.box.x + found.result.x, y: found.box.y + found.result.y, r: found.result.r }
    : null;
}

/**
 * A viewport point within the nodes' extent where no node is drawn, near `near` but at least
 * 50 pixels from it.
 */
async function emptySpot(
  page: Page,
  canvas: Locator,
  near: { x: number; y: number },
): Promise<{ x: number; y: number } | null> {
  const box = await canvas.boundingBox();
  if (!box) return null;
  const nodes = [...Object.values(circleColors), NO_CIRCLE_COLOR, ME_COLOR];
  const args = { x: near.x - box.x, y: near.y - box.y, away: 50, nodes };
  const found = await overCanvas<{ x: number; y: number } | null>(page, canvas, emptySpotScript, args);
  return found?.result ? { x: found.box.x + found.result.x, y: found.box.y + found.result.y } : null;
}

/** The contacts whose saved place differs between two loads of the graph. */
function movedSince(before: GraphData, now: GraphData): GraphData['nodes'] {
  return now.nodes.filter((n) => {
    const was = before.nodes.find((b) => b.contactId === n.contactId)!;
    return was.x !== n.x || was.y !== n.y;
  });
}

/** The colour the legend shows for a circle, which its nodes are drawn in, as #rrggbb. */
/** Clicks a contact of `circle` on the graph (found by their colour) and gives their name from the summary that opens. */
async function selectOneOf(page: Page, circle: string): Promise<string> {
  const at = await findNode(page, page.getByTestId('graph-canvas'), await legendColor(page, circle));
  expect(at, `a ${circle} is drawn`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  return (await page.getByLabel('Contact summary').getByRole('heading').textContent())?.trim() ?? '';
}

/** Clicks Save as image: the file's name, and its size and pixels as read back from the PNG saved. */
async function saveAsImage(page: Page): Promise<{
  name: string;
  size: { width: number; height: number };
  pixels: (hex: string, tolerance: number) => Promise<number>;
}> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as image' }).click(),
  ]);
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const base64 = png.toString('base64');
  const size = (await page.evaluate(
    `(${decodePngScript})(${JSON.stringify(base64)}).then(({ width, height }) => ({ width, height }))`,
  )) as { width: number; height: number };
  const pixels = (hex: string, tolerance: number) =>
    page.evaluate(
      `(${countColourScript})(${JSON.stringify({ png: base64, hex, tolerance })})`,
    ) as Promise<number>;
  return { name: download.suggestedFilename(), size, pixels };
}

/** Re-runs the layout and waits for it to finish. */
async function reRunLayout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Re-run layout' }).click();
  await page.getByText('Laying out…').waitFor();
  await page.getByText('Laying out…').waitFor({ state: 'detached', timeout: 30_000 });
}

async function legendColor(page: Page, circle: string): Promise<string> {
  return legendColorOf(page.getByLabel('Legend').getByText(circle, { exact: true }));
}

/** The colour of the swatch before a legend line, as #rrggbb. */
async function legendColorOf(label: Locator): Promise<string> {
  const style = (await label.locator('xpath=preceding-sibling::*[1]').getAttribute('style')) ?? '';
  const hex = /#[0-9a-f]{6}/i.exec(style)?.[0];
  if (hex) return hex.toLowerCase();
  const rgb = /rgb\((\d+), *(\d+), *(\d+)\)/.exec(style);
  if (!rgb) throw new Error(`No colour in the legend swatch: ${style}`);
  return `#${rgb
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')}`;
}

describe('strength and the network graph, end to end over the demo network', () => {
  let app: RunningApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-strength-e2e-'));
    const dbPath = join(dir, 'rapport.sqlite');
    const network = generateNetwork();
    const store = await openStore(dbPath);
    try {
      writeDemo(store, network);
    } finally {
      await store.close();
    }
    app = await startApp({ dbPath, viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the dashboard over the demo network draws a year of activity and a reconnect queue', async () => {
    const { page } = app;
    await app.goto('/');
    const heatmap = page.getByTestId('activity-heatmap');
    await heatmap.waitFor();
    const dashboard = await app.call('dashboard:get', {
      tzOffsetMinutes: await page.evaluate(() => -new Date().getTimezoneOffset()),
    });
    const total = dashboard.activity.reduce((sum, day) => sum + day.count, 0);
    expect(total).toBeGreaterThan(500);
    expect(await heatmap.getAttribute('aria-label')).toBe(`${total} interactions in the last 12 months`);
    await page.getByRole('table', { name: 'Reconnect queue' }).waitFor();
    // Who is cooling fastest, as the strength model ranks them, with what is left of their momentum.
    const drifting = await app.call('strength:drifting', { limit: 5 });
    expect(drifting.length).toBeGreaterThan(0);
    const driftingRows = page.getByLabel('Drifting').getByTestId('drifting-row');
    await expect
      .poll(() => driftingRows.getByRole('link').allTextContents())
      .toEqual(drifting.map((r) => r.displayName));
    const firstFall = Math.round((1 - drifting[0].m / drifting[0].mPrev) * 100);
    await driftingRows.first().getByText(`−${firstFall}%`, { exact: true }).waitFor();
    await page.getByLabel('Drifting').screenshot({ path: join(resultsDir, 'dashboard-drifting.png') });
    // Where the demo network is: its eight biggest cities, as main counts them.
    const cities = page.getByLabel('Contacts per city');
    const biggest = (await app.call('dashboard:get', { tzOffsetMinutes: 0 })).cities;
    expect(biggest).toHaveLength(8);
    await expect(cities.getByRole('link').allTextContents()).resolves.toEqual(biggest.map((c) => c.city));
    await cities.screenshot({ path: join(resultsDir, 'dashboard-cities.png') });
    // The demo's next steps: overdue ones first.
    const followUps = page.getByLabel('Follow-ups', { exact: true }).getByTestId('follow-up');
    await expect.poll(() => followUps.count()).toBe(7);
    await followUps.first().getByText('Overdue by 3 days').waitFor();
    // The README's picture is the top of the dashboard, tall enough to reach the follow-ups.
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.getByRole('heading', { name: 'Dashboard' }).scrollIntoViewIfNeeded();
    await page.mouse.move(5, 5);
    await app.screenshot('dashboard-demo');
    publishScreenshot('dashboard-demo', 'dashboard.png');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Faces beside the names: initials, then the photo once someone has one, in each list.
    const overdue = dashboard.reconnect[0];
    // The first birthday the card shows (work anniversaries may come before it).
    const comingUp = page.getByLabel('Upcoming birthdays and dates');
    const birthdayId = Number(
      await comingUp.locator('[data-kind="birthday"]').first().getAttribute('data-contact-id'),
    );
    expect(
      overdue && dashboard.birthdays.length > 0,
      'the demo has someone overdue and a birthday coming',
    ).toBe(true);
    const faces = [
      page
        .getByRole('table', { name: 'Reconnect queue' })
        .locator(`tr[data-contact-id="${overdue.contactId}"]`),
      driftingRows.filter({ hasText: drifting[0].displayName }),
      comingUp.locator(`[data-contact-id="${birthdayId}"][data-kind="birthday"]`),
    ].map((row) => row.locator('.mantine-Avatar-root'));
    for (const face of faces) expect(await face.locator('img').count()).toBe(0);
    const photo = await drawnPng(page, 24, 24, '#0ca678');
    const ids = [overdue.contactId, drifting[0].contactId, birthdayId];
    for (const id of ids) await app.call('contacts:setPhoto', { id, mime: 'image/png', base64: photo });
    for (const face of faces) {
      await face.locator('img').waitFor();
      expect(await face.locator('img').getAttribute('src')).toBe(`data:image/png;base64,${photo}`);
    }
    // The graph tests below find people by the colour of their discs: faces would hide it.
    for (const id of ids) await app.call('contacts:removePhoto', { id });
    expect(app.pageErrors).toEqual([]);
  });

  test('the contacts list draws each relationship, orders by strength and filters by layer', async () => {
    const { page } = app;
    await app.goto('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('button').first().waitFor();
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Strongest first' }).click();
    await page.waitForURL(/order=strength/);

    const strongest = await app.call('contacts:list', { sort: 'strength', direction: 'desc', limit: 8 });
    expect(strongest.items[0].strength.t).toBeGreaterThan(strongest.items[7].strength.t);
    const rowNames = () =>
      list
        .getByRole('button')
        .evaluateAll((els) => els.slice(0, 8).map((el) => el.getAttribute('aria-label')));
    await expect.poll(rowNames).toEqual(strongest.items.map((c) => c.displayName));
    const meters = list.getByTestId('strength-meter');
    const shownLayers = await Promise.all(
      strongest.items.map((_, i) => meters.nth(i).getAttribute('data-layer')),
    );
    expect(shownLayers).toEqual(strongest.items.map((c) => c.strength.layer));
    expect(await meters.first().getAttribute('aria-label')).toMatch(/^Inner \(about weekly\), strength \d/);
    await expect(list.getByTestId('last-contact').first().textContent()).resolves.toMatch(
      /^(today|yesterday|\d+ days ago)$/,
    );
    await page.mouse.move(5, 5);
    await app.screenshot('contacts-by-strength');
    publishScreenshot('contacts-by-strength', 'contacts.png');

    const close = await app.call('contacts:list', { layer: 'close', limit: 1 });
    expect(close.total).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Strength' }).click();
    await page.getByRole('option', { name: 'Close', exact: true }).click();
    await page.getByTestId('contact-count').getByText(`${close.total} contact`).waitFor();
    const closeLayers = await list
      .getByTestId('strength-meter')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-layer')));
    expect(closeLayers.length).toBeGreaterThan(0);
    expect(new Set(closeLayers)).toEqual(new Set(['close']));
    expect(app.pageErrors).toEqual([]);
  });

  test('draws the whole network, laid out once and saved', async () => {
    const { page } = app;
    const data = await app.call('strength:graph', {});
    expect(data.nodes.length).toBeGreaterThan(100);
    expect(data.nodes.every((n) => n.x === null)).toBe(true);

    await app.goto('/graph');
    await page.getByRole('heading', { name: 'Network' }).waitFor();
    await page.getByTestId('graph-canvas').locator('canvas').first().waitFor();
    await page.getByText(`${data.nodes.length} contacts;`).waitFor();
    // A first visit lays everyone out in the worker, then saves the positions.
    await page.getByText('Laying out…').waitFor();
    await page.getByText('Laying out…').waitFor({ state: 'detached', timeout: 30_000 });
    await expect
      .poll(async () => (await app.call('strength:graph', {})).nodes.filter((n) => n.x !== null).length)
      .toBe(data.nodes.length);
    await page.mouse.move(5, 5);
    await app.screenshot('graph-full');
    publishScreenshot('graph-full', 'graph.png');
    // Beside it, who is drifting, each with their face.
    const drifting = page.getByLabel('People drifting');
    const names = (await app.call('strength:drifting', { limit: 8 })).map((r) => r.displayName);
    await expect
      .poll(() => drifting.getByRole('button').allTextContents())
      .toEqual(names.map((name) => expect.stringMatching(new RegExp(`^${name} \\(`))));
    expect(await drifting.locator('.mantine-Avatar-root').count()).toBe(names.length);
  });

  test('drags a contact into place, where they stay when the view is opened again', async () => {
    const { page } = app;
    const canvas = page.getByTestId('graph-canvas');
    const summary = page.getByLabel('Contact summary');
    const before = await app.call('strength:graph', {});
    const from = await findNode(page, canvas, await legendColor(page, 'colleague'));
    expect(from, 'a colleague is drawn').not.toBeNull();
    const to = await emptySpot(page, canvas, from!);
    expect(to, 'there is room to move them to').not.toBeNull();

    await page.mouse.move(from!.x, from!.y);
    await page.mouse.down();
    await page.mouse.move(to!.x, to!.y, { steps: 12 });
    await page.mouse.up();
    // The one contact dragged is saved at the new place; no one else moved.
    await expect.poll(async () => movedSince(before, await app.call('strength:graph', {})).length).toBe(1);
    const placed = await app.call('strength:graph', {});
    const [dragged] = movedSince(before, placed);
    expect(primaryCircle(dragged.circles)).toBe('colleague');
    // Letting go is not a click on them.
    await page.waitForTimeout(300);
    expect(await summary.count()).toBe(0);

    // Away and back (the graph the view loaded is still cached): no layout runs, and they are
    // where they were put.
    await app.goto('/contacts');
    await page.getByTestId('contact-count').waitFor();
    await app.goto('/graph');
    await canvas.locator('canvas').first().waitFor();
    await page.getByText(`${before.nodes.length} contacts;`).waitFor();
    await page.waitForTimeout(1000);
    expect(await page.getByText('Laying out…').count()).toBe(0);
    await page.mouse.click(to!.x, to!.y);
    await summary.getByRole('heading', { name: dragged.label }).waitFor();
    expect((await app.call('strength:graph', {})).nodes).toEqual(placed.nodes);
    await summary.getByRole('button', { name: 'Close summary' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  test('saves the network as drawn, as a PNG picture', async () => {
    const { page } = app;
    const canvas = page.getByTestId('graph-canvas');
    await page.mouse.move(5, 5);
    const { name, size, pixels } = await saveAsImage(page);
    expect(name).toMatch(/^rapport-network-\d{4}-\d{2}-\d{2}\.png$/);
    const box = (await canvas.boundingBox())!;
    expect(size).toEqual({ width: Math.round(box.width), height: Math.round(box.height) });
    // A white ground, the user's node, colleagues' nodes and labels: the picture on screen.
    expect(await pixels('#ffffff', 2)).toBeGreaterThan((size.width * size.height) / 3);
    expect(await pixels(ME_COLOR, 12)).toBeGreaterThan(100);
    expect(await pixels(await legendColor(page, 'colleague'), 12)).toBeGreaterThan(1000);
    // Labels are black; the user's node, the darkest disc, is not that dark.
    expect(await pixels('#000000', 10)).toBeGreaterThan(300);
    expect(app.pageErrors).toEqual([]);
  });

  test('re-runs the layout for everyone, and undoes it', async () => {
    const { page } = app;
    const before = await app.call('strength:graph', {});
    const movedFrom = async () => movedSince(before, await app.call('strength:graph', {})).length;
    await reRunLayout(page);
    // Everyone is placed afresh (the contact dragged before too) and saved.
    await expect.poll(movedFrom).toBeGreaterThan(before.nodes.length / 2);
    await page.getByRole('button', { name: 'Undo re-layout' }).click();
    await expect.poll(movedFrom).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo re-layout' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('moves the selected contact with Alt and the arrow keys', async () => {
    const { page } = app;
    const summary = page.getByLabel('Contact summary');
    const before = await app.call('strength:graph', {});
    const name = await selectOneOf(page, 'mentor');
    const was = before.nodes.find((n) => n.label === name)!;
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("role")'))
      .toBe('application');
    // Every row the database writes of a place on the graph, on the app's own connection.
    const sqlite = app.store.sqlite;
    sqlite.exec(`CREATE TEMP TABLE place_writes (contact_id INTEGER);
      CREATE TEMP TRIGGER place_inserted AFTER INSERT ON main.graph_positions
        BEGIN INSERT INTO place_writes VALUES (NEW.contact_id); END;
      CREATE TEMP TRIGGER place_updated AFTER UPDATE ON main.graph_positions
        BEGIN INSERT INTO place_writes VALUES (NEW.contact_id); END;`);
    const writes = () => sqlite.prepare('SELECT contact_id FROM place_writes').pluck().all();
    try {
      for (const key of [
        'Alt+ArrowRight',
        'Alt+ArrowRight',
        'Alt+ArrowRight',
        'Alt+ArrowLeft',
        'Alt+Shift+ArrowDown',
      ]) {
        await page.keyboard.press(key);
      }
      // Three steps right, one back and a small one down, saved once the keys rest: then they
      // are further right, no one else moved, and the five presses were one write.
      const now = async () => (await app.call('strength:graph', {})).nodes;
      const placed = async () => (await now()).find((n) => n.contactId === was.contactId)!;
      await expect.poll(async () => (await placed()).y !== was.y).toBe(true);
      expect((await placed()).x!).toBeGreaterThan(was.x!);
      const moved = movedSince(before, await app.call('strength:graph', {}));
      expect(moved.map((n) => n.label)).toEqual([name]);
      await page.waitForTimeout(600);
      expect(writes()).toEqual([was.contactId]);
    } finally {
      sqlite.exec(
        'DROP TABLE temp.place_writes; DROP TRIGGER temp.place_inserted; DROP TRIGGER temp.place_updated;',
      );
    }
    await summary.getByRole('button', { name: 'Close summary' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  test('undoing a re-run leaves where it was the contact the user moved since', async () => {
    const { page } = app;
    const summary = page.getByLabel('Contact summary');
    const before = await app.call('strength:graph', {});
    await reRunLayout(page);
    await page.getByRole('button', { name: 'Undo re-layout' }).waitFor();
    const relaid = await app.call('strength:graph', {});
    const name = await selectOneOf(page, 'mentor');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => movedSince(relaid, await app.call('strength:graph', {})).length).toBe(1);
    const put = movedSince(relaid, await app.call('strength:graph', {}))[0];
    expect(put.label).toBe(name);

    await page.getByRole('button', { name: 'Undo re-layout' }).click();
    // Everyone else is back where they were before the re-run; the mentor stays where put.
    await expect
      .poll(async () => movedSince(before, await app.call('strength:graph', {})).map((n) => n.label))
      .toEqual([name]);
    const after = (await app.call('strength:graph', {})).nodes.find((n) => n.contactId === put.contactId)!;
    expect({ x: after.x, y: after.y }).toEqual({ x: put.x, y: put.y });
    await summary.getByRole('button', { name: 'Close summary' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  test('says so when a move cannot be saved', async () => {
    const { page } = app;
    const summary = page.getByLabel('Contact summary');
    const before = await app.call('strength:graph', {});
    const name = await selectOneOf(page, 'sponsor');
    const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Not saved' });
    // The database refuses every write, as a full disk or a file made read-only would.
    app.store.sqlite.pragma('query_only = ON');
    try {
      await page.keyboard.press('Alt+ArrowUp');
      await page.keyboard.press('Alt+ArrowUp');
      await notice.getByText(`Where you put ${name} could not be saved`).waitFor();
      // Two failed saves, one notice.
      await page.waitForTimeout(300);
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toContain('readonly database');
    } finally {
      app.store.sqlite.pragma('query_only = OFF');
    }
    expect((await app.call('strength:graph', {})).nodes).toEqual(before.nodes);
    await notice.getByRole('button').click();
    await summary.getByRole('button', { name: 'Close summary' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  test('filters to mentors, then a click on a node opens its summary', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Circle' }).click();
    await page.getByRole('option', { name: 'mentor', exact: true }).click();
    await page.mouse.move(5, 5);
    // Let sigma redraw with the reducers applied before reading its pixels.
    await page.waitForTimeout(500);
    await app.screenshot('graph-mentors');
    publishScreenshot('graph-mentors', 'graph-mentors.png');

    const canvas = page.getByTestId('graph-canvas');
    const mentor = await legendColor(page, 'mentor');
    const point = await findNode(page, canvas, mentor);
    expect(point, 'a mentor node is drawn').not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const summary = page.getByLabel('Contact summary');
    await summary.waitFor();
    await expect.poll(() => summary.getByText('mentor', { exact: true }).count()).toBeGreaterThan(0);
    await summary.getByRole('link', { name: 'Open contact page' }).waitFor();
    // Everyone else is a mentor too: the filter hid the other circles.
    const name = (await summary.getByRole('heading').textContent())?.trim() ?? '';
    const data = await app.call('strength:graph', {});
    const clicked = data.nodes.find((n) => n.label === name);
    expect(clicked?.circles).toContain('mentor');
    // Their initials beside the name, and their photo once they have one: in the summary, and
    // on the graph in their disc, which keeps a ring of their circle's colour.
    const avatar = summary.locator('.mantine-Avatar-root');
    await avatar.waitFor();
    expect(await avatar.locator('img').count()).toBe(0);
    const face = '#00ff00';
    expect(await pixelsOf(page, canvas, face, 12)).toBe(0);
    const photo = await drawnPng(page, 64, 64, face);
    await app.call('contacts:setPhoto', { id: clicked!.contactId, mime: 'image/png', base64: photo });
    await avatar.locator('img').waitFor();
    expect(await avatar.locator('img').getAttribute('src')).toBe(`data:image/png;base64,${photo}`);
    await expect.poll(() => findNode(page, canvas, face), { timeout: 10_000 }).not.toBeNull();
    const drawn = (await findNode(page, canvas, face))!;
    // Outwards from the face's solid middle: the face's edge, then a ring of the mentors' colour.
    const outwards = await coloursAt(
      page,
      canvas,
      Array.from({ length: 9 }, (_, d) => ({ x: drawn.x + drawn.r + d, y: drawn.y })),
    );
    expect(
      outwards.some((c) => sameColour(c, mentor, 12)),
      outwards.join(' '),
    ).toBe(true);
    // The picture saved has the face too.
    const { pixels } = await saveAsImage(page);
    expect(await pixels(face, 12)).toBeGreaterThan(100);
    // Faces turned off, the discs are plain; on again, the face is back.
    const faces = page.getByRole('switch', { name: 'Faces' });
    await faces.press('Space');
    await expect.poll(() => pixelsOf(page, canvas, face, 12)).toBe(0);
    await faces.press('Space');
    await expect.poll(() => findNode(page, canvas, face)).not.toBeNull();
    expect(app.pageErrors).toEqual([]);
  });

  test('narrows the mentors to one city, and to none in a city without mentors', async () => {
    const { page } = app;
    const data = await app.call('strength:graph', {});
    const cityOf = (n: (typeof data.nodes)[number]) => n.city?.toLowerCase() ?? null;
    const mentorsIn = new Map<string, number>();
    for (const n of data.nodes) {
      if (n.circles.includes('mentor') && cityOf(n))
        mentorsIn.set(cityOf(n)!, (mentorsIn.get(cityOf(n)!) ?? 0) + 1);
    }
    const cities = facets(data).cities;
    const withMentors = cities.find((c) => mentorsIn.has(c.toLowerCase()))!;
    const withoutMentors = cities.find((c) => !mentorsIn.has(c.toLowerCase()))!;
    expect([withMentors, withoutMentors].every(Boolean)).toBe(true);
    const city = page.getByRole('combobox', { name: 'City' });
    const canvas = page.getByTestId('graph-canvas');
    const mentor = await legendColor(page, 'mentor');
    // A selected person stays drawn whatever the filters: close the summary of the step before.
    const summary = page.getByLabel('Contact summary');
    await summary.getByRole('button', { name: 'Close summary' }).click();

    await city.click();
    await page.getByRole('option', { name: withMentors, exact: true }).click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    const point = await findNode(page, canvas, mentor);
    expect(point, `a mentor in ${withMentors} is drawn`).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const name = (await summary.getByRole('heading').textContent())?.trim() ?? '';
    const clicked = data.nodes.find((n) => n.label === name);
    expect(cityOf(clicked!)).toBe(withMentors.toLowerCase());
    await summary.getByText(`· ${clicked!.city}`, { exact: false }).waitFor();
    await summary.getByRole('button', { name: 'Close summary' }).click();

    await city.click();
    await page.getByRole('option', { name: withoutMentors, exact: true }).click();
    await page.mouse.move(5, 5);
    await expect.poll(async () => findNode(page, canvas, mentor), { timeout: 10_000 }).toBeNull();
    // Picking it again clears it, for the steps after this one.
    await city.click();
    await page.getByRole('option', { name: withoutMentors, exact: true }).click();
    await expect(city.inputValue()).resolves.toBe('');
  });

  test('asks who can introduce the user to someone and lists the path', async () => {
    const { page } = app;
    const data = await app.call('strength:graph', {});
    // The demo's mentors meet the user alone, so nobody introduces them: take the contact with
    // the strongest indirect path, so the flow is about a real introduction.
    let target: { id: number; label: string; path: NonNullable<Awaited<ReturnType<typeof pathOf>>> } | null =
      null;
    const pathOf = (contactId: number) => app.call('strength:path', { contactId, excludeDirect: true });
    for (const n of data.nodes) {
      const path = await pathOf(n.contactId);
      if (path && path.steps.length >= 2 && (!target || path.bottleneck > target.path.bottleneck)) {
        target = { id: n.contactId, label: n.label, path };
      }
    }
    expect(target, 'someone is reachable through someone else').not.toBeNull();
    const { label, path } = target!;

    const search = page.getByRole('combobox', { name: 'Search' });
    await search.click();
    await search.fill(label);
    await page.getByRole('option', { name: label, exact: true }).first().click();
    const summary = page.getByLabel('Contact summary');
    await summary.getByRole('heading', { name: label }).waitFor();
    await summary.getByRole('button', { name: 'Who can introduce me?' }).click();
    const listed = summary.getByLabel('Introduction path');
    await listed.waitFor();
    for (let i = 0; i < path.steps.length; i++) {
      await listed.getByText(`${path.nodes[i].name} → ${path.nodes[i + 1].name}:`).waitFor();
    }
    expect(path.nodes[0].contactId).toBe(0);
    expect(path.nodes.at(-1)?.contactId).toBe(target!.id);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await app.screenshot('graph-path');
  });

  test('introduces through a relationship the user recorded when no meeting links them', async () => {
    const { page } = app;
    const data = await app.call('strength:graph', {});
    const pathOf = (contactId: number) => app.call('strength:path', { contactId, excludeDirect: true });
    // Someone nobody in the journal links to (the demo's mentors meet the user alone).
    let alone: (typeof data.nodes)[number] | undefined;
    for (const n of data.nodes) if ((await pathOf(n.contactId)) === null) alone = n;
    expect(alone, 'someone is reachable through nobody').toBeDefined();
    const closest = [...data.nodes].sort((x, y) => y.t - x.t).find((n) => n.contactId !== alone!.contactId)!;
    await app.call('relationships:add', {
      fromId: closest.contactId,
      toId: alone!.contactId,
      kind: 'works_with',
    });

    await app.goto('/graph');
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.click();
    await search.fill(alone!.label);
    await page.getByRole('option', { name: alone!.label, exact: true }).first().click();
    const summary = page.getByLabel('Contact summary');
    await summary.getByRole('heading', { name: alone!.label }).waitFor();
    await summary.getByRole('button', { name: 'Who can introduce me?' }).click();
    const listed = summary.getByLabel('Introduction path');
    // "Works with" reads the same both ways and is stored lower id first.
    const [first, second] =
      closest.contactId < alone!.contactId ? [closest.label, alone!.label] : [alone!.label, closest.label];
    await listed
      .getByText(`${closest.label} → ${alone!.label}: you recorded “${first} works with ${second}”`)
      .waitFor();
    await listed.getByText(`You → ${closest.label}:`).waitFor();

    // The graph draws recorded relationships as lines of their own colour, and the summary lists them.
    await summary
      .getByLabel('Their recorded relationships')
      .getByText(`${first} works with ${second}`)
      .waitFor();
    const graph = await app.call('strength:graph', {});
    expect(graph.recorded).toContainEqual({
      a: Math.min(closest.contactId, alone!.contactId),
      b: Math.max(closest.contactId, alone!.contactId),
      sentence: `${first} works with ${second}`,
    });
    await page.getByText(`; ${graph.recorded.length} recorded relationships.`, { exact: false }).waitFor();
    const legend = page.getByLabel('Legend').getByText('a relationship you recorded');
    const amber = await legendColorOf(legend);
    // While a path shows, only its lines are drawn; cleared, the selected person's lines are.
    await summary.getByRole('button', { name: 'Clear path' }).click();
    // Picked from Search, they are drawn though the mentors filter of an earlier step hides their circle.
    const circle = primaryCircle(alone!.circles);
    expect(circle).not.toBe('mentor');
    const canvas = page.getByTestId('graph-canvas');
    await page.mouse.move(5, 5);
    await expect
      .poll(async () => findNode(page, canvas, await legendColor(page, circle!)), { timeout: 10_000 })
      .not.toBeNull();
    // The filter would hide the other end of their line: picking it again clears it.
    await page.getByRole('combobox', { name: 'Circle' }).click();
    await page.getByRole('option', { name: 'mentor', exact: true }).click();
    await expect(page.getByRole('combobox', { name: 'Circle' }).inputValue()).resolves.toBe('');
    await page.mouse.move(5, 5);
    // A thin line is smoothed into the white around it: near-amber pixels are counted, and the
    // count compared with the switch on and off (an orange sponsor's rim counts in both).
    await page.waitForTimeout(500);
    const withLines = await pixelsOf(page, canvas, amber, 40);
    const toggle = page.getByRole('switch', { name: 'Recorded relationships' });
    await toggle.press('Space');
    await legend.waitFor({ state: 'detached' });
    await expect
      .poll(async () => withLines - (await pixelsOf(page, canvas, amber, 40)), { timeout: 10_000 })
      .toBeGreaterThan(20);
    await toggle.press('Space');
    await legend.waitFor();
  });

  test('opens the contact and reads why the strength is what it is', async () => {
    const { page } = app;
    const summary = page.getByLabel('Contact summary');
    const name = (await summary.getByRole('heading').textContent())?.trim() ?? '';
    await summary.getByRole('link', { name: 'Open contact page' }).click();
    await page
      .getByRole('heading', { name, level: 1 })
      .or(page.getByRole('heading', { name }).first())
      .waitFor();

    const panel = page.getByLabel('Relationship strength');
    await panel.waitFor();
    const id = Number(/\/contacts\/(\d+)/.exec(page.url())?.[1]);
    const detail = await app.call('strength:contact', { contactId: id });
    expect(detail.groups.length).toBeGreaterThan(0);
    const why = panel.getByRole('table', { name: 'What makes the strength' });
    await expect.poll(() => why.getByRole('row').count()).toBe(detail.groups.length);
    for (const g of detail.groups) {
      await why.getByRole('row', { name: `${g.count} ${g.label} ${g.contribution.toFixed(1)}` }).waitFor();
    }
    expect(await panel.getByTestId('strength-reciprocity').textContent()).toBe(detail.reciprocity);
    expect(await panel.getByTestId('strength-layer').isVisible()).toBe(true);
    // The heading says the same in one line: the layer's meter and name, and when they last met.
    const closeness = page.getByTestId('contact-closeness');
    expect(await closeness.getByTestId('strength-meter').getAttribute('data-layer')).toBe(detail.row.layer);
    expect(await closeness.textContent()).toMatch(
      /^(Inner|Close|Active|Known|Dormant) · last contact (today|yesterday|\d+ \w+ ago)$/,
    );
    await page.mouse.move(5, 5);
    await app.screenshot('contact-page-demo');

    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(resultsDir, 'strength-panel.png') });
    publishScreenshot('strength-panel', 'strength.png');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  test("a demo move's career names who else is at the new place, and the others open the list of them", async () => {
    const { page } = app;
    const { jobChanges } = await app.call('dashboard:get', { tzOffsetMinutes: 0 });
    const moved = jobChanges[0];
    const [now] = await app.call('contacts:career', { id: moved.contactId });
    const also = now.alsoThere!;
    expect(also.total).toBeGreaterThan(also.people.length);
    await app.goto(`/contacts/${moved.contactId}`);
    const there = page.getByLabel('Career').getByLabel(`Also at ${now.organisation}`);
    const names = also.people.map((p) => p.displayName);
    await expect
      .poll(() => there.getByRole('link').allTextContents())
      .toEqual([...names, `${also.total - names.length} others`]);
    await there.getByRole('link', { name: `${also.total - names.length} others` }).click();
    // Everyone who works or worked there: the others, and the one whose page it was.
    await page
      .getByTestId('contact-count')
      .getByText(`${also.total + 1} contacts`, { exact: true })
      .waitFor();
    const hash = new URL(page.url()).hash;
    expect(hash).toContain('former=1');
    expect(new URLSearchParams(hash.slice(hash.indexOf('?'))).get('org')).toBe(now.organisation);
    expect(app.pageErrors).toEqual([]);
  });
});
