import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishScreenshot, startApp, type RunningApp } from './harness';

const fixtures = join(__dirname, '../fixtures/contacts');

describe('contacts import, export and backups, end to end in Chromium over a real database file', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1360, height: 1000 } });
  });

  afterAll(async () => {
    const dbPath = app?.dbPath;
    // A restore swaps the store in the context: close whichever is live now.
    await app?.ctx.store.close();
    await app?.close({ keepData: true });
    if (dbPath) rmSync(dirname(dbPath), { recursive: true, force: true });
  });

  const pickFile = (name: string) => app.page.locator('input[type=file]').setInputFiles(join(fixtures, name));

  test('imports LinkedIn connections after a preview', async () => {
    const { page } = app;
    await app.goto('/import/contacts');
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await pickFile('linkedin-Connections.csv');
    const preview = page.getByLabel('Contacts import preview');
    await preview.waitFor();
    await expect.poll(() => preview.textContent()).toContain('LinkedIn connections');
    await expect
      .poll(() => page.getByRole('table', { name: 'New contacts' }).textContent())
      .toContain('Ana Souza');
    await expect
      .poll(() => page.getByRole('table', { name: 'Skipped rows' }).textContent())
      .toContain('no name');
    await app.screenshot('interop-contacts-preview');
    await page.getByRole('button', { name: 'Import 7 contacts' }).click();
    await expect.poll(() => page.getByText('7 new contacts').count()).toBe(1);
    const list = await app.call('contacts:list', { query: 'Souza' });
    expect(list.items.map((c) => c.displayName)).toEqual(['Ana Souza']);
    expect(app.events.some((e) => e.event === 'import:progress')).toBe(true);
  });

  test('re-importing a later export shows and records the job change on the timeline', async () => {
    const { page } = app;
    await pickFile('linkedin-Connections-later.csv');
    await expect
      .poll(() => page.getByRole('table', { name: 'Contacts to update' }).textContent())
      .toContain('Job change: Northwind Traders → Litware Inc.');
    await app.screenshot('interop-contacts-reimport-preview');
    await page.getByRole('button', { name: /^Import \d+ contacts$/ }).click();
    await expect.poll(() => page.getByText('1 new contact, 2 updated').count()).toBe(1);
    const ana = (await app.call('contacts:list', { query: 'Souza' })).items[0];
    await app.goto(`/contacts/${ana.id}`);
    await expect
      .poll(() => page.getByText('Moved from Northwind Traders to Litware Inc.').count())
      .toBeGreaterThan(0);
    await app.screenshot('interop-job-change-timeline');
  });

  test('a vCard that says another job offers it; the ones ticked are taken, each as a move', async () => {
    const { page } = app;
    await app.goto('/import/contacts');
    const card = (name: string, email: string, org: string, title: string) => [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${name}`,
      `EMAIL:${email}`,
      `ORG:${org}`,
      `TITLE:${title}`,
      'END:VCARD',
    ];
    await page.locator('input[type=file]').setInputFiles({
      name: 'phone.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(
        [
          ...card('Ana Souza', 'ana.souza@northwind.example', 'Fabrikam', 'CTO'),
          ...card('Mei Lin', 'mei.lin@gmail.com', 'Northwind Traders', 'Product Manager'),
        ].join('\r\n'),
      ),
    });
    const roles = page.getByRole('table', { name: 'Another job in the file' });
    await expect
      .poll(() => roles.textContent())
      .toContain('Principal Engineer at Litware Inc.CTO at Fabrikam');
    await expect.poll(() => roles.textContent()).toContain('Director, Product at Tailspin Toys');
    await app.screenshot('interop-another-job');
    // Mei's card is an old one: only Ana's move is news.
    await page.getByRole('checkbox', { name: "Take Ana Souza's job in the file" }).check();
    const preview = page.getByLabel('Contacts import preview');
    await expect.poll(() => preview.textContent()).toContain('Updated1Unchanged1');
    await page.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
    await expect.poll(() => page.getByText(/0 new contacts, 1 updated/).count()).toBe(1);
    const [ana] = (await app.call('contacts:list', { query: 'Souza' })).items;
    const [mei] = (await app.call('contacts:list', { query: 'Mei Lin' })).items;
    expect([ana.organisation, ana.title, mei.organisation]).toEqual(['Fabrikam', 'CTO', 'Tailspin Toys']);
    const timeline = await app.call('journal:timeline', { contactId: ana.id });
    expect(timeline.items.filter((e) => e.kind === 'job_change').map((e) => e.title)).toEqual([
      'Moved from Litware Inc. to Fabrikam',
      'Moved from Northwind Traders to Litware Inc.',
    ]);
    // Her page lists her career, old titles and all, and who else is at Fabrikam: Søren, a warm introduction.
    await app.goto(`/contacts/${ana.id}`);
    const career = page.getByLabel('Career');
    const herRoles = [
      'CTO at Fabrikam',
      'Principal Engineer at Litware Inc.',
      'Staff Engineer at Northwind Traders',
    ];
    const careerRoles = () => career.locator('.mantine-Timeline-itemTitle p').allTextContents();
    await expect.poll(careerRoles).toEqual(herRoles);
    const fabrikam = career.getByLabel('Also at Fabrikam');
    await expect(fabrikam.textContent()).resolves.toBe('Also there:SØSøren Ødegård');
    // What LinkedIn's profile says she did before: added by hand, a day to come refused first.
    await page.getByRole('button', { name: 'Add an earlier role' }).click();
    const earlier = page.getByRole('form', { name: 'Add an earlier role' });
    await earlier.getByRole('textbox', { name: 'Organisation' }).fill('Contoso');
    await earlier.getByRole('textbox', { name: 'Title' }).fill('Intern');
    await earlier.getByLabel('Left on').fill('2099-01-01');
    await earlier.getByRole('button', { name: 'Add' }).click();
    await earlier.getByRole('alert').getByText('The day they left it cannot be after today.').waitFor();
    await earlier.getByLabel('Left on').fill('2018-08-31');
    await earlier.getByRole('button', { name: 'Add' }).click();
    await earlier.waitFor({ state: 'detached' });
    await expect.poll(careerRoles).toEqual([...herRoles, 'Intern at Contoso']);
    await page.getByRole('button', { name: 'Moved from Contoso to Northwind Traders' }).waitFor();
    await app.screenshot('contact-career');
    publishScreenshot('contact-career', 'career.png');
    await fabrikam.getByRole('link', { name: 'Søren Ødegård' }).click();
    await page.getByRole('heading', { name: 'Søren Ødegård' }).waitFor();

    // The list finds who worked at Northwind Traders, not only who works there (nobody now).
    await app.goto('/contacts');
    await page.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: 'Northwind Traders' }).click();
    const count = page.getByTestId('contact-count');
    await count.getByText('0 contacts', { exact: true }).waitFor();
    await page.getByRole('switch', { name: 'Who worked there too' }).press('Space');
    await count.getByText('1 contact', { exact: true }).waitFor();
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect(list.getByRole('button').getAttribute('aria-label')).resolves.toBe('Ana Souza');
    expect(new URL(page.url()).hash).toContain('former=1');
    // An address may spell it otherwise (a link, a saved view): the menu shows the entry it matches.
    await app.goto('/');
    await app.goto('/contacts?org=NORTHWIND+TRADERS&former=1');
    await count.getByText('1 contact', { exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Organisation' }).inputValue())
      .toBe('Northwind Traders');

    // A recorded role put right on her page, the move that began it reworded; then undone.
    await app.goto(`/contacts/${ana.id}`);
    const allRoles = [...herRoles, 'Intern at Contoso'];
    await expect.poll(careerRoles).toEqual(allRoles);
    const editButton = career.getByRole('button', { name: 'Edit role: Staff Engineer at Northwind Traders' });
    const edit = career.getByRole('form', { name: 'Edit role' });
    // Escape leaves it as it was.
    await editButton.click();
    await edit.getByRole('textbox', { name: 'Title' }).press('Escape');
    await edit.waitFor({ state: 'detached' });
    await editButton.click();
    await expect(edit.getByRole('textbox', { name: 'Organisation' }).inputValue()).resolves.toBe(
      'Northwind Traders',
    );
    await edit.getByRole('textbox', { name: 'Title' }).fill('Senior Staff Engineer');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(careerRoles).toEqual(allRoles.with(2, 'Senior Staff Engineer at Northwind Traders'));
    const joinedEntry = (await app.call('journal:timeline', { contactId: ana.id })).items.find(
      (e) => e.title === 'Moved from Contoso to Northwind Traders',
    )!;
    const joined = async () => (await app.call('journal:get', { id: joinedEntry.id })).notes;
    await expect.poll(joined).toBe('Position: Senior Staff Engineer');
    const notice = page.getByText(
      'Staff Engineer at Northwind Traders is now Senior Staff Engineer at Northwind Traders.',
    );
    await notice.waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(careerRoles).toEqual(allRoles);
    await expect.poll(joined).toBe('Position: Staff Engineer');
  });

  test('exports vCard, JSON and the calendar of birthdays and dates from Settings', async () => {
    const { page } = app;
    await app.goto('/settings');
    await page.getByRole('button', { name: 'Contacts as vCard' }).click();
    const exported = page.getByRole('alert').filter({ hasText: 'Exported' });
    await expect.poll(() => exported.textContent()).toMatch(/8 contacts.*\.vcf/);
    const vcf = (await exported.locator('code').textContent()) as string;
    expect(readFileSync(vcf, 'utf8').match(/^BEGIN:VCARD$/gm)).toHaveLength(8);
    await page.getByRole('button', { name: 'Everything as JSON' }).click();
    await expect.poll(() => exported.textContent()).toMatch(/\.json/);
    const json = (await exported.locator('code').textContent()) as string;
    expect(existsSync(json)).toBe(true);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({
      format: 'rapport-export',
      formatVersion: 1,
    });

    // The imports brought no birthdays: the calendar of days to remember holds the one person given some.
    await app.call('contacts:create', {
      displayName: 'Lena Fischer',
      birthday: '--05-04',
      importantDates: [{ label: 'Work anniversary', date: '2021-03-01' }],
    });
    await page.getByRole('button', { name: 'Birthdays and dates as a calendar' }).click();
    await expect.poll(() => exported.textContent()).toMatch(/1 contact, 1 file, .*\.ics/);
    const ics = readFileSync((await exported.locator('code').textContent()) as string, 'utf8');
    expect(ics.split('\r\n').filter((line) => line.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Lena Fischer’s birthday',
      'SUMMARY:Lena Fischer: Work anniversary',
    ]);
  });

  test('restores the backup taken before the first import', async () => {
    const { page } = app;
    const backups = page.getByRole('table', { name: 'Backups' });
    // One before each of the three imports.
    await expect.poll(() => backups.getByText('Before an import').count()).toBe(3);
    await app.screenshot('interop-backups');
    // Newest first: the last row is the backup from before anything was imported.
    await backups.getByRole('button', { name: 'Restore…' }).last().click();
    await page
      .getByRole('dialog', { name: 'Restore this backup?' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect.poll(() => page.getByText(/^Restored the backup of/).count()).toBe(1);
    expect((await app.call('contacts:list', {})).total).toBe(0);
    // The state just before the restore was kept as a backup of its own.
    await expect.poll(() => backups.getByText('Before a restore').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
