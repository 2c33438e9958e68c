import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawnPng, startApp, type RunningApp } from './harness';

const day = 86_400_000;

describe('journal, end to end in Chromium over a real database file', () => {
  let app: RunningApp;
  let ana: number;
  let bruno: number;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1360, height: 900 } });
    // Her work anniversary is in two days (the page and this process share the machine's zone).
    const inTwoDays = new Date(Date.now() + 2 * day);
    const pad = (n: number) => String(n).padStart(2, '0');
    ana = (
      await app.call('contacts:create', {
        displayName: 'Ana Souza',
        organisation: 'Nubank',
        circles: ['mentor'],
        importantDates: [
          {
            label: 'Work anniversary',
            date: `--${pad(inTwoDays.getMonth() + 1)}-${pad(inTwoDays.getDate())}`,
          },
        ],
      })
    ).id;
    bruno = (
      await app.call('contacts:create', {
        displayName: 'Bruno Lima',
        organisation: 'Nubank',
        circles: ['colleague'],
      })
    ).id;
    await app.call('contacts:create', {
      displayName: 'Priya Raman',
      organisation: 'Northwind',
      circles: ['sponsor'],
    });
    // Ana's last coffee was two months ago: with a 30-day mentor cadence she is overdue.
    await app.call('journal:create', {
      kind: 'coffee',
      title: 'Coffee at the station',
      startsAt: new Date(Date.now() - 60 * day).toISOString(),
      durationMinutes: 45,
      notes: 'Talked about the **promotion** packet.',
      participants: [{ contactId: ana }],
    });
    for (let i = 1; i <= 12; i++) {
      await app.call('journal:create', {
        kind: i % 2 ? 'meeting' : 'video',
        title: `Weekly 1:1 #${i}`,
        startsAt: new Date(Date.now() - (70 + i * 7) * day).toISOString(),
        durationMinutes: 30,
        participants: [{ contactId: bruno }],
      });
    }
  });

  afterAll(async () => {
    const dbPath = app?.dbPath;
    await app?.close({ keepData: true });
    if (dbPath) rmSync(dirname(dbPath), { recursive: true, force: true });
  });

  test('the dashboard shows Ana in the Reconnect queue and a drawn activity heatmap', async () => {
    const { page } = app;
    // What the catch-up is for rides along in her row: her most urgent open follow-up.
    const later = await app.call('followups:create', { contactId: ana, text: 'Ask about the Lisbon office' });
    const soon = await app.call('followups:create', {
      contactId: ana,
      text: 'Return the book',
      dueOn: '2020-03-01',
    });
    await app.goto('/');
    const queue = page.getByRole('table', { name: 'Reconnect queue' });
    await queue.getByRole('link', { name: 'Ana Souza' }).waitFor();
    const anaRow = queue.locator(`tr[data-contact-id="${ana}"]`);
    await anaRow.getByTestId('reconnect-next').getByText('Next: Return the book').waitFor();
    expect(await queue.getByTestId('reconnect-next').count()).toBe(1);
    // And a reason to get in touch: her work anniversary comes round.
    expect(await anaRow.getByTestId('reconnect-occasion').textContent()).toBe('Work anniversary in 2 days');
    expect(await queue.getByTestId('reconnect-occasion').count()).toBe(1);
    expect(await page.getByTestId('activity-heatmap').locator('rect').count()).toBe(365);
    await app.screenshot('journal-dashboard-before');
    for (const f of [later, soon]) await app.call('followups:delete', { id: f.id });
  });

  test('logs an interaction with two participants through the form', async () => {
    const { page } = app;
    await app.goto('/journal');
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    await page.getByRole('button', { name: 'Log an interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.getByLabel('Title').fill('Coffee at Fabrica');
    const people = dialog.getByRole('combobox', { name: 'With' });
    for (const name of ['Ana', 'Bruno']) {
      await people.click();
      await people.fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await dialog.getByLabel('Notes').fill('Ana will introduce me to the zeppelin team. ');
    // The next step it leads to, with the second person listed.
    await dialog.getByRole('textbox', { name: 'Next step (optional)' }).fill('Send Bruno the zeppelin deck');
    await dialog.getByLabel('Next step due').fill('2030-01-15');
    await dialog.getByRole('combobox', { name: 'Follow up with' }).click();
    await page.getByRole('option', { name: 'Bruno Lima' }).click();
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('listitem').filter({ hasText: 'Coffee at Fabrica' }).waitFor();
    const stored = await app.call('journal:list', { contactId: bruno });
    expect(stored.items[0].participants.map((p) => p.displayName).sort()).toEqual([
      'Ana Souza',
      'Bruno Lima',
    ]);
    const followUps = await app.call('followups:list', {});
    expect(followUps.items.map((f) => [f.contactId, f.text, f.dueOn])).toEqual([
      [bruno, 'Send Bruno the zeppelin deck', '2030-01-15'],
    ]);
  });

  test('the entry appears on both participants’ timelines, the next step on Bruno’s page', async () => {
    const { page } = app;
    for (const id of [ana, bruno]) {
      await app.goto(`/contacts/${id}`);
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline.getByRole('button', { name: 'Coffee at Fabrica' }).waitFor();
      // Both faces at the end of the row: their initials, as neither has a photo.
      const faces = timeline.getByRole('button', { name: 'Coffee at Fabrica' }).getByTestId('entry-faces');
      await expect.poll(() => faces.locator('.mantine-Avatar-root').allTextContents()).toEqual(['AS', 'BL']);
      const open = page.getByLabel('Open follow-ups').getByTestId('follow-up');
      await expect
        .poll(() => open.allTextContents())
        .toEqual(
          id === bruno ? [expect.stringMatching(/^Send Bruno the zeppelin deckDue in [\d,]+ days⋯×$/)] : [],
        );
    }
    await app.screenshot('journal-timeline');
    // Given a photo, Ana's face in the row is it.
    const photo = await drawnPng(page, 24, 24, '#f76707');
    await app.call('contacts:setPhoto', { id: ana, mime: 'image/png', base64: photo });
    const row = page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('button', { name: 'Coffee at Fabrica' });
    const face = row.getByTestId('entry-faces').locator('img');
    await face.waitFor();
    expect(await face.getAttribute('src')).toBe(`data:image/png;base64,${photo}`);
    await app.call('contacts:removePhoto', { id: ana });
  });

  test('search finds it by a word from its notes, with the word highlighted', async () => {
    const { page } = app;
    await app.goto('/');
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Search everything' }).fill('zeppel');
    const hit = page.locator('[data-search-hit]').filter({ hasText: 'Coffee at Fabrica' });
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toBe('zeppelin');
    await app.screenshot('journal-search');
    await hit.click();
    await page
      .getByRole('dialog', { name: 'Journal entry' })
      .getByText('zeppelin', { exact: false })
      .waitFor();
    await page.keyboard.press('Escape');
  });

  test('the Reconnect queue drops Ana once she has been logged', async () => {
    const { page } = app;
    await app.goto('/');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByText('Recent interactions').waitFor();
    // In the queue only: the Drifting card may name her too, from a strength cache that can be
    // minutes behind (it did on a loaded CI run).
    const queue = page.getByRole('table', { name: 'Reconnect queue' });
    await expect.poll(() => queue.getByRole('link', { name: 'Ana Souza' }).count()).toBe(0);
    await app.screenshot('journal-dashboard');
  });

  test('merges two duplicate contacts, then undoes the merge', async () => {
    const { page } = app;
    const a = await app.call('contacts:create', {
      displayName: 'Katharina Schmidt',
      emails: [{ email: 'k.schmidt@example.com' }],
    });
    const b = await app.call('contacts:create', {
      displayName: 'Katharina Schmitt',
      title: 'Head of Data',
      emails: [{ email: 'kschmitt@mail.example' }],
    });
    await app.call('journal:create', {
      kind: 'call',
      startsAt: new Date().toISOString(),
      participants: [{ contactId: b.id }],
    });
    const photo = await drawnPng(page, 24, 24, '#ae3ec9');
    await app.call('contacts:setPhoto', { id: b.id, mime: 'image/png', base64: photo });
    await app.goto('/duplicates');
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Katharina Schmitt' });
    // Each side's face: Katharina Schmidt's initials, Katharina Schmitt's photo.
    const faces = pair.locator('.mantine-Avatar-root');
    await faces.nth(1).locator('img').waitFor();
    expect(await faces.nth(0).textContent()).toBe('KS');
    expect(await faces.nth(1).locator('img').getAttribute('src')).toBe(`data:image/png;base64,${photo}`);
    await app.call('contacts:removePhoto', { id: b.id });
    await pair.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge contacts' });
    await dialog.getByRole('button', { name: /^Merge into/ }).click();
    await page.getByText('Contacts merged.').waitFor();
    const kept = await app.call('contacts:get', { id: a.id });
    expect(kept.emails.map((e) => e.email).sort()).toEqual([
      'k.schmidt@example.com',
      'kschmitt@mail.example',
    ]);
    expect(kept.title).toBe('Head of Data');
    expect((await app.call('journal:timeline', { contactId: a.id })).total).toBe(1);

    await page.getByRole('button', { name: 'Undo merge' }).click();
    await page.getByText('Merge undone.').waitFor();
    expect((await app.call('contacts:get', { id: b.id })).displayName).toBe('Katharina Schmitt');
    expect((await app.call('contacts:get', { id: a.id })).emails).toEqual([
      { email: 'k.schmidt@example.com', label: null },
    ]);
    expect((await app.call('journal:timeline', { contactId: b.id })).total).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  test('deletes an entry from its page, then puts it back with Undo', async () => {
    const { page } = app;
    const entry = await app.call('journal:create', {
      kind: 'call',
      title: 'Call about the offsite',
      startsAt: new Date().toISOString(),
      participants: [{ contactId: bruno }],
    });
    await app.goto(`/journal?entry=${entry.id}`);
    const dialog = page.getByRole('dialog', { name: 'Journal entry' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('“Call about the offsite” deleted.').waitFor();
    await expect(app.call('journal:get', { id: entry.id })).rejects.toThrow(/NOT_FOUND/);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText('Entry restored.').waitFor();
    const restored = await app.call('journal:list', { contactId: bruno });
    expect(restored.items.map((i) => i.title)).toContain('Call about the offsite');
    expect(app.pageErrors).toEqual([]);
  });

  test('bad input shows a specific error on its field, from the form and from main, and saves nothing', async () => {
    const { page } = app;
    const before = (await app.call('journal:list', {})).total;
    await app.goto('/journal');
    await page.getByRole('button', { name: 'Log an interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'In-person meeting' }).click();
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.getByText('This kind of entry needs a title').waitFor();

    await dialog.getByLabel('Title').fill('Offsite');
    await dialog.getByLabel('All day').check();
    await dialog.getByLabel('Day', { exact: true }).fill('2026-03-10');
    await dialog.getByLabel('Last day (optional)').fill('2026-03-09');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    // This one is refused by main's validation and lands on the field it names.
    await dialog.getByText('The end is before the start').waitFor();
    await app.screenshot('journal-form-error');
    expect((await app.call('journal:list', {})).total).toBe(before);
    await page.keyboard.press('Escape');
  });
});
