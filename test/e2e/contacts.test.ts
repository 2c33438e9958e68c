import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContactFieldsInput } from '../../src/shared/contacts/schemas';
import { controlsUnderNotices, drawnPng, startApp, type RunningApp } from './harness';

/** A believable network around the contact the flows create, so the list view is a real list. */
const colleagues: ContactFieldsInput[] = [
  {
    displayName: 'Priya Raman',
    organisation: 'Northwind Health',
    title: 'VP Engineering',
    circles: ['sponsor'],
    emails: [{ email: 'priya@northwind.example' }],
    tags: ['leadership'],
    customFields: [{ label: 'Expertise', value: 'Platform strategy' }],
  },
  {
    displayName: 'Tomás Herrera',
    organisation: 'Northwind Health',
    title: 'Engineering Manager',
    circles: ['colleague', 'mentor'],
    emails: [{ email: 'tomas@northwind.example' }],
    customFields: [{ label: 'team', value: 'perception' }],
  },
  {
    displayName: 'Mei Lin Chen',
    organisation: 'Arclight Labs',
    title: 'Principal Researcher',
    circles: ['mentor'],
    emails: [{ email: 'meilin@arclight.example' }],
    tags: ['research'],
  },
  {
    displayName: 'Jonas Becker',
    organisation: 'Arclight Labs',
    title: 'Software Engineer',
    circles: ['mentee'],
  },
  {
    displayName: 'Fatima Al-Sayed',
    organisation: 'Copperleaf Bank',
    title: 'CTO',
    circles: ['sponsor'],
    tags: ['leadership'],
  },
  { displayName: 'Kwame Mensah', organisation: 'Copperleaf Bank', title: 'Product Lead', circles: ['peer'] },
  { displayName: 'Sofia Rossi', title: 'Design consultant', circles: ['friend', 'peer'] },
  {
    displayName: "Liam O'Connor",
    organisation: 'Northwind Health',
    title: 'Staff Engineer',
    circles: ['colleague'],
  },
];

describe('contacts, end to end in Chromium over a real database file', () => {
  let app: RunningApp;
  let dbPath: string;
  let anaId: number;

  beforeAll(async () => {
    app = await startApp();
    dbPath = app.dbPath;
    for (const fields of colleagues) await app.call('contacts:create', fields);
  });

  afterAll(async () => {
    await app?.close({ keepData: true });
    if (dbPath) rmSync(dirname(dbPath), { recursive: true, force: true });
  });

  test('creates a contact with two circles and two emails (N opens the form)', async () => {
    const { page } = app;
    await app.goto('/contacts');
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'New contact' }).waitFor();
    const displayName = page.getByRole('textbox', { name: 'Display name' });
    // The N that opened the form is not typed into it.
    await expect(displayName.inputValue()).resolves.toBe('');

    await displayName.fill('Ana Souza');
    await page.getByRole('textbox', { name: 'Given name' }).fill('Ana');
    await page.getByRole('textbox', { name: 'Family name' }).fill('Souza');
    await page.getByRole('combobox', { name: 'Organisation' }).fill('Helios Robotics');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Staff Engineer');
    await page.locator('label', { hasText: /^Colleague$/ }).click();
    await page.locator('label', { hasText: /^Mentor$/ }).click();
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByLabel('Email 1', { exact: true }).fill('ana@helios.example');
    await page.getByLabel('Email 1 label', { exact: true }).fill('work');
    await page.getByLabel('Email 2', { exact: true }).fill('ana.souza@mail.example');
    await page.getByLabel('Email 2 label', { exact: true }).fill('personal');
    await page.getByRole('textbox', { name: 'How we met' }).fill('Robotics meetup in Lisbon, 2023');
    const introducer = page.getByRole('combobox', { name: 'Introduced by' });
    await introducer.fill('Priya');
    await page.getByRole('option', { name: 'Priya Raman', exact: true }).click();
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('robotics');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Create contact' }).click();

    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    await expect(page.getByText('ana@helios.example').isVisible()).resolves.toBe(true);
    await expect(page.getByText('ana.souza@mail.example').isVisible()).resolves.toBe(true);
    // No cadence of her own: the mentor circle's monthly default is the one in force, and says so.
    await page.getByText('Every month (their circle’s default)').waitFor();
    // Only what she has is shown; the empty fields are named on one line, not drawn as dashes.
    await expect(page.getByTestId('contact-empty-fields').textContent()).resolves.toMatch(
      /^Not filled in: phones, links, location, birthday, notes\. Added /,
    );
    await page.getByTestId('contact-closeness').getByText('Dormant · no contact yet').waitFor();
    await app.screenshot('contact-created');

    anaId = Number(/#\/contacts\/(\d+)$/.exec(page.url())?.[1]);
    const stored = await app.call('contacts:get', { id: anaId });
    expect(stored.circles.toSorted()).toEqual(['colleague', 'mentor']);
    expect(stored.emails).toEqual([
      { email: 'ana@helios.example', label: 'work' },
      { email: 'ana.souza@mail.example', label: 'personal' },
    ]);
    expect(stored).toMatchObject({
      givenName: 'Ana',
      familyName: 'Souza',
      organisation: 'Helios Robotics',
      title: 'Staff Engineer',
      howWeMet: 'Robotics meetup in Lisbon, 2023',
      tags: ['robotics'],
    });
  });

  test('finds it by typing part of the organisation name, in the list and in Ctrl-K search', async () => {
    const { page } = app;
    await app.goto('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('button', { name: 'Ana Souza' }).waitFor();
    await expect(page.getByTestId('contact-count').textContent()).resolves.toBe('9 contacts');
    // A clean load of the same address for the picture: no leftover notification.
    await page.reload();
    await list.getByRole('button', { name: 'Ana Souza' }).waitFor();
    await app.screenshot('contacts-view');

    await page.getByRole('textbox', { name: 'Search contacts' }).fill('robot');
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await expect(list.getByRole('button').allTextContents()).resolves.toEqual([
      expect.stringContaining('Ana Souza'),
    ]);
    await app.screenshot('search-by-organisation');

    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Search everything' });
    await search.waitFor();
    await search.fill('heli');
    // In the search's own dialog: the list's row for her is behind it, with the same name.
    const palette = page.getByRole('dialog').filter({ has: search });
    const hit = palette.getByRole('button', { name: /Ana Souza/ });
    await hit.waitFor();
    // The hit shows how close she is, as the list does: never met yet, so dormant.
    expect(await hit.getByTestId('strength-meter').getAttribute('data-layer')).toBe('dormant');
    await app.screenshot('global-search');
    await hit.click();
    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/contacts/${anaId}$`));
  });

  test('edits the title', async () => {
    const { page } = app;
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await expect(title.inputValue()).resolves.toBe('Staff Engineer');
    await title.fill('Principal Engineer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Principal Engineer at Helios Robotics').first().waitFor();
    await app.screenshot('title-edited');
    const stored = await app.call('contacts:get', { id: anaId });
    expect(stored.title).toBe('Principal Engineer');
    expect(stored.emails).toHaveLength(2);
  });

  test('records her move to another company on her timeline; the dashboard asks to congratulate her', async () => {
    const { page } = app;
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const record = page.getByRole('checkbox', { name: /on Ana Souza's timeline/ });
    await expect(record.count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: 'Organisation' }).fill('Litware');
    await record.waitFor();
    await expect(record.isChecked()).resolves.toBe(true);
    await expect(
      page.getByText('Record “Moved from Helios Robotics to Litware” on Ana Souza').count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Principal Engineer at Litware').first().waitFor();
    // On her timeline, and said at the top of her page with the dashboard's Congratulate.
    await page.getByRole('button', { name: 'Moved from Helios Robotics to Litware' }).waitFor();
    const notice = page.getByRole('alert', { name: 'New job' });
    await notice.getByText('Moved from Helios Robotics to Litware · today').waitFor();
    await notice.getByRole('button', { name: 'Log a congratulation to Ana Souza' }).waitFor();
    // Her career: the role now, then those her two moves ended (the new title of the test before is one).
    const career = page.getByLabel('Career');
    await expect
      .poll(() => career.locator('.mantine-Timeline-itemTitle p').allTextContents())
      .toEqual([
        'Principal Engineer at Litware',
        'Principal Engineer at Helios Robotics',
        'Staff Engineer at Helios Robotics',
      ]);
    const month = new Date().toLocaleDateString('en-GB', { month: 'short', year: 'numeric' });
    await expect(career.locator('.mantine-Timeline-itemContent').last().textContent()).resolves.toBe(
      `Until ${month}`,
    );
    // In the journal, among everyone's entries, the move says whose it is.
    await app.goto('/journal');
    const move = page.getByRole('button', { name: 'Moved from Helios Robotics to Litware' });
    await move.getByText(/· about Ana Souza$/).waitFor();
    await expect(move.getByTestId('entry-faces').textContent()).resolves.toBe('AS');

    await app.goto('/');
    const newJobs = page.getByLabel('New jobs');
    const row = newJobs.locator(`[data-contact-id="${anaId}"]`);
    await row.getByText('Moved from Helios Robotics to Litware · today').waitFor();
    await app.screenshot('dashboard-new-job');
    await row.getByRole('button', { name: 'Log a congratulation to Ana Souza' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await expect(dialog.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(
      'Congratulations on the new role',
    );
    // The form starts at this minute, before the move's second: the same minute counts as since.
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await row.getByText('In touch since').waitFor();
    // Seen and done with: dismissed, the card goes (she was its only row); Undo brings it back.
    await row.getByRole('button', { name: "Dismiss Ana Souza's new job" }).click();
    await expect.poll(() => newJobs.count()).toBe(0);
    await page
      .locator('.mantine-Notification-root')
      .filter({ hasText: "Ana Souza's new job dismissed." })
      .getByRole('button', { name: 'Undo' })
      .click();
    await row.waitFor();
    const entries = await app.call('journal:timeline', { contactId: anaId });
    expect(entries.items.map((e) => [e.kind, e.title])).toEqual(
      expect.arrayContaining([
        ['message', 'Congratulations on the new role'],
        ['job_change', 'Moved from Helios Robotics to Litware'],
      ]),
    );

    // Undoing a slip of the keyboard is not news: unticked, the change back records nothing.
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('combobox', { name: 'Organisation' }).fill('Helios Robotics');
    await page.getByRole('checkbox', { name: /on Ana Souza's timeline/ }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Principal Engineer at Helios Robotics').first().waitFor();
    // Congratulated since: her page no longer says it.
    await expect(page.getByRole('alert', { name: 'New job' }).count()).resolves.toBe(0);
    const after = await app.call('journal:timeline', { contactId: anaId });
    const moves = (items: typeof after.items) =>
      items.filter((e) => e.kind === 'job_change').map((e) => e.title);
    // The new title of the test before is one too, ticked as the box starts.
    expect(moves(entries.items)).toEqual([
      'Moved from Helios Robotics to Litware',
      'New position at Helios Robotics: Principal Engineer',
    ]);
    expect(moves(after.items)).toEqual(moves(entries.items));
  });

  test('records who introduced her and who she reports to, read from both ends, and removes one with undo', async () => {
    const { page } = app;
    const priya = (await app.call('contacts:list', { query: 'Priya' })).items[0].id;
    await app.goto(`/contacts/${anaId}`);
    const card = page.getByTestId('contact-relationships');

    const add = async (role: string, name: string, note = '') => {
      await card.getByRole('button', { name: 'Add relationship' }).click();
      await card.getByRole('combobox', { name: 'They…' }).click();
      await page.getByRole('option', { name: role, exact: true }).click();
      await card.getByRole('combobox', { name: 'Who' }).fill(name.split(' ')[0]);
      await page.getByRole('option', { name, exact: true }).click();
      if (note) await card.getByRole('textbox', { name: 'Note' }).fill(note);
      await card.getByRole('button', { name: 'Add relationship' }).click();
    };
    // Who introduced her was recorded when she was created; the rest is added here. Each row
    // starts with the other person's face (their initials: neither has a photo).
    const rows = card.getByTestId('relationship-row');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(['PRIntroduced by Priya Raman · Northwind Health✎×']);
    await add('Reports to', 'Tomás Herrera', 'since the reorg');
    await card.getByText('— since the reorg').waitFor();
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        'PRIntroduced by Priya Raman · Northwind Health✎×',
        'THReports to Tomás Herrera · Northwind Health — since the reorg✎×',
      ]);
    const stored = await app.call('relationships:list', { contactId: anaId });
    expect(stored.map((r) => [r.kind, r.side, r.other.id, r.note])).toEqual([
      ['introduced_by', 'from', priya, ''],
      ['reports_to', 'from', stored[1].other.id, 'since the reorg'],
    ]);

    // Its note is edited in place, and the edit can be undone.
    await card.getByRole('button', { name: 'Change note: Reports to Tomás Herrera' }).click();
    const note = card.getByRole('textbox', { name: 'Note: Reports to Tomás Herrera' });
    await note.fill('since the 2025 reorg, dotted line');
    await note.press('Enter');
    await card.getByText('— since the 2025 reorg, dotted line').waitFor();
    await expect(app.call('relationships:list', { contactId: anaId })).resolves.toMatchObject([
      { note: '' },
      { note: 'since the 2025 reorg, dotted line' },
    ]);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText('The note on “Reports to Tomás Herrera” is as it was.').waitFor();
    await card.getByText('— since the reorg').waitFor();

    // The same fact again is refused in words, and the form stays open to correct it.
    await add('Introduced by', 'Priya Raman');
    await card
      .getByRole('alert')
      .getByText('Already recorded: Ana Souza was introduced to you by Priya Raman.')
      .waitFor();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await app.screenshot('relationships');

    // Priya's page reads it from her end.
    await card.getByRole('link', { name: 'Priya Raman' }).click();
    await page.getByRole('heading', { name: 'Priya Raman' }).waitFor();
    await page.getByTestId('contact-relationships').getByText('Introduced you to').waitFor();
    await page.getByTestId('contact-relationships').getByRole('link', { name: 'Ana Souza' }).click();
    await page.getByRole('heading', { name: 'Ana Souza' }).waitFor();

    await card.getByRole('button', { name: 'Remove: Reports to Tomás Herrera' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect(app.call('relationships:list', { contactId: anaId })).resolves.toHaveLength(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText('“Reports to Tomás Herrera” is back.').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    const back = await app.call('relationships:list', { contactId: anaId });
    expect(back.map((r) => r.kind)).toEqual(['introduced_by', 'reports_to']);
  });

  test('keeps her next steps: one overdue, one undated; ticked done on the dashboard with undo', async () => {
    const { page } = app;
    const priya = (await app.call('contacts:list', { query: 'Priya' })).items[0].id;
    await app.goto(`/contacts/${anaId}`);
    const card = page.getByTestId('contact-follow-ups');
    // The browser's own calendar decides "today", as the app's does.
    const yesterday = (await page.evaluate(
      `(() => { const d = new Date(); d.setDate(d.getDate() - 1); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()`,
    )) as string;
    // F jumps to the next-step line, as L does to the quick log; the F is not typed.
    await page.getByRole('heading', { name: 'Ana Souza' }).click();
    await page.keyboard.press('f');
    await page.keyboard.type('Book a coffee');
    await expect(card.getByRole('textbox', { name: 'Next step' }).inputValue()).resolves.toBe(
      'Book a coffee',
    );
    await page.keyboard.press('Enter');
    await card.getByRole('checkbox', { name: 'Done: Book a coffee' }).waitFor();
    await card.getByRole('textbox', { name: 'Next step' }).fill('Send the deck');
    await card.getByLabel('Due').fill(yesterday);
    await card.getByRole('button', { name: 'Add' }).click();
    const open = card.getByLabel('Open follow-ups').getByTestId('follow-up');
    await expect
      .poll(() => open.allTextContents())
      .toEqual(['Send the deckOverdue by 1 day⋯×', 'Book a coffee⋯×']);
    await card.getByText('2 open').waitFor();
    // The sidebar counts what is due today or overdue: the deck, not the undated coffee.
    const dueBadge = page.getByRole('navigation', { name: 'Main' }).getByLabel('1 follow-up due');
    await dueBadge.waitFor();

    await app.goto('/');
    const list = page.getByLabel('Follow-ups', { exact: true });
    await list.getByText('Overdue by 1 day').waitFor();
    await expect
      .poll(() => list.getByTestId('follow-up').allTextContents())
      .toEqual(['ASSend the deckAna SouzaOverdue by 1 day⋯×', 'ASBook a coffeeAna Souza⋯×']);
    // Whose each one is, at a glance: her face (her initials, until she has a photo).
    await expect(list.getByTestId('follow-up-face').allTextContents()).resolves.toEqual(['AS', 'AS']);
    // Added from the dashboard, for someone else, picked by name.
    const dashboardCard = page.getByTestId('follow-ups-card');
    await dashboardCard.getByRole('textbox', { name: 'Next step' }).fill('Ask about the staff role');
    await dashboardCard.getByRole('combobox', { name: 'With' }).fill('Priya');
    await page.getByRole('option', { name: 'Priya Raman', exact: true }).click();
    await dashboardCard.getByRole('button', { name: 'Add' }).click();
    await list
      .getByTestId('follow-up')
      .filter({ hasText: 'Ask about the staff role' })
      .getByText('Priya Raman')
      .waitFor();
    await expect(list.getByTestId('follow-up-face').allTextContents()).resolves.toEqual(['AS', 'AS', 'PR']);
    await app.screenshot('follow-ups-dashboard');
    const priyaOpen = await app.call('followups:list', { contactId: priya });
    expect(priyaOpen.items.map((f) => f.text)).toEqual(['Ask about the staff role']);
    await list.getByRole('button', { name: 'Delete: Ask about the staff role' }).click();
    await expect.poll(() => list.getByTestId('follow-up').count()).toBe(2);
    // Undo puts the same one back (same id), and it goes again for the steps below.
    await page
      .getByText('Deleted “Ask about the staff role”.')
      .locator('..')
      .getByRole('button', { name: 'Undo' })
      .click();
    await page.getByText('“Ask about the staff role” is back.').waitFor();
    await expect
      .poll(async () => (await app.call('followups:list', { contactId: priya })).items.map((f) => f.id))
      .toEqual([priyaOpen.items[0].id]);
    await list.getByRole('button', { name: 'Delete: Ask about the staff role' }).click();
    await expect.poll(() => list.getByTestId('follow-up').count()).toBe(2);
    await list.getByRole('checkbox', { name: 'Done: Send the deck' }).click();
    await expect.poll(() => list.getByTestId('follow-up').count()).toBe(1);
    await dueBadge.waitFor({ state: 'detached' });
    const done = await app.call('followups:list', { contactId: anaId, status: 'done' });
    expect(done.items.map((f) => [f.text, f.dueOn])).toEqual([['Send the deck', yesterday]]);
    // The Undo of this notice (the deletion above has its own).
    await page
      .getByText('Done: “Send the deck”.')
      .locator('..')
      .getByRole('button', { name: 'Undo' })
      .click();
    await page.getByText('“Send the deck” is open again.').waitFor();
    await expect.poll(() => list.getByTestId('follow-up').count()).toBe(2);
    await dueBadge.waitFor();

    await app.goto(`/contacts/${anaId}`);
    await card.getByRole('checkbox', { name: 'Done: Book a coffee' }).click();
    await card.getByText('Done (1)').waitFor();
    await card
      .getByLabel('Done follow-ups')
      .getByRole('checkbox', { name: 'Reopen: Book a coffee' })
      .waitFor();
    await expect(app.call('followups:list', { contactId: anaId })).resolves.toMatchObject({
      total: 1,
      items: [{ text: 'Send the deck' }],
    });
    await app.screenshot('follow-ups');

    // The notices of the steps above cover none of the page's controls, at its top or scrolled to its end
    // (the page then runs on past them), and none of the menu opened next.
    await page.getByText('Done: “Book a coffee”.').waitFor();
    await expect(controlsUnderNotices(page, 'top')).resolves.toEqual([]);
    await expect(controlsUnderNotices(page, 'bottom')).resolves.toEqual([]);
    // Snoozed until tomorrow from its menu: no longer overdue, so the sidebar count goes; Undo brings both back.
    const deck = card.getByLabel('Open follow-ups').getByTestId('follow-up');
    await card.getByRole('button', { name: 'More: Send the deck' }).click();
    await page.getByRole('menuitem', { name: /^Tomorrow \(\d{4}-\d{2}-\d{2}\)$/ }).click();
    await deck.getByText('Due tomorrow').waitFor();
    await dueBadge.waitFor({ state: 'detached' });
    const snoozed = await app.call('followups:list', { contactId: anaId });
    expect(snoozed.items.map((f) => f.dueOn)).not.toEqual([yesterday]);
    await page
      .getByText(/^Snoozed “Send the deck” to /)
      .locator('..')
      .getByRole('button', { name: 'Undo' })
      .click();
    await page.getByText(`“Send the deck” is due ${yesterday} again.`).waitFor();
    await deck.getByText('Overdue by 1 day').waitFor();
    await dueBadge.waitFor();

    // Edited in place: a blank text is not saved; Escape leaves it; a new text and no date are.
    await card.getByRole('button', { name: 'More: Send the deck' }).click();
    await page.getByRole('menuitem', { name: 'Edit…' }).press('Enter');
    const editor = card.getByRole('form', { name: 'Edit: Send the deck' });
    await editor.getByRole('textbox', { name: 'Next step' }).fill(' ');
    await expect(editor.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await editor.getByRole('textbox', { name: 'Next step' }).press('Escape');
    await editor.waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'More: Send the deck' }).click();
    await page.getByRole('menuitem', { name: 'Edit…' }).press('Enter');
    await editor.getByRole('textbox', { name: 'Next step' }).fill('Send the v2 deck');
    await editor.getByLabel('Due').fill('');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => deck.allTextContents()).toEqual(['Send the v2 deck⋯×']);
    await dueBadge.waitFor({ state: 'detached' });
    await expect(app.call('followups:list', { contactId: anaId })).resolves.toMatchObject({
      items: [{ text: 'Send the v2 deck', dueOn: null }],
    });
  });

  test('gives her a birthday three days from now, shown on her page and on the dashboard', async () => {
    const { page } = app;
    // The browser's own calendar decides "today", as the app's does.
    const { month, day, year, monthName } = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 3);
      return {
        month: d.getMonth() + 1,
        day: d.getDate(),
        year: d.getFullYear(),
        monthName: d.toLocaleDateString(undefined, { month: 'long' }),
      };
    });
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('textbox', { name: 'Birthday day' }).fill(String(day));
    await page.getByLabel('Birthday month', { exact: true }).first().click();
    await page.getByRole('option', { name: monthName, exact: true }).click();
    await page.getByRole('textbox', { name: 'Birthday year' }).fill('1990');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`in 3 days, turns ${year - 1990}`).waitFor();
    const stored = await app.call('contacts:get', { id: anaId });
    expect(stored.birthday).toBe(`1990-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

    await app.goto('/');
    const upcoming = page.getByLabel('Upcoming birthdays');
    await upcoming.getByRole('link', { name: 'Ana Souza' }).waitFor();
    await expect(upcoming.getByText('In 3 days').isVisible()).resolves.toBe(true);
    await app.screenshot('dashboard-birthday');
  });

  test('gives her a work anniversary a week from now: named from the offered ones, shown on her page, the dashboard and the reminder', async () => {
    const { page } = app;
    const { month, day, years, monthName, iso } = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 7);
      const pad = (n: number) => String(n).padStart(2, '0');
      return {
        month: d.getMonth() + 1,
        day: d.getDate(),
        years: d.getFullYear() - 2019,
        monthName: d.toLocaleDateString(undefined, { month: 'long' }),
        iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
      };
    });
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Add a date' }).click();
    await page.getByRole('combobox', { name: 'Date 1 name' }).fill('work');
    await page.getByRole('option', { name: 'Work anniversary', exact: true }).click();
    await page.getByRole('textbox', { name: 'Date 1 day' }).fill(String(day));
    await page.getByLabel('Date 1 month', { exact: true }).first().click();
    await page.getByRole('option', { name: monthName, exact: true }).click();
    await page.getByRole('textbox', { name: 'Date 1 year' }).fill('2019');
    // A second date of the same name is refused on its row, and nothing is written.
    await page.getByRole('button', { name: 'Add a date' }).click();
    await page.getByRole('combobox', { name: 'Date 2 name' }).fill('WORK anniversary');
    await page.getByRole('textbox', { name: 'Date 2 day' }).fill('1');
    await page.getByLabel('Date 2 month', { exact: true }).first().click();
    await page.getByRole('option', { name: monthName, exact: true }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Another date is called “WORK anniversary”; give each its own name').waitFor();
    expect((await app.call('contacts:get', { id: anaId })).importantDates).toEqual([]);
    await page.getByRole('button', { name: 'Remove date 2' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`in 7 days, ${years} years`).waitFor();
    const date = `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    expect((await app.call('contacts:get', { id: anaId })).importantDates).toEqual([
      { label: 'Work anniversary', date },
    ]);

    await app.goto('/');
    const upcoming = page.getByLabel('Upcoming birthdays and dates');
    const anniversary = upcoming.locator(`[data-contact-id="${anaId}"][data-kind="date"]`);
    await anniversary.waitFor();
    expect(await anniversary.getByText('In 7 days').isVisible()).toBe(true);
    expect(await anniversary.getByText(/^Work anniversary · .+ · \d+\syears$/).textContent()).toMatch(
      new RegExp(`· ${years}\\syears$`),
    );
    // Her birthday, three days from now, comes first.
    expect(
      await upcoming
        .locator(`[data-contact-id="${anaId}"]`)
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))),
    ).toEqual(['birthday', 'date']);
    await page.getByRole('heading', { name: 'Birthdays and dates' }).waitFor();
    const reminder = await app.call('reminders:preview', { today: iso });
    expect(reminder?.lines).toContain(`Work anniversary today: Ana Souza (${years} years)`);

    // On the day itself the card offers to log a message: a date of today's, taken off again after.
    const today = await page.evaluate(() => ({
      day: new Date().getDate(),
      monthName: new Date().toLocaleDateString(undefined, { month: 'long' }),
      years: new Date().getFullYear() - 2024,
    }));
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Add a date' }).click();
    await page.getByRole('combobox', { name: 'Date 2 name' }).fill('Mentoring since');
    await page.getByRole('textbox', { name: 'Date 2 day' }).fill(String(today.day));
    await page.getByLabel('Date 2 month', { exact: true }).first().click();
    await page.getByRole('option', { name: today.monthName, exact: true }).click();
    await page.getByRole('textbox', { name: 'Date 2 year' }).fill('2024');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`today, ${today.years} years`).waitFor();
    await app.goto('/');
    await upcoming.getByRole('button', { name: 'Log a message to Ana Souza (Mentoring since)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await expect(dialog.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(
      'Mentoring since: best wishes',
    );
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const timeline = await app.call('journal:timeline', { contactId: anaId });
    expect(timeline.items.map((e) => [e.kind, e.title])).toContainEqual([
      'message',
      'Mentoring since: best wishes',
    ]);
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Remove date 2' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => (await app.call('contacts:get', { id: anaId })).importantDates)
      .toEqual([{ label: 'Work anniversary', date }]);
  });

  /** A GIF of `width` × `height` whose one frame is a single pixel, in GIF89a's layout. */
  const gif = (width: number, height: number) => {
    const u16 = (n: number) => [n & 0xff, n >> 8];
    return Buffer.concat([
      Buffer.from('GIF89a'),
      // The logical screen, its size the image's, with a global table of two colours.
      Buffer.from([...u16(width), ...u16(height), 0x80, 0, 0]),
      Buffer.from('fa5200ffffff', 'hex'),
      // One image of 1 × 1 at the top left, its LZW data, then the trailer.
      Buffer.from([0x2c, ...u16(0), ...u16(0), ...u16(1), ...u16(1), 0]),
      Buffer.from('02024401003b', 'hex'),
    ]);
  };

  test('gives her a photo, chosen or dropped, scaled down, shown on her page, in the list and in search, and removes it', async () => {
    const { page } = app;
    await app.goto(`/contacts/${anaId}`);
    const avatar = page.getByTestId('contact-photo');
    await avatar.waitFor();
    expect(await avatar.locator('img').count()).toBe(0);
    // A 1200 × 800 photo, drawn and encoded by the browser itself.
    const png = Buffer.from(await drawnPng(page, 1200, 800, '#2f9e44', '#f08c00'), 'base64');
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByRole('button', { name: 'Photo of Ana Souza' }).click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('menuitem', { name: /^Choose (a|another) photo…$/ }).click(),
      ]);
      await chooser.setFiles(file);
    };
    await choose({ name: 'ana.png', mimeType: 'image/png', buffer: png });

    const stored = () =>
      app.store.sqlite.prepare('SELECT mime, data FROM contact_photos WHERE contact_id = ?').get(anaId) as
        { mime: string; data: Buffer } | undefined;
    await expect.poll(() => stored()?.mime).toBe('image/png');
    // Scaled to 512 px on its longest side: the PNG header's width and height.
    const { data } = stored()!;
    expect([data.readUInt32BE(16), data.readUInt32BE(20)]).toEqual([512, 341]);
    expect(data.length).toBeLessThan(png.length);
    // Drawn from a thumbnail of it, as large as a face is ever drawn (128 px), still a PNG: the
    // stored photo is not kept in the window.
    const img = avatar.locator('img');
    await img.waitFor();
    const thumbnail = (await img.getAttribute('src'))!;
    expect(thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(thumbnail.length).toBeLessThan(data.toString('base64').length);
    const size = (el: unknown) => [
      (el as { naturalWidth: number }).naturalWidth,
      (el as { naturalHeight: number }).naturalHeight,
    ];
    // The browser decoded it: the image is drawn, not the initials.
    expect(await img.evaluate(size)).toEqual([128, 85]);

    await app.goto('/contacts');
    const row = page.getByRole('button', { name: 'Ana Souza', exact: true });
    await row.locator('img').waitFor();
    expect(await row.locator('img').getAttribute('src')).toBe(thumbnail);
    // And in Ctrl-K search.
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Search everything' });
    await search.fill('Ana Souza');
    const hit = page
      .getByRole('dialog')
      .filter({ has: search })
      .getByRole('button', { name: /Ana Souza/ });
    await hit.locator('img').waitFor();
    expect(await hit.locator('img').getAttribute('src')).toBe(thumbnail);
    await page.keyboard.press('Escape');

    // A text file with an image's name is refused, and the photo there was stays.
    await app.goto(`/contacts/${anaId}`);
    await choose({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just text') });
    await page
      .locator('.mantine-Notification-root')
      .getByText('not-a-photo.jpg: This file is not a JPEG, PNG, WebP or GIF image.')
      .waitFor();
    expect(stored()?.data).toEqual(data);

    const removePhoto = async () => {
      await page.getByRole('button', { name: 'Photo of Ana Souza' }).click();
      await page.getByRole('menuitem', { name: 'Remove photo' }).click();
      await expect.poll(() => stored()).toBeUndefined();
    };
    const undo = async (what: 'removed' | 'replaced') => {
      const notice = page
        .locator('.mantine-Notification-root')
        .filter({ hasText: `Ana Souza's photo ${what}.` });
      await notice.getByRole('button', { name: 'Undo' }).click();
      // Undo hides its notice, which leaves after its exit transition: gone before the next one of the same words.
      await notice.waitFor({ state: 'detached' });
    };
    await removePhoto();
    await expect.poll(() => avatar.locator('img').count()).toBe(0);
    expect(await avatar.textContent()).toBe('AS');
    // Removed by mistake: Undo puts the same photo back.
    await undo('removed');
    await expect.poll(() => stored()?.data).toEqual(data);
    await avatar.locator('img').waitFor();
    await removePhoto();

    // A photo dropped on her initials is hers (the window does not take it for an import).
    const files = await page.evaluateHandle(`(async () => {
      const canvas = new OffscreenCanvas(40, 40);
      const g = canvas.getContext('2d');
      g.fillStyle = '#7048e8';
      g.fillRect(0, 0, 40, 40);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'dropped.png', { type: 'image/png' }));
      return transfer;
    })()`);
    const target = page.getByRole('button', { name: 'Photo of Ana Souza' });
    await target.dispatchEvent('dragover', { dataTransfer: files });
    await target.dispatchEvent('drop', { dataTransfer: files });
    await expect.poll(() => stored()?.mime).toBe('image/png');
    expect([stored()!.data.readUInt32BE(16), stored()!.data.readUInt32BE(20)]).toEqual([40, 40]);
    await avatar.locator('img').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/contacts/${anaId}$`));
    const dropped = stored()!.data;
    // A GIF larger than 512 px is kept as it is (scaled, it would lose its animation).
    await choose({ name: 'wave.gif', mimeType: 'image/gif', buffer: gif(600, 600) });
    await expect.poll(() => stored()?.mime).toBe('image/gif');
    expect(stored()!.data).toEqual(gif(600, 600));
    await undo('replaced');
    await expect.poll(() => stored()?.data).toEqual(dropped);
    // Replaced by another, then undone: the one dropped is back.
    await choose({ name: 'ana.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => stored()?.data.readUInt32BE(16)).toBe(512);
    await undo('replaced');
    await expect.poll(() => stored()?.data).toEqual(dropped);
    await removePhoto();
    expect(app.pageErrors).toEqual([]);
  });

  test('keeps fields of her own (a team, what she knows), searched with the rest; a name used twice is refused on its row', async () => {
    const { page } = app;
    await app.goto(`/contacts/${anaId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit contact' });
    await form.getByRole('button', { name: 'Add field' }).click();
    await form.getByRole('combobox', { name: 'Field 1 name' }).fill('Team');
    await form.getByRole('textbox', { name: 'Field 1 value' }).fill('Perception');
    await form.getByRole('button', { name: 'Add field' }).click();
    // The names already in use are offered, so a field is called the same on everyone.
    await form.getByRole('combobox', { name: 'Field 2 name' }).fill('exp');
    await page.getByRole('option', { name: 'Expertise', exact: true }).click();
    await expect(form.getByRole('combobox', { name: 'Field 2 name' }).inputValue()).resolves.toBe(
      'Expertise',
    );
    await form.getByRole('textbox', { name: 'Field 2 value' }).fill('Lidar calibration\nSensor fusion');
    await form.getByRole('button', { name: 'Add field' }).click();
    await form.getByRole('combobox', { name: 'Field 3 name' }).fill('Booking');
    await form.getByRole('textbox', { name: 'Field 3 value' }).fill('https://cal.example/ana-souza');
    await form.getByRole('button', { name: 'Add field' }).click();
    await form.getByRole('combobox', { name: 'Field 4 name' }).fill('team');
    await form.getByRole('textbox', { name: 'Field 4 value' }).fill('Mapping');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Another field is called “team”; give each its own name').waitFor();
    expect((await app.call('contacts:get', { id: anaId })).customFields).toEqual([]);

    await form.getByRole('button', { name: 'Remove field 4' }).click();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    // Each under its own name on her page, the value's lines kept.
    await page.getByText('Team', { exact: true }).waitFor();
    await page.getByText('Perception', { exact: true }).waitFor();
    await page.getByText('Lidar calibration\nSensor fusion', { exact: true }).waitFor();
    // A value that is only an address opens it (main hands https and mailto to the system).
    await expect(
      page.getByRole('link', { name: 'https://cal.example/ana-souza' }).getAttribute('href'),
    ).resolves.toBe('https://cal.example/ana-souza');
    await page.getByRole('heading', { name: 'Ana Souza' }).scrollIntoViewIfNeeded();
    await app.screenshot('custom-fields');
    // Tomás is on that team too (written in lower case): her Team links to everyone on it, closest first.
    await page.getByRole('link', { name: 'Everyone with this (2)' }).click();
    await page.getByTestId('contact-count').getByText('2 contacts', { exact: true }).waitFor();
    expect(new URL(page.url().replace('#', '')).search).toBe('?field=Team&is=Perception&order=strength');
    await expect(page.getByRole('combobox', { name: 'Custom field' }).inputValue()).resolves.toBe(
      'Team: Perception',
    );
    expect((await app.call('contacts:get', { id: anaId })).customFields).toEqual([
      { label: 'Team', value: 'Perception' },
      { label: 'Expertise', value: 'Lidar calibration\nSensor fusion' },
      { label: 'Booking', value: 'https://cal.example/ana-souza' },
    ]);

    await app.goto('/contacts');
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('lidar');
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await expect(
      page.getByRole('list', { name: 'Contacts' }).getByRole('button').allTextContents(),
    ).resolves.toEqual([expect.stringContaining('Ana Souza')]);

    // Or picked from the list's field menu, which the address (and so a saved view) keeps.
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('');
    await page.getByTestId('contact-count').getByText('9 contacts', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Custom field' }).click();
    // Each entry says how many hold it.
    await page.getByRole('option', { name: /^Team: Perception\s*2$/ }).waitFor();
    await page.getByRole('option', { name: /^Expertise: Platform strategy\s*1$/ }).click();
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await expect(
      page.getByRole('list', { name: 'Contacts' }).getByRole('button').allTextContents(),
    ).resolves.toEqual([expect.stringContaining('Priya Raman')]);
    expect(new URL(page.url().replace('#', '')).searchParams.get('is')).toBe('Platform strategy');
    await app.goto('/contacts?field=TEAM&is=PERCEPTION');
    await expect(page.getByRole('combobox', { name: 'Custom field' }).inputValue()).resolves.toBe(
      'Team: Perception',
    );
    await page.getByTestId('contact-count').getByText('2 contacts', { exact: true }).waitFor();
    await expect(
      page.getByRole('list', { name: 'Contacts' }).getByRole('button').allTextContents(),
    ).resolves.toEqual([expect.stringContaining('Ana Souza'), expect.stringContaining('Tomás Herrera')]);
  });

  test('sorts by recently updated and filters by circle and organisation', async () => {
    const { page } = app;
    await app.goto('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    const rowNames = async () =>
      Promise.all((await list.getByRole('button').all()).map((row) => row.getAttribute('aria-label')));
    await list.getByRole('button', { name: 'Ana Souza' }).waitFor();

    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Recently updated' }).click();
    // Ana's title was edited last.
    await expect.poll(async () => (await rowNames())[0]).toBe('Ana Souza');

    await page.getByRole('combobox', { name: 'Circle' }).click();
    await page.getByRole('option', { name: 'Sponsor' }).click();
    await page.getByTestId('contact-count').getByText('2 contacts', { exact: true }).waitFor();
    expect((await rowNames()).toSorted()).toEqual(['Fatima Al-Sayed', 'Priya Raman']);

    await page.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: 'Northwind Health' }).click();
    await page.getByTestId('contact-count').getByText('1 contact', { exact: true }).waitFor();
    await expect(rowNames()).resolves.toEqual(['Priya Raman']);
    await app.screenshot('filters');
  });

  test('refuses to give another contact the same email and says who has it', async () => {
    const { page } = app;
    await app.goto('/contacts/new');
    await page.getByRole('textbox', { name: 'Display name' }).fill('Bruno Lima');
    await page.getByRole('button', { name: 'Add email' }).click();
    // Different case and stray spaces: still the same address.
    await page.getByLabel('Email 1', { exact: true }).fill('  ANA@Helios.example ');
    await page.getByRole('button', { name: 'Create contact' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('ana@helios.example already belongs to Ana Souza.');
    await page.getByText('Already belongs to Ana Souza', { exact: true }).waitFor();
    await alert.scrollIntoViewIfNeeded();
    await app.screenshot('email-conflict');
    await expect(page.getByLabel('Email 1', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    const bruno = await app.call('contacts:list', { query: 'Bruno' });
    expect(bruno.total).toBe(0);
  });

  test('archives, restores and deletes (after confirming) a contact', async () => {
    const { page } = app;
    const sofia = (await app.call('contacts:list', { query: 'Sofia' })).items[0];
    await app.goto(`/contacts/${sofia.id}`);
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Archived', { exact: true }).first().waitFor();
    expect((await app.call('contacts:get', { id: sofia.id })).archived).toBe(true);

    await app.goto('/contacts');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('button', { name: 'Ana Souza' }).waitFor();
    await expect(list.getByRole('button', { name: 'Sofia Rossi' }).count()).resolves.toBe(0);
    await page.getByRole('switch', { name: 'Archived' }).click();
    await list.getByRole('button', { name: 'Sofia Rossi' }).click();
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    expect((await app.call('contacts:get', { id: sofia.id })).archived).toBe(false);

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Sofia Rossi?' });
    await dialog.waitFor();
    await app.screenshot('delete-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await app.call('contacts:get', { id: sofia.id })).displayName).toBe('Sofia Rossi');

    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await expect(app.call('contacts:get', { id: sofia.id })).rejects.toThrow(/NOT_FOUND/);
  });

  test('keeps my email addresses in settings and shows where the data lives', async () => {
    const { page } = app;
    await app.goto('/settings');
    const input = page.getByRole('combobox', { name: 'My email addresses' });
    await input.fill('me@helios.example');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await page.getByText('Your email addresses are saved.').waitFor();
    await expect(app.call('settings:getSelfEmails', {})).resolves.toEqual(['me@helios.example']);
    await page.getByText(dbPath, { exact: true }).waitFor();
    await page.getByText(dirname(dbPath), { exact: true }).waitFor();
    await app.screenshot('settings');
  });

  test('shows in settings what today’s reminder says, and turns it off or moves its hour', async () => {
    const { page } = app;
    const today = (await page.evaluate(
      `(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()`,
    )) as string;
    await app.goto('/settings');
    const reminder = page.getByLabel("Today's reminder");
    // Her deck has no date any more and her birthday is in three days: nothing to say today.
    await reminder.getByText(/^Nothing is due/).waitFor();
    await app.call('followups:create', { contactId: anaId, text: 'Call back', dueOn: today });
    await app.goto('/settings');
    await reminder.getByText('1 follow-up due', { exact: true }).waitFor();
    await reminder.getByText('Due today: Call back (Ana Souza)').waitFor();

    const from = page.getByRole('combobox', { name: 'From' });
    await expect(from.inputValue()).resolves.toBe('9');
    const daily = page.getByRole('switch', { name: /^Remind me once a day/ });
    await expect(daily.isChecked()).resolves.toBe(true);
    // With the keyboard: scrolled to, the switch's label sits under the page's sticky header.
    await daily.press('Space');
    await expect.poll(() => from.isDisabled()).toBe(true);
    await expect(app.call('reminders:getPrefs', {})).resolves.toEqual({
      enabled: false,
      hour: 9,
      daysAhead: 0,
    });
    await daily.press('Space');
    await expect.poll(() => daily.isChecked()).toBe(true);
    await from.selectOption('7');
    await expect
      .poll(() => app.call('reminders:getPrefs', {}))
      .toEqual({ enabled: true, hour: 7, daysAhead: 0 });
    // Her work anniversary is a week away: named today too, once asked for a week ahead.
    const ahead = /^Work anniversary in 7 days: Ana Souza \(\d+ years\)$/;
    await expect(reminder.getByText(ahead).count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: 'Birthdays and important dates' }).selectOption('7');
    await reminder.getByText(ahead).waitFor();
    await reminder.getByText('1 follow-up due · 1 coming up', { exact: true }).waitFor();
    await expect(app.call('reminders:getPrefs', {})).resolves.toEqual({
      enabled: true,
      hour: 7,
      daysAhead: 7,
    });

    // A click on the notification has main ask the window for the dashboard; nothing outside the app is opened.
    app.ctx.emit('app:navigate', { path: '//evil.example/' });
    app.ctx.emit('app:navigate', { path: 'https://evil.example/' });
    await page.waitForTimeout(200);
    expect(new URL(page.url()).hash).toBe('#/settings');
    app.ctx.emit('app:navigate', { path: '/' });
    await expect.poll(() => new URL(page.url()).hash).toBe('#/');
    await page
      .getByTestId('follow-ups-card')
      .getByTestId('follow-up')
      .filter({ hasText: 'Call back' })
      .getByText('Ana Souza')
      .waitFor();
  });

  test('a fresh page on the same database file finds everything still there', async () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
    await app.close({ keepData: true });
    app = await startApp({ dbPath });
    const { page } = app;

    await app.goto('/contacts');
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('souza');
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('button', { name: 'Ana Souza' }).click();
    await page.getByText('Principal Engineer at Helios Robotics').first().waitFor();
    for (const text of [
      'ana@helios.example',
      'ana.souza@mail.example',
      'Colleague',
      'Mentor',
      'Robotics meetup in Lisbon, 2023',
      'Perception',
    ]) {
      await page.getByText(text, { exact: true }).first().waitFor();
    }
    await app.screenshot('reopened');

    await app.goto('/settings');
    await page.getByText('me@helios.example').waitFor();
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);

    // The harness really cuts the page off: anything outside the app's origin is refused.
    await expect(page.goto('https://example.com/')).rejects.toThrow();
    expect(app.blockedRequests).toEqual(['https://example.com/']);
  });
});
