import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
  await app.call('contacts:create', { displayName: 'Rui Costa', location: 'lisbon' });
  await app.call('contacts:create', { displayName: 'Lena Berg', location: 'Berlin, Germany' });
  await app.call('contacts:create', { displayName: 'Sam Hill' });
});
afterAll(async () => {
  await app?.close();
});

const hash = () => decodeURIComponent(new URL(app.page.url()).hash);

describe('where contacts are, in Chromium', () => {
  test('a location typed in the form shows on the page, and leads to everyone in that city', async () => {
    const { page } = app;
    await app.goto('/contacts/new');
    await page.getByRole('textbox', { name: 'Display name' }).fill('Ana Souza');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('CTO');
    await page.getByRole('combobox', { name: 'Location' }).fill('  Lisbon, Portugal ');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    await page.getByText('CTO · Lisbon, Portugal', { exact: true }).waitFor();
    // Someone else there, to see on the same trip.
    await page.getByTestId('also-in-city').getByRole('link', { name: 'Rui Costa' }).waitFor();
    await expect(page.getByTestId('also-in-city').textContent()).resolves.toBe('Also in Lisbon: Rui Costa');

    await page.getByRole('link', { name: 'Everyone in Lisbon' }).click();
    await expect.poll(hash).toBe('#/contacts?city=Lisbon&order=strength');
    const list = page.getByRole('list', { name: 'Contacts' });
    // Rui wrote it in lower case and without the country: the same city.
    await page.getByTestId('contact-count').getByText('2 contacts', { exact: true }).waitFor();
    await expect(list.getByRole('button').allTextContents()).resolves.toEqual([
      expect.stringContaining('Ana Souza'),
      expect.stringContaining('Rui Costa'),
    ]);
    await expect(page.getByRole('combobox', { name: 'City' }).inputValue()).resolves.toBe('Lisbon');
    await app.screenshot('contacts-in-lisbon');

    // The filter offers each city once.
    const city = page.getByRole('combobox', { name: 'City' });
    await city.click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Berlin', 'Lisbon']);
    await page.getByRole('option', { name: 'Berlin' }).click();
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await list.getByRole('button', { name: 'Lena Berg' }).waitFor();
    // A row says where they are.
    await expect(list.getByRole('button', { name: 'Lena Berg' }).textContent()).resolves.toContain(
      'Berlin, Germany',
    );
    expect(app.pageErrors).toEqual([]);
  });

  test('the form offers the locations already written, and emptying the input clears it', async () => {
    const { page } = app;
    const [ana] = (await app.call('contacts:list', { query: 'Ana Souza' })).items;
    await app.goto(`/contacts/${ana.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const location = page.getByRole('combobox', { name: 'Location' });
    await expect(location.inputValue()).resolves.toBe('Lisbon, Portugal');
    // Spelled as before: typing offers the locations other contacts have.
    await location.fill('germ');
    await page.getByRole('option', { name: 'Berlin, Germany' }).click();
    await expect(location.inputValue()).resolves.toBe('Berlin, Germany');
    await location.fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('CTO', { exact: true }).waitFor();
    await expect(page.getByTestId('contact-empty-fields').textContent()).resolves.toContain('location');
    expect((await app.call('contacts:get', { id: ana.id })).location).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });

  test('saves the filters as a view, opens it with one click, refuses a taken name, undoes a delete, renames and reorders', async () => {
    const { page } = app;
    await app.goto('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    const views = page.getByRole('group', { name: 'Saved views' });
    await page.getByRole('combobox', { name: 'City' }).click();
    await page.getByRole('option', { name: 'Berlin' }).click();
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Strongest first' }).click();
    await views.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('Berlin people');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const berlin = views.getByRole('button', { name: /^Berlin people/ });
    await berlin.waitFor();
    await expect(berlin.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(berlin.getByTestId('view-count').textContent()).resolves.toBe('1');
    // The list as it is is the saved view: nothing new to save.
    await expect(views.getByRole('button', { name: 'Save view…' }).count()).resolves.toBe(0);

    // A search, saved too; opening it later puts the words back in the box and keeps them.
    await app.goto('/contacts');
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('rui');
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await views.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('berlin PEOPLE');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('There is already a view named “Berlin people”.').waitFor();
    await page.getByRole('textbox', { name: 'View name' }).fill('Rui');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await views.getByRole('button', { name: /^Rui/ }).waitFor();
    await app.screenshot('contacts-saved-views');

    await app.goto('/contacts');
    await page.getByTestId('contact-count').getByText('4 contacts', { exact: true }).waitFor();
    await expect(berlin.getAttribute('aria-pressed')).resolves.toBe('false');
    await berlin.click();
    await expect.poll(hash).toBe('#/contacts?city=Berlin&order=strength');
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await list.getByRole('button', { name: 'Lena Berg' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'City' }).inputValue()).resolves.toBe('Berlin');
    await expect(page.getByRole('combobox', { name: 'Sort by' }).inputValue()).resolves.toBe(
      'Strongest first',
    );

    await views.getByRole('button', { name: /^Rui/ }).click();
    await expect(page.getByRole('textbox', { name: 'Search contacts' }).inputValue()).resolves.toBe('rui');
    await list.getByRole('button', { name: 'Rui Costa' }).waitFor();
    // Past the search box's debounce, the address still holds the view's words.
    await page.waitForTimeout(400);
    expect(hash()).toBe('#/contacts?q=rui');

    await views.getByRole('button', { name: 'Delete the view Berlin people' }).click();
    await expect.poll(() => berlin.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await berlin.waitFor();
    expect((await app.call('views:list', {})).map((v) => [v.name, v.params, v.count])).toEqual([
      ['Berlin people', 'city=Berlin&order=strength', 1],
      ['Rui', 'q=rui', 1],
    ]);

    // Renamed in place, another view's name refused; the rename can be undone.
    await views.getByRole('button', { name: 'Rename the view Rui' }).click();
    const newName = page.getByRole('textbox', { name: 'New name' });
    await expect(newName.inputValue()).resolves.toBe('Rui');
    await newName.fill('BERLIN people');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByText('There is already a view named “Berlin people”.').waitFor();
    await newName.fill('Rui in Lisbon');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await views.getByRole('button', { name: /^Rui in Lisbon/ }).waitFor();
    await page.getByText('Renamed the view “Rui” to “Rui in Lisbon”.').waitFor();
    expect((await app.call('views:list', {})).map((v) => v.name)).toEqual(['Berlin people', 'Rui in Lisbon']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await app.call('views:list', {})).map((v) => v.name))
      .toEqual(['Berlin people', 'Rui']);
    await views.getByRole('button', { name: 'Rename the view Rui' }).waitFor();

    // The user's own order: Rui dragged onto Berlin's place, then moved back with the keyboard.
    const names = async () => (await app.call('views:list', {})).map((v) => v.name);
    const rui = views.getByRole('button', { name: /^Rui/ });
    await rui.dragTo(berlin);
    await expect.poll(names).toEqual(['Rui', 'Berlin people']);
    await expect
      .poll(() => views.getByRole('button', { name: /^(Rui|Berlin people)/ }).allTextContents())
      .toEqual(['Rui1', 'Berlin people1']);
    await rui.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(names).toEqual(['Berlin people', 'Rui']);
    // The bar shows the new order (stored first, drawn on the refetch after), and the focus is
    // still on the view moved, so the next press moves it again.
    await expect
      .poll(() => views.getByRole('button', { name: /^(Rui|Berlin people)/ }).allTextContents())
      .toEqual(['Berlin people1', 'Rui1']);
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.textContent'))
      .toBe('Rui1');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(names).toEqual(['Rui', 'Berlin people']);
    // Deleted and undone, a view comes back where it was, not last.
    await views.getByRole('button', { name: 'Delete the view Rui' }).click();
    await expect.poll(names).toEqual(['Berlin people']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(names).toEqual(['Rui', 'Berlin people']);
    expect(app.pageErrors).toEqual([]);
  });

  test('the dashboard draws where people are, and a city opens the list of them, closest first', async () => {
    const { page } = app;
    await app.goto('/');
    const cities = page.getByLabel('Contacts per city');
    await cities.waitFor();
    await expect(cities.getByRole('link').allTextContents()).resolves.toEqual(['Berlin', 'lisbon']);
    await expect(cities.getByText('2 contacts without a location').isVisible()).resolves.toBe(true);
    await cities.getByRole('link', { name: 'lisbon' }).click();
    await expect.poll(hash).toBe('#/contacts?city=lisbon&order=strength');
    await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: 'Rui Costa' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
