import { afterAll, beforeAll, expect, test } from 'vitest';
import { drawnPng, startApp, type RunningApp } from './harness';

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

test('ticks contacts and changes them at once: a tag, then archive', async () => {
  const { page } = app;
  await app.goto('/');
  await app.goto('/contacts');
  const list = page.getByRole('list', { name: 'Contacts' });
  for (const n of ['000', '001', '002'])
    await list.getByRole('checkbox', { name: `Select Person ${n}` }).check();
  const bar = page.getByLabel('Selected contacts');
  await expect(bar.getByTestId('selection-count').textContent()).resolves.toBe('3 contacts selected');

  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await page.getByRole('combobox', { name: 'Tag to add' }).fill('Q4 outreach');
  await page.getByRole('button', { name: 'Add tag', exact: true }).click();
  await page.getByText('Tagged 3 contacts “Q4 outreach”.').waitFor();
  await bar.waitFor({ state: 'detached' });
  const tagged = await app.call('contacts:list', { tag: 'Q4 outreach' });
  expect(tagged.items.map((c) => c.displayName)).toEqual(['Person 000', 'Person 001', 'Person 002']);

  await page.getByRole('combobox', { name: 'Tag' }).click();
  await page.getByRole('option', { name: 'Q4 outreach' }).click();
  await page.getByTestId('contact-count').getByText('3 contacts').waitFor();
  for (const n of ['000', '001', '002'])
    await list.getByRole('checkbox', { name: `Select Person ${n}` }).check();
  await app.screenshot('contacts-selection');
  await bar.getByRole('button', { name: 'Archive' }).click();
  await page.getByText('Archived 3 contacts.').waitFor();
  await page.getByText('No contact matches.').waitFor();
  expect((await app.call('contacts:list', { archived: true })).total).toBe(3);
  expect((await app.call('contacts:list', {})).total).toBe(COUNT - 3);
  expect(app.pageErrors).toEqual([]);
});

test('merges two ticked contacts from the list, and undoes it', async () => {
  const { page } = app;
  const before = (await app.call('contacts:list', {})).total;
  await app.goto('/');
  await app.goto('/contacts');
  const list = page.getByRole('list', { name: 'Contacts' });
  // The cached list (from before the archive) shows first and is then refreshed, shifting the
  // rows: tick only once the count says the list is current.
  await page.getByTestId('contact-count').getByText(`${before} contacts`).waitFor();
  await list.getByRole('checkbox', { name: 'Select Person 003' }).check();
  const bar = page.getByLabel('Selected contacts');
  // Merging needs exactly two.
  expect(await bar.getByRole('button', { name: 'Merge…' }).count()).toBe(0);
  await list.getByRole('checkbox', { name: 'Select Person 004' }).check();
  // Both have a photo (a small square of a colour of their own, drawn by the browser).
  const idOf = async (name: string) => (await app.call('contacts:list', { query: name })).items[0].id;
  const [keptId, removedId] = [await idOf('Person 003'), await idOf('Person 004')];
  const [keptPhoto, removedPhoto] = [
    await drawnPng(page, 8, 8, '#1c7ed6'),
    await drawnPng(page, 8, 8, '#e8590c'),
  ];
  // Written straight to the file: the photos set next tell the page the contacts changed.
  const addField = app.store.sqlite.prepare(
    'INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES (?, ?, ?, ?)',
  );
  addField.run(keptId, 'Team', 'Platform', 0);
  addField.run(removedId, 'team', 'Search', 0);
  addField.run(removedId, 'Desk', '4F', 1);
  await app.call('contacts:setPhoto', { id: keptId, mime: 'image/png', base64: keptPhoto });
  await app.call('contacts:setPhoto', { id: removedId, mime: 'image/png', base64: removedPhoto });
  const photoOf = (id: number) =>
    (
      app.store.sqlite.prepare('SELECT data FROM contact_photos WHERE contact_id = ?').pluck().get(id) as
        Buffer | undefined
    )?.toString('base64');
  await bar.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge contacts' });
  // Each side's custom fields, read before the merge decides (once the panel has loaded both): the kept one's Team stays.
  await expect
    .poll(() =>
      dialog.getByRole('row').filter({ hasText: 'Custom fields' }).getByRole('cell').allTextContents(),
    )
    .toEqual(['Custom fields', 'Team: Platform', 'team: Search · Desk: 4F']);
  // The kept contact's photo is picked unless the user picks the other's.
  expect(await dialog.getByRole('radio', { name: 'Photo from Person 003' }).isChecked()).toBe(true);
  await dialog.getByRole('radio', { name: 'Photo from Person 004' }).check();
  await dialog.getByRole('button', { name: 'Merge into Person 003' }).click();
  await page.getByText('Contacts merged.').waitFor();
  expect(photoOf(keptId)).toBe(removedPhoto);
  expect((await app.call('contacts:get', { id: keptId })).customFields).toEqual([
    { label: 'Team', value: 'Platform' },
    { label: 'Desk', value: '4F' },
  ]);
  await bar.waitFor({ state: 'detached' });
  expect((await app.call('contacts:list', {})).total).toBe(before - 1);
  expect((await app.call('contacts:list', { query: 'Person 004' })).total).toBe(0);
  await page
    .getByTestId('contact-count')
    .getByText(`${before - 1} contacts`)
    .waitFor();

  await page.getByRole('button', { name: 'Undo merge' }).click();
  await page.getByText('Merge undone.').waitFor();
  expect((await app.call('contacts:list', {})).total).toBe(before);
  expect([photoOf(keptId), photoOf(removedId)]).toEqual([keptPhoto, removedPhoto]);
  expect((await app.call('contacts:get', { id: removedId })).customFields).toEqual([
    { label: 'team', value: 'Search' },
    { label: 'Desk', value: '4F' },
  ]);
  expect(app.pageErrors).toEqual([]);
});

test('selects every matching contact, not only the rows loaded, and tags them all', async () => {
  const { page } = app;
  const total = (await app.call('contacts:list', {})).total;
  await app.goto('/');
  await app.goto('/contacts');
  await page.getByTestId('contact-count').getByText(`${total} contacts`).waitFor();
  // More than the first page of 100 the list has loaded.
  expect(total).toBeGreaterThan(100);
  await page.getByRole('button', { name: `Select all ${total}` }).click();
  const bar = page.getByLabel('Selected contacts');
  await bar.getByText(`${total} contacts selected`).waitFor();
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await page.getByRole('combobox', { name: 'Tag to add' }).fill('Everyone');
  await page.getByRole('button', { name: 'Add tag', exact: true }).click();
  await page.getByText(`Tagged ${total} contacts “Everyone”.`).waitFor();
  expect((await app.call('contacts:list', { tag: 'Everyone' })).total).toBe(total);
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
