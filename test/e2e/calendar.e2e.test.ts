import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cancelled, ics, invite, meeting, weekly } from '../main/calendar/helpers';
import { drawnPng, publishScreenshot, startApp, type RunningApp } from './harness';

/** The Import view's file chooser; the other input chooses a folder. */
const FILES_INPUT = 'input[type="file"]:not([webkitdirectory])';

const outlookFile = fileURLToPath(
  new URL('../fixtures/ics/rapport/outlook-windows-zones.ics', import.meta.url),
);

describe('calendar import, end to end through the Import view over a real database file', () => {
  let app: RunningApp;
  let priya: number;

  const contactId = (email: string) =>
    app.store.sqlite.prepare('SELECT contact_id FROM contact_emails WHERE email = ?').pluck().get(email) as
      number | undefined;

  /**
   * Picks a calendar of these events, named `calendar`, in a fresh Import view: away and back,
   * so the view starts afresh with its file input empty.
   */
  async function chooseEvents(calendar: string, ...events: string[][]): Promise<void> {
    await app.goto(`/contacts/${priya}`);
    await app.goto('/import');
    await app.page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
    await app.page.locator(FILES_INPUT).setInputFiles({
      name: `${calendar.toLowerCase()}.ics`,
      mimeType: 'text/calendar',
      buffer: ics(`X-WR-CALNAME:${calendar}`, ...events.flat()),
    });
  }

  /** Picks the fixture in the file input and waits for the preview, previewed as me@example.com. */
  async function previewAsMe(): Promise<void> {
    const { page } = app;
    await app.goto('/import');
    await page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
    await page.locator(FILES_INPUT).setInputFiles(outlookFile);
    const self = page.getByRole('textbox', { name: 'My email addresses' });
    await self.waitFor();
    if ((await self.inputValue()) !== 'me@example.com') {
      await self.fill('me@example.com');
      await page.getByRole('button', { name: 'Preview again' }).click();
      // A new preview resets the kept people: wait until it has landed before choosing.
      await expect.poll(() => page.locator('button[data-loading]').count()).toBe(0);
      await expect.poll(() => self.inputValue()).toBe('me@example.com');
    }
  }

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1360, height: 1000 } });
    priya = (
      await app.call('contacts:create', {
        displayName: 'Priya Raman',
        emails: [{ email: 'priya.raman@contoso.com' }],
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
  });

  test('previews the file, keeps Tom, drops Jonas and commits with progress', async () => {
    const { page } = app;
    const photo = await drawnPng(page, 24, 24, '#1098ad');
    await app.call('contacts:setPhoto', { id: priya, mime: 'image/png', base64: photo });
    await previewAsMe();
    // Among the top people, Priya (a contact) with her photo, Tom (new) with his initials.
    const top = (email: string) => page.locator(`tr[data-email="${email}"] .mantine-Avatar-root`);
    await top('priya.raman@contoso.com').locator('img').waitFor();
    expect(await top('priya.raman@contoso.com').locator('img').getAttribute('src')).toBe(
      `data:image/png;base64,${photo}`,
    );
    expect(await top('tom.becker@contoso.com').textContent()).toBe('TB');
    const tom = page.getByRole('checkbox', { name: /tom\.becker@contoso\.com/ });
    const jonas = page.getByRole('checkbox', { name: /jonas\.mueller@fabrikam\.de/ });
    await tom.waitFor();
    // Jonas found by his domain, and dropped with everyone found there.
    const find = page.getByLabel('Find', { exact: true });
    await find.fill('FABRIKAM');
    await page.getByText('1 of 2 people').waitFor();
    expect(await tom.count()).toBe(0);
    await page.getByRole('button', { name: 'Drop these' }).click();
    await find.fill('');
    expect(await tom.isChecked()).toBe(true);
    expect(await jonas.isChecked()).toBe(false);
    await page.getByText('New people (1 kept)').waitFor();
    await find.blur();
    await page.getByRole('button', { name: /^Import \d+ meetings$/ }).scrollIntoViewIfNeeded();
    await app.screenshot('calendar-preview');
    publishScreenshot('calendar-preview', 'calendar-preview.png');

    const eventsBefore = app.events.length;
    await page.getByRole('button', { name: /^Import \d+ meetings$/ }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    const writing = app.events
      .slice(eventsBefore)
      .filter((e) => e.event === 'import:progress')
      .map((e) => e.payload as { phase: string; done: number; total: number })
      .filter((p) => p.phase === 'writing');
    // The progress bar is drawn from these; the last one says the write finished.
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.at(-1)!.done).toBe(writing.at(-1)!.total);
    expect(contactId('tom.becker@contoso.com')).toBeDefined();
    expect(contactId('jonas.mueller@fabrikam.de')).toBeUndefined();
    await app.screenshot('calendar-result');
    expect(app.pageErrors).toEqual([]);
  });

  test('the meetings are on the right contacts’ timelines', async () => {
    const { page } = app;
    const tom = contactId('tom.becker@contoso.com')!;
    for (const id of [priya, tom]) {
      await app.goto(`/contacts/${id}`);
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline
        .getByRole('button', { name: /Sprint planning/ })
        .first()
        .waitFor();
    }
    // Lunch with Jonas had no one kept but Jonas, so it links to nobody on Priya's timeline.
    await app.goto(`/contacts/${priya}`);
    await page.getByRole('list', { name: 'Timeline' }).getByRole('button').first().waitFor();
    expect(
      await page
        .getByRole('list', { name: 'Timeline' })
        .getByRole('button', { name: /Mittagessen/ })
        .count(),
    ).toBe(0);
  });

  test('re-importing the file says nothing new, and undo removes the import', async () => {
    const { page } = app;
    const before = app.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    await previewAsMe();
    await page.getByText('To create').waitFor();
    await page.getByRole('button', { name: 'Drop all' }).click();
    await page.getByRole('button', { name: 'Import 0 meetings' }).click();
    await page.getByText('Nothing new', { exact: true }).waitFor();
    expect(app.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(before);

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText('undone', { exact: true }).waitFor();
    expect(app.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(0);
    expect(contactId('tom.becker@contoso.com')).toBeUndefined();
    expect(contactId('priya.raman@contoso.com')).toBe(priya);
    expect(app.pageErrors).toEqual([]);
  });

  test("a Google export's calendars are listed, and a colleague's can be left out", async () => {
    const { page } = app;
    const event = (uid: string, organizer: string, attendee: string) =>
      meeting(uid, '20250210T100000Z', organizer, attendee);
    const calendar = (name: string, ...events: string[][]) => ics(`X-WR-CALNAME:${name}`, ...events.flat());
    const zip = zipSync({
      'me@example.com.ics': calendar('Work', event('e2e-mine', 'me@example.com', 'tom.becker@contoso.com')),
      'cy@example.com.ics': calendar(
        'Cy Ortiz',
        ...[1, 2, 3].map((i) => event(`e2e-cy-${i}`, 'cy@example.com', `guest${i}@example.com`)),
      ),
    });
    await app.goto('/journal');
    await app.goto('/import');
    await page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
    await page
      .locator(FILES_INPUT)
      .setInputFiles({ name: 'takeout.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const calendars = page.getByLabel('Calendars');
    await calendars.getByText('cy@example.com.ics · 3 meetings, you are in 0').waitFor();
    await calendars.getByText("Someone else's?").waitFor();
    await calendars.getByRole('checkbox', { name: 'Cy Ortiz' }).uncheck();
    await calendars.getByText('cy@example.com.ics · left out').waitFor();
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    const titles = app.store.sqlite
      .prepare(`SELECT title FROM interactions WHERE title LIKE 'e2e-%' ORDER BY title`)
      .pluck()
      .all();
    expect(titles).toEqual(['e2e-mine']);
    expect(app.pageErrors).toEqual([]);
  });

  test('someone with the name of a contact the user has gets their address added, not a duplicate', async () => {
    const { page } = app;
    const jonas = (await app.call('contacts:create', { displayName: 'Jonas Müller' })).id;
    // Away and back, so the Import view starts afresh with its file input empty.
    await app.goto(`/contacts/${jonas}`);
    await previewAsMe();
    // The file's CN is the directory's "Müller, Jonas": proposed given name first. Dropped in the
    // first import, he is offered unticked; kept, he is offered to the Jonas the user has.
    const keep = page.getByRole('checkbox', {
      name: 'Jonas Müller <jonas.mueller@fabrikam.de> · 1 meeting · dropped last time',
    });
    const offer = page.getByRole('checkbox', {
      name: 'Is your contact Jonas Müller: add jonas.mueller@fabrikam.de to them (untick for a new contact)',
    });
    await keep.waitFor();
    expect(await keep.isChecked()).toBe(false);
    expect(await offer.count()).toBe(0);
    await keep.check();
    expect(await offer.isChecked()).toBe(true);
    await page.getByRole('button', { name: /^Import \d+ meetings$/ }).click();
    await page.getByText(/1 address added to contacts you had\.$/).waitFor();
    expect(contactId('jonas.mueller@fabrikam.de')).toBe(jonas);
    expect(
      app.store.sqlite
        .prepare(`SELECT count(*) FROM contacts WHERE display_name = 'Jonas Müller'`)
        .pluck()
        .get(),
    ).toBe(1);
    // The lunch with him is on his own timeline now.
    await app.goto(`/contacts/${jonas}`);
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByRole('button', { name: /Mittagessen/ })
      .first()
      .waitFor();

    await app.goto('/import');
    await page.getByRole('button', { name: 'Undo this import' }).first().click();
    await page.getByText('undone', { exact: true }).first().waitFor();
    await expect.poll(() => contactId('jonas.mueller@fabrikam.de')).toBeUndefined();
    expect(app.store.sqlite.prepare('SELECT count(*) FROM contacts WHERE id = ?').pluck().get(jonas)).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  test('a later export that shows a meeting cancelled takes it off the timeline, and undo puts it back', async () => {
    const { page } = app;
    const sync = meeting('e2e-sync', '20250303T100000Z', 'me@example.com', 'priya.raman@contoso.com');
    const offsite = meeting('e2e-offsite', '20250304T100000Z', 'me@example.com', 'priya.raman@contoso.com');
    const choose = (...events: string[][]) => chooseEvents('Work', ...events);
    /** Waits until Priya's timeline, freshly opened, shows `title` that many times (it may first show what it had). */
    const onPriyasTimeline = async (title: string, times: number) => {
      await app.goto(`/contacts/${priya}`);
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline
        .getByRole('button', { name: /e2e-sync/ })
        .first()
        .waitFor();
      await expect.poll(() => timeline.getByRole('button', { name: new RegExp(title) }).count()).toBe(times);
    };
    await choose(sync, offsite);
    await page.getByRole('button', { name: 'Import 2 meetings' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    await onPriyasTimeline('e2e-offsite', 1);

    await choose(sync, cancelled(offsite));
    const remove = page.getByRole('checkbox', { name: 'Remove them: 1 meeting that did not take place' });
    await remove.waitFor();
    expect(await remove.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove 1 cancelled meeting' }).click();
    await page.getByText(/, 1 meeting cancelled or not attended removed\.$/).waitFor();
    await onPriyasTimeline('e2e-offsite', 0);

    await app.goto('/import');
    await page.getByRole('button', { name: 'Undo this import' }).first().click();
    await page.getByText('undone', { exact: true }).first().waitFor();
    await onPriyasTimeline('e2e-offsite', 1);
    expect(app.pageErrors).toEqual([]);
  });

  test('a recurring all-hands the user unticks stays off the timeline, and the next import leaves it out again', async () => {
    const { page } = app;
    const me = 'me@example.com';
    const file = {
      name: 'team.ics',
      mimeType: 'text/calendar',
      buffer: ics(
        'X-WR-CALNAME:Team',
        ...weekly(
          'e2e-all-hands',
          'E2E all hands',
          '20250407T160000Z',
          4,
          'boss@contoso.com',
          me,
          'priya.raman@contoso.com',
        ),
        ...weekly('e2e-one-on-one', 'E2E Priya 1:1', '20250408T100000Z', 3, me, 'priya.raman@contoso.com'),
      ),
    };
    const choose = async () => {
      await app.goto(`/contacts/${priya}`);
      await app.goto('/import');
      await page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
      await page.locator(FILES_INPUT).setInputFiles(file);
      return page.getByLabel('Recurring meetings', { exact: true });
    };
    const series = await choose();
    const allHands = series.getByRole('checkbox', { name: /^E2E all hands/ });
    await allHands.uncheck();
    await page.getByRole('button', { name: 'Import 3 meetings' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();

    await app.goto(`/contacts/${priya}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline
      .getByRole('button', { name: /E2E Priya 1:1/ })
      .first()
      .waitFor();
    expect(await timeline.getByRole('button', { name: /E2E Priya 1:1/ }).count()).toBe(3);
    expect(await timeline.getByRole('button', { name: /E2E all hands/ }).count()).toBe(0);

    const again = await choose();
    await again.getByText(/^4 meetings · up to 3 people · Apr 2025 · left out last time$/).waitFor();
    expect(await again.getByRole('checkbox', { name: /^E2E all hands/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Import 0 meetings' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  test('a later export with a series moved an hour and a meeting deleted: the series moves on the timeline, and the deleted one goes once ticked', async () => {
    const { page } = app;
    const me = 'me@example.com';
    const lunch = meeting('e2e-lunch', '20250507T120000Z', me, 'priya.raman@contoso.com');
    const series = (start: string) =>
      weekly('e2e-weekly', 'E2E weekly', start, 3, me, 'priya.raman@contoso.com');
    const choose = (...events: string[][]) => chooseEvents('Mine', ...events);
    await choose(series('20250506T090000Z'), lunch);
    await page.getByRole('button', { name: 'Import 4 meetings' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();

    await choose(series('20250506T100000Z'));
    await page.getByText('3 meetings moved').waitFor();
    const remove = page.getByRole('checkbox', {
      name: /^Remove them: 1 meeting imported before that these files no longer hold/,
    });
    expect(await remove.isChecked()).toBe(false);
    await remove.check();
    await app.screenshot('calendar-later-export');
    await page.getByRole('button', { name: 'Import 3 meetings' }).click();
    await page
      .getByText(
        /^0 meetings created, 3 updated, 0 new contacts, 1 meeting no longer in the calendar removed\.$/,
      )
      .waitFor();

    await app.goto(`/contacts/${priya}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline
      .getByRole('button', { name: /E2E weekly/ })
      .first()
      .waitFor();
    expect(await timeline.getByRole('button', { name: /E2E weekly/ }).count()).toBe(3);
    expect(await timeline.getByRole('button', { name: /e2e-lunch/ }).count()).toBe(0);
    expect(
      app.store.sqlite
        .prepare(`SELECT starts_at FROM interactions WHERE title = 'E2E weekly' ORDER BY 1`)
        .pluck()
        .all(),
    ).toEqual(['2025-05-06T10:00:00.000Z', '2025-05-13T10:00:00.000Z', '2025-05-20T10:00:00.000Z']);
    expect(app.pageErrors).toEqual([]);
  });

  test('the same calendar renamed is known; invitations never answered are left out; the user at home is the user', async () => {
    const { page } = app;
    const me = 'me@example.com';
    const priyaLine = ';PARTSTAT=ACCEPTED:mailto:priya.raman@contoso.com';
    // "Mine" renamed since the test before: its weekly series, and June's meetings.
    const unanswered = ['20250602', '20250609', '20250616'].map((day) =>
      invite(
        `e2e-fyi-${day}`,
        `${day}T150000Z`,
        'boss@contoso.com',
        `;PARTSTAT=NEEDS-ACTION:mailto:${me}`,
        priyaLine,
      ),
    );
    const fromHome = invite(
      'e2e-planning',
      '20250604T090000Z',
      me,
      `;CN=E2E Me;PARTSTAT=ACCEPTED:mailto:${me}`,
      ';CN="Me, E2E";PARTSTAT=ACCEPTED:mailto:e2e.me@home.example',
      priyaLine,
    );
    await chooseEvents(
      'Mine (2025)',
      weekly('e2e-weekly', 'E2E weekly', '20250506T100000Z', 3, me, 'priya.raman@contoso.com'),
      ...unanswered,
      fromHome,
    );
    await page.getByText(/imported before as “Mine”: its meetings update in place$/).waitFor();

    const leaveOut = page.getByRole('checkbox', { name: /^Leave out 3 meetings you never answered/ });
    expect(await leaveOut.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Import 4 meetings' }).waitFor();
    // The box follows the preview it asks for, so it turns ticked only once that has landed.
    await leaveOut.click();
    await page.getByRole('button', { name: 'Import 1 meeting' }).waitFor();
    expect(await leaveOut.isChecked()).toBe(true);

    const home = page.getByRole('checkbox', { name: /<e2e\.me@home\.example>/ });
    expect(await home.isChecked()).toBe(false);
    await page.getByText(/^Has your name: most likely another address of yours/).waitFor();
    await page.getByRole('button', { name: 'It is mine' }).click();
    await expect.poll(() => home.count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'My email addresses' }).inputValue()).toBe(
      'me@example.com, e2e.me@home.example',
    );
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await page.getByText(/^1 meeting created, 0 updated, 0 new contacts\.$/).waitFor();

    expect((await app.call('settings:getSelfEmails', {})).sort()).toEqual(['e2e.me@home.example', me]);
    await app.goto(`/contacts/${priya}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('button', { name: /e2e-planning/ }).waitFor();
    expect(await timeline.getByRole('button', { name: /e2e-fyi/ }).count()).toBe(0);
    expect(await timeline.getByRole('button', { name: /E2E weekly/ }).count()).toBe(3);
    expect(app.pageErrors).toEqual([]);
  });
  test('a meeting the user changed in Rapport keeps their change when a later export moves it', async () => {
    const { page } = app;
    const review = (start: string, sequence: number) => [
      ...meeting('e2e-review', start, 'me@example.com', 'priya.raman@contoso.com').slice(0, -1),
      `SEQUENCE:${sequence}`,
      'END:VEVENT',
    ];
    await chooseEvents('Reviews', review('20250512T090000Z', 0));
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await page.getByText(/^1 meeting created, 0 updated, 0 new contacts\.$/).waitFor();

    await app.goto(`/contacts/${priya}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const imported = timeline.getByRole('button', { name: /e2e-review/ });
    await imported.getByText('Calendar', { exact: true }).waitFor();
    await imported.click();
    const dialog = page.getByRole('dialog', { name: 'Journal entry' });
    await dialog.getByText('e2e-review', { exact: true }).waitFor();
    await dialog
      .getByText(/^From your calendar “Reviews”\. What you change here stays as you leave it/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Coffee or meal' }).click();
    await dialog.getByLabel('Title').fill('Review over coffee');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Entry saved.').waitFor();
    await dialog
      .getByText(/You changed its kind and title here: imports of the calendar leave them/)
      .waitFor();
    await page.keyboard.press('Escape');

    const journalEntry = await app.call('journal:create', {
      kind: 'call',
      startsAt: '2025-05-13T09:00:00Z',
      title: 'E2E own call',
    });
    // The organiser moves it an hour later: the time follows the calendar, the kind and title stay.
    await chooseEvents('Reviews', review('20250512T100000Z', 1));
    await page.getByText('1 keeps your changes', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await page.getByText(/^0 meetings created, 1 updated, 0 new contacts\.$/).waitFor();

    // The journal lists what came from calendars on its own, and the import opens it so.
    await page.getByRole('link', { name: 'See the meetings from calendars in the journal' }).click();
    const entries = page.getByRole('list', { name: 'Journal entries' });
    await entries.getByRole('button', { name: 'Review over coffee' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'From where' }).inputValue()).toBe('Calendar');
    expect(await entries.getByRole('button', { name: 'E2E own call' }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'From where' }).click();
    await page.getByRole('option', { name: 'Written in Rapport' }).click();
    await entries.getByRole('button', { name: 'E2E own call' }).waitFor();
    expect(await entries.getByRole('button', { name: 'Review over coffee' }).count()).toBe(0);
    await app.call('journal:delete', { id: journalEntry.id });
    expect(
      app.store.sqlite
        .prepare(`SELECT kind, title, starts_at FROM interactions WHERE source_key LIKE '%e2e-review%'`)
        .get(),
    ).toEqual({ kind: 'coffee', title: 'Review over coffee', starts_at: '2025-05-12T10:00:00.000Z' });
    await app.goto(`/contacts/${priya}`);
    await timeline.getByRole('button', { name: /Review over coffee/ }).waitFor();
    expect(await timeline.getByRole('button', { name: /e2e-review/ }).count()).toBe(0);

    // Handed back to the calendar, the next import sets every part from it again.
    await app.goto(`/contacts/${priya}`);
    await timeline.getByRole('button', { name: /Review over coffee/ }).click();
    await dialog.getByRole('button', { name: 'Let the calendar update it' }).click();
    await page.getByText('The next import of the calendar updates all of it.').waitFor();
    await dialog.getByText(/What you change here stays as you leave it/).waitFor();
    await page.keyboard.press('Escape');
    await chooseEvents('Reviews', review('20250512T100000Z', 1));
    await page.getByRole('button', { name: 'Import 1 meeting' }).click();
    await page.getByText(/^0 meetings created, 1 updated, 0 new contacts\.$/).waitFor();
    expect(
      app.store.sqlite
        .prepare(`SELECT kind, title FROM interactions WHERE source_key LIKE '%e2e-review%'`)
        .get(),
    ).toEqual({ kind: 'meeting', title: 'e2e-review' });
    expect(app.pageErrors).toEqual([]);
  });
  test('a calendar dropped on any page of the window goes to the import and is previewed', async () => {
    const { page } = app;
    await app.goto(`/contacts/${priya}`);
    await page.getByRole('list', { name: 'Timeline' }).waitFor();
    const text = ics(
      'X-WR-CALNAME:Dropped',
      ...meeting('e2e-dropped', '20250520T090000Z', 'me@example.com', 'priya.raman@contoso.com'),
    ).toString('utf8');
    // As the system hands a dragged file over: a drop on the page, outside any drop zone.
    // The page's own DataTransfer and File, built in the page (this file is type-checked for Node).
    const dataTransfer = await page.evaluateHandle(
      `(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([${JSON.stringify(text)}], 'dropped.ics', { type: 'text/calendar' }));
        return transfer;
      })()`,
    );
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
    await page.getByRole('button', { name: 'Import 1 meeting' }).waitFor();
    expect(await page.getByText('dropped.ics', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  test('a folder, chosen or dropped (Google’s export as macOS unpacks it), gives the calendars in it', async () => {
    const { page } = app;
    const root = mkdtempSync(join(tmpdir(), 'rapport-folder-'));
    try {
      const takeout = join(root, 'Takeout');
      const write = (path: string, bytes: Buffer | string) => {
        mkdirSync(join(takeout, path, '..'), { recursive: true });
        writeFileSync(join(takeout, path), bytes);
      };
      const calendar = (name: string, uid: string, day: string) =>
        ics(
          `X-WR-CALNAME:${name}`,
          ...meeting(uid, `${day}T090000Z`, 'me@example.com', 'priya.raman@contoso.com'),
        );
      write('Calendar/Work.ics', calendar('Folder work', 'e2e-folder-work', '20250602'));
      write('Calendar/Team.ics', calendar('Folder team', 'e2e-folder-team', '20250603'));
      // What macOS and the export leave beside them: not calendars.
      write('__MACOSX/Calendar/._Work.ics', 'not a calendar');
      write('.hidden.ics', 'not a calendar');
      write('archive_browser.html', '<p>Takeout</p>');
      mkdirSync(join(root, 'Empty', 'Sub'), { recursive: true });
      writeFileSync(join(root, 'Empty', 'Sub', 'notes.txt'), 'nothing here');

      // Chosen with "Choose a folder".
      await app.goto('/import');
      await page.getByRole('button', { name: 'Choose a folder' }).waitFor();
      await page.locator('input[webkitdirectory]').setInputFiles(takeout);
      await page.getByRole('button', { name: 'Import 2 meetings' }).waitFor();
      const picked = page.getByText(/^(Team|Work)\.ics, (Team|Work)\.ics$/);
      await picked.waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Dropped on another page, as the system hands a dragged folder over (Chromium's own drag).
      const cdp = await page.context().newCDPSession(page);
      const dropFolder = async (folder: string) => {
        const data = { items: [], files: [folder], dragOperationsMask: 1 };
        for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
          await cdp.send('Input.dispatchDragEvent', { type, x: 700, y: 400, data });
        }
      };
      await app.goto(`/contacts/${priya}`);
      await page.getByRole('list', { name: 'Timeline' }).waitFor();
      await dropFolder(takeout);
      await page.getByRole('heading', { name: 'Import a calendar' }).waitFor();
      await page.getByRole('button', { name: 'Import 2 meetings' }).waitFor();
      await picked.waitFor();
      await page.getByRole('button', { name: 'Import 2 meetings' }).click();
      await page.getByText('Imported', { exact: true }).waitFor();
      const titles = app.store.sqlite
        .prepare(`SELECT title FROM interactions WHERE source_key LIKE '%e2e-folder-%' ORDER BY starts_at`)
        .pluck()
        .all();
      expect(titles).toEqual(['e2e-folder-work', 'e2e-folder-team']);

      // A folder with no calendar in it says so.
      await app.goto(`/contacts/${priya}`);
      await page.getByRole('list', { name: 'Timeline' }).waitFor();
      await dropFolder(join(root, 'Empty'));
      await page.getByText('There is no calendar (.ics) file in the folder Empty.').waitFor();
      expect(app.pageErrors).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
