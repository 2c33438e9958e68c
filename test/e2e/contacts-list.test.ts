import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type RunningApp } from './harness';

const COUNT = 250;
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
  // Zero-padded so name order is predictable: "Person 000" ... "Person 249".
  for (let i = 0; i < COUNT; i += 1) {
    const n = String(i).padStart(3, '0');
    await app.call('contacts:create', { displayName: `Person ${n}`, organisation: `Org ${i % 7}` });
  }
});

afterAll(async () => {
  await app?.close();
});

test('the list keeps only the visible rows in the page and loads further pages while scrolling', async () => {
  const { page } = app;
  await app.goto('/contacts');
  const list = page.getByRole('list', { name: 'Contacts' });
  await list.getByRole('button', { name: 'Person 000' }).waitFor();
  await expect(page.getByTestId('contact-count').textContent()).resolves.toBe(`${COUNT} contacts`);
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);

  // Scroll to the end repeatedly: each time the end comes into view the next page of 100 loads.
  const last = list.getByRole('button', { name: `Person ${COUNT - 1}` });
  for (let attempt = 0; attempt < 20 && !(await last.isVisible()); attempt += 1) {
    await list.hover();
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(150);
  }
  await last.waitFor();
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);
  await app.screenshot('contacts-list-scrolled');
  expect(app.pageErrors).toEqual([]);
});

test('moves through the list from the keyboard: from the search box, row to row, by page, and opens one', async () => {
  const { page } = app;
  // Away and back, so the list starts at its top again after the scrolling test.
  await app.goto('/');
  await app.goto('/contacts');
  const list = page.getByRole('list', { name: 'Contacts' });
  await list.getByRole('button', { name: 'Person 000' }).waitFor();
  // A string: the e2e project has no DOM types.
  const focused = async () =>
    (await page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")')) as
      string | null;
  await page.getByRole('textbox', { name: 'Search contacts' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(focused).toBe('Person 000');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focused).toBe('Person 002');
  await page.keyboard.press('ArrowUp');
  await expect.poll(focused).toBe('Person 001');
  // A page is the rows that fit, less one: the focused row scrolls into view as it goes.
  const rowsInView = await list.evaluate((el) => Math.floor(el.clientHeight / 60) - 1);
  await page.keyboard.press('PageDown');
  const paged = `Person ${String(1 + rowsInView).padStart(3, '0')}`;
  await expect.poll(focused).toBe(paged);
  expect(await list.getByRole('button', { name: paged }).isVisible()).toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(focused).toBe('Person 000');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Person 001' }).waitFor();
  expect(app.pageErrors).toEqual([]);
});

test('follows the system colour scheme, light or dark', async () => {
  const { page } = app;
  const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(scheme).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(scheme).toBe('dark');
  await app.goto('/contacts');
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button').first().waitFor();
  await app.screenshot('contacts-dark');
});
