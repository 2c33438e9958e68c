import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { zipSync } from 'fflate';
import { Notifications } from '@mantine/notifications';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../../src/shared/ipc/contract';
import { buildRapportApi } from '../../../../src/shared/ipc/api';
import { eventNames } from '../../../../src/shared/ipc/events';
import { call } from '../../../../src/renderer/src/api/client';
import { ImportView } from '../../../../src/renderer/src/features/import/ImportView';
import { WindowDrop } from '../../../../src/renderer/src/features/import/windowDrop';
import { ContactsImportView } from '../../../../src/renderer/src/features/interop/ContactsImportView';

/**
 * The real registry over a real temporary database, loaded at run time: a static import would
 * pull the main process's sources into the renderer's type-check project.
 */
interface TempStore {
  store: {
    sqlite: {
      prepare(sql: string): {
        all(): unknown[];
        run(): unknown;
        pluck(): { all(): unknown[]; get(): unknown };
      };
    };
  };
  ctx: { emit(event: string, payload: unknown): void };
  cleanup(): Promise<void>;
}
type Dispatch = (channel: unknown, payload: unknown, ctx: unknown) => Promise<unknown>;
const mainModules = {
  dispatch: '../../../../src/main/ipc/dispatch',
  store: '../../../support/store',
  helpers: '../../../main/calendar/helpers',
  contactsFixtures: '../../../main/interop/fixtures',
};

let readFixture: (path: string) => Uint8Array;
let contactsFixture: (name: string) => Uint8Array;
let calendar: (...lines: string[]) => Uint8Array;
let meeting: (uid: string, start: string, organizer: string, ...attendees: string[]) => string[];
let cancelled: (meetingLines: string[]) => string[];
let weekly: (
  uid: string,
  title: string,
  start: string,
  times: number,
  organizer: string,
  ...attendees: string[]
) => string[];
const fixture = (name: string) => readFixture(`rapport/${name}`);
/** While set, a preview's answer waits for it, so the view can be seen mid-preview. */
let holdPreview: Promise<void> | null = null;
/** While set, a commit's answer waits for it, so the view can be seen while the import is written. */
let holdCommit: Promise<void> | null = null;

/** One event of about 600 bytes, for calendars large enough to show reading progress. */
const largeEvent = (i: number) => [
  'BEGIN:VEVENT',
  `UID:big-${i}`,
  'DTSTART:20240110T090000Z',
  'DURATION:PT30M',
  `SUMMARY:Sync ${i}`,
  `DESCRIPTION:${'Agenda and notes. '.repeat(30)}`,
  `ATTENDEE;CN=Guest ${i % 40}:mailto:guest${i % 40}@example.com`,
  'END:VEVENT',
];

let t: TempStore;

beforeAll(async () => {
  const helpers = (await import(/* @vite-ignore */ mainModules.helpers)) as {
    fixture: typeof readFixture;
    ics: typeof calendar;
    meeting: typeof meeting;
    cancelled: typeof cancelled;
    weekly: typeof weekly;
  };
  readFixture = helpers.fixture;
  contactsFixture = (
    (await import(/* @vite-ignore */ mainModules.contactsFixtures)) as { fixture: typeof contactsFixture }
  ).fixture;
  calendar = helpers.ics;
  meeting = helpers.meeting;
  cancelled = helpers.cancelled;
  weekly = helpers.weekly;
});

beforeEach(async () => {
  const { dispatch } = (await import(/* @vite-ignore */ mainModules.dispatch)) as { dispatch: Dispatch };
  const { tempStore } = (await import(/* @vite-ignore */ mainModules.store)) as {
    tempStore(now: () => Date): Promise<TempStore>;
  };
  t = await tempStore(() => new Date('2025-06-02T00:00:00Z'));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  t.ctx.emit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
  (window as unknown as { rapport: unknown }).rapport = buildRapportApi(
    channels,
    eventNames,
    async (channel, input) => {
      const result = await dispatch(channel, input, t.ctx);
      if (channel === 'calendar:preview' && holdPreview) await holdPreview;
      if (channel === 'calendar:commit' && holdCommit) await holdCommit;
      return result;
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
});
afterEach(async () => {
  holdPreview = null;
  holdCommit = null;
  await t.cleanup();
});

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <ImportView />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

function drop(name: string, bytes: Uint8Array) {
  const file = new File([new Uint8Array(bytes)], name);
  fireEvent.drop(screen.getByLabelText('Drop calendar files here'), { dataTransfer: { files: [file] } });
}

/**
 * Ten weekly all-hands of seven people, six one-to-ones with Ana (from Tuesday 7 January, 10:00
 * UTC, unless told another first start), and one lunch with her (unless told not).
 */
const workCalendar = (me: string, { oneOnOnes = '20250107T100000Z', lunch = true } = {}) =>
  calendar(
    ...weekly(
      'all-hands',
      'All hands',
      '20250106T160000Z',
      10,
      'boss@example.com',
      me,
      'ana@example.com',
      'a1@example.com',
      'a2@example.com',
      'a3@example.com',
      'a4@example.com',
    ),
    ...weekly('one-on-one', 'Ana / me', oneOnOnes, 6, me, 'ana@example.com'),
    ...(lunch ? meeting('lunch', '20250110T120000Z', me, 'ana@example.com') : []),
  );

/**
 * Renders the view with `self` as the user's addresses (the first is the calendar's "me") and
 * drops `workCalendar`, its text changed by `edit`, as `name`. Returns the bytes dropped.
 */
async function dropWorkCalendar(self: string[], edit = (text: string) => text, name = 'work.ics') {
  await call('settings:setSelfEmails', { emails: self });
  renderView();
  fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
  const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(workCalendar(self[0]))));
  drop(name, bytes);
  return bytes;
}

/** The work calendar's text with the user named Sam Lee, and Sam Lee's home address among the guests. */
const samLeeAtHome = (me: string) => (text: string) =>
  text
    .replace(`ORGANIZER:mailto:${me}`, `ORGANIZER;CN=Sam Lee:mailto:${me}`)
    .replace('ATTENDEE:mailto:a1@example.com', 'ATTENDEE;CN="Lee, Sam":mailto:sam.lee@home.example');

/** Renders the view with `me` as the user's address and imports `workCalendar` whole (17 meetings). */
async function importWorkCalendar(me: string) {
  await dropWorkCalendar([me]);
  fireEvent.click(await screen.findByRole('button', { name: 'Import 17 meetings' }, { timeout: 20_000 }));
  await screen.findByText(/^17 meetings created/, {}, { timeout: 20_000 });
}

describe('ImportView', () => {
  it('takes the calendars of a chosen folder, named by their path where two share a name, and refuses more than one import reads', async () => {
    await call('settings:setSelfEmails', { emails: ['me@example.com'] });
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    // As Chromium gives the files of a folder: each with its path from the folder's name on.
    const inFolder = (path: string, bytes: Uint8Array) => {
      const file = new File([new Uint8Array(bytes)], path.slice(path.lastIndexOf('/') + 1));
      Object.defineProperty(file, 'webkitRelativePath', { value: path });
      return file;
    };
    const chooseFolder = (files: File[]) =>
      fireEvent.change(document.querySelector('input[webkitdirectory]')!, { target: { files } });
    const old = calendar(...meeting('old', '20250301T090000Z', 'me@example.com', 'bo@example.com'));
    chooseFolder([
      inFolder('Takeout/Calendar/Work.ics', workCalendar('me@example.com')),
      inFolder('Takeout/Old/Work.ics', old),
      inFolder('Takeout/Calendar/Team.ics', old),
      inFolder('Takeout/__MACOSX/Calendar/._Work.ics', new TextEncoder().encode('not a calendar')),
      inFolder('Takeout/archive_browser.html', new TextEncoder().encode('<p>Takeout</p>')),
    ]);
    await screen.findByText(
      'Takeout/Calendar/Work.ics, Takeout/Old/Work.ics, Team.ics',
      {},
      { timeout: 20_000 },
    );
    // The same meeting in two calendars is one.
    await screen.findByRole('button', { name: 'Import 18 meetings' }, { timeout: 20_000 });

    chooseFolder([inFolder('Notes/readme.txt', new TextEncoder().encode('no calendar'))]);
    await screen.findByText('There is no calendar (.ics) file in the folder Notes.');
    chooseFolder(Array.from({ length: 51 }, (_, i) => inFolder(`Many/${i}.ics`, old)));
    await screen.findByText(
      'That is 51 calendar files, more than the 50 one import reads: choose the calendars you want.',
    );
  });

  it('previews a dropped calendar, keeps some new people, imports, and re-import says nothing new', async () => {
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    const preview = await screen.findByLabelText('Import preview', {}, { timeout: 20_000 });
    expect(within(preview).getByText('To create').nextSibling?.textContent).toBe('6');
    const bars = within(preview).getByRole('img', { name: '6 meetings per month from 2025-01 to 2025-03' });
    const monthBars = () =>
      [...bars.querySelectorAll('rect')].map((r) => `${r.getAttribute('data-month')} ${r.textContent}`);
    expect(monthBars().map((b) => b.slice(0, 7))).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(within(preview).getByLabelText('Meetings by kind').textContent).toBe(
      'They become:Video call · 4Coffee or meal · 1In-person meeting · 1',
    );
    // The address in every meeting is suggested for the user's, not Priya who organised most of them.
    expect((screen.getByLabelText('My email addresses') as HTMLInputElement).value).toBe('me@example.com');
    expect(screen.getByText(/^Suggested: the address in the most meetings of these files\./)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Priya Raman/));
    // Keep Tom, drop Priya and Jonas.
    fireEvent.click(screen.getByLabelText(/Jonas Müller/));
    fireEvent.click(screen.getByRole('button', { name: /Import 6 meetings/ }));
    await screen.findByText('6 meetings created, 0 updated, 1 new contact.', {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Tom Becker']);
    // Each month's bar says as many meetings as that month now has in the journal.
    const stored = t.store.sqlite
      .prepare(
        `SELECT substr(starts_at, 1, 7) AS month, count(*) AS n FROM interactions GROUP BY month ORDER BY month`,
      )
      .all() as Array<{ month: string; n: number }>;
    expect(monthBars()).toEqual(
      stored.map((m) => `${m.month} ${m.month}: ${m.n} meeting${m.n === 1 ? '' : 's'}`),
    );
    expect(await screen.findByRole('button', { name: 'Undo this import' })).toBeTruthy();

    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    const again = await screen.findByRole('button', { name: /Import 0 meetings/ }, { timeout: 20_000 });
    // Priya and Jonas are proposed again; dropping them again leaves nothing to do.
    fireEvent.click(screen.getByRole('button', { name: 'Drop all' }));
    fireEvent.click(again);
    await screen.findByText(/nothing was changed/, {}, { timeout: 20_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    await screen.findByText('undone', {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(0);
  }, 120_000);

  it('keeps only the new people met at least as often as the user says', async () => {
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    const tom = (await screen.findByRole(
      'checkbox',
      { name: /<tom\.becker@contoso\.com> · 5 meetings/ },
      { timeout: 20_000 },
    )) as HTMLInputElement;
    const jonas = screen.getByRole('checkbox', {
      name: /<jonas\.mueller@fabrikam\.de> · 1 meeting/,
    }) as HTMLInputElement;
    fireEvent.change(screen.getByLabelText('Met at least'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep only them' }));
    expect([tom.checked, jonas.checked]).toEqual([true, false]);
    // With Priya suggested as "me", the kept are Tom (5 meetings) and the fixture's me@example.com (6).
    expect(screen.getByText(/^New people \(/).textContent).toBe('New people (2 kept)');
    fireEvent.click(screen.getByRole('button', { name: 'Keep all' }));
    expect(jonas.checked).toBe(true);
  }, 120_000);

  it('finds new people by name or address, and keeps or drops those found', async () => {
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    const row = (email: RegExp) => screen.queryByRole('checkbox', { name: email }) as HTMLInputElement | null;
    const [tom, jonas] = [/<tom\.becker@contoso\.com>/, /<jonas\.mueller@fabrikam\.de>/];
    await screen.findByRole('checkbox', { name: tom }, { timeout: 20_000 });
    const kept = () => screen.getByText(/^New people \(/).textContent;
    expect(kept()).toBe('New people (3 kept)');
    // Each with the latest meeting with them, for a name the user does not place.
    expect(screen.getByText(/^Last: Mittagessen mit Jonas, /)).toBeTruthy();
    const find = screen.getByLabelText('Find');
    fireEvent.change(find, { target: { value: 'FABRIKAM.de' } });
    expect(row(tom)).toBeNull();
    expect(screen.getByText(/ of \d+ people$/).textContent).toBe('1 of 3 people');
    fireEvent.click(screen.getByRole('button', { name: 'Drop these' }));
    expect(row(jonas)!.checked).toBe(false);
    expect(kept()).toBe('New people (2 kept)');
    // Every word, without the umlaut, as one types it.
    fireEvent.change(find, { target: { value: 'muller jonas' } });
    expect(row(tom)).toBeNull();
    expect(row(jonas)).not.toBeNull();
    fireEvent.change(find, { target: { value: 'becker' } });
    expect([row(tom)!.checked, row(jonas)]).toEqual([true, null]);
    fireEvent.change(find, { target: { value: '' } });
    expect(screen.queryByRole('button', { name: 'Drop these' })).toBeNull();
    expect([row(tom)!.checked, row(jonas)!.checked]).toEqual([true, false]);
    fireEvent.change(find, { target: { value: 'fabrikam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep these' }));
    expect(kept()).toBe('New people (3 kept)');
  }, 120_000);

  it('imports only the meetings from the day the user chooses', async () => {
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByLabelText('Import meetings from'), { target: { value: '2025-03-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    const preview = await screen.findByLabelText('Import preview', {}, { timeout: 20_000 });
    // Of the file's six meetings (January to March), the four in March.
    expect(within(preview).getByText('To create').nextSibling?.textContent).toBe('4');
    expect(within(preview).getByText(/2 before the window/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Import 4 meetings/ }));
    await screen.findByText(/^4 meetings created/, {}, { timeout: 20_000 });
    const starts = t.store.sqlite.prepare('SELECT starts_at FROM interactions').pluck().all() as string[];
    expect(starts.every((s) => s >= '2025-03-01')).toBe(true);
  }, 120_000);

  it('previews again by itself when the dates change, and will not import a stale or backwards window', async () => {
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    await screen.findByRole('button', { name: /Import 6 meetings/ }, { timeout: 20_000 });
    fireEvent.change(screen.getByLabelText('Import meetings from'), { target: { value: '2025-03-01' } });
    // Until the new preview lands, the old counts cannot be imported.
    expect((screen.getByRole('button', { name: /Import 6 meetings/ }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText(/changed: previewing again/)).toBeTruthy();
    const four = await screen.findByRole('button', { name: /Import 4 meetings/ }, { timeout: 20_000 });
    expect((four as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText(/2 before the window/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Import meetings from'), { target: { value: '2025-07-01' } });
    expect(screen.getByText('After the last day')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // No preview is asked for a window that ends before it starts, and nothing can be imported.
    expect((screen.getByRole('button', { name: /Import 4 meetings/ }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.queryByText('This calendar cannot be imported')).toBeNull();

    fireEvent.change(screen.getByLabelText('Import meetings from'), { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: /Import 6 meetings/ }, { timeout: 20_000 }));
    await screen.findByText(/^6 meetings created/, {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(6);
  }, 120_000);

  it("lists a zip's calendars and leaves out the one the user unticks", async () => {
    const event = (uid: string, organizer: string, attendee: string) =>
      meeting(uid, '20250110T100000Z', organizer, attendee);
    const zip = zipSync({
      'me@example.com.ics': calendar(
        'X-WR-CALNAME:Work',
        ...event('mine', 'me@example.com', 'ana@example.com'),
      ),
      'cy@example.com.ics': calendar(
        'X-WR-CALNAME:Cy Ortiz',
        ...[1, 2, 3].flatMap((i) => event(`cy-${i}`, 'cy@example.com', `guest${i}@example.com`)),
      ),
    });
    await call('settings:setSelfEmails', { emails: ['me@example.com'] });
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('takeout.zip', zip);
    const calendars = await screen.findByLabelText('Calendars', {}, { timeout: 20_000 });
    expect(within(calendars).getByText('cy@example.com.ics · 3 meetings, you are in 0')).toBeTruthy();
    expect(within(calendars).getByText('me@example.com.ics · 1 meeting, you are in 1')).toBeTruthy();
    expect(within(calendars).getByText("Someone else's?")).toBeTruthy();
    const stat = (label: string) => screen.getByText(label).nextSibling?.textContent;
    expect(stat('To create')).toBe('4');

    // Ana is dropped before the calendar is left out: the new preview keeps that choice.
    fireEvent.click(screen.getByRole('checkbox', { name: /<ana@example\.com>/ }));
    fireEvent.click(within(calendars).getByRole('checkbox', { name: /^Cy Ortiz/ }));
    await within(calendars).findByText('cy@example.com.ics · left out', {}, { timeout: 20_000 });
    expect(stat('To create')).toBe('1');
    expect((screen.getByRole('checkbox', { name: /<ana@example\.com>/ }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect(screen.getByText('New people (0 kept)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 meeting' }));
    await screen.findByText('1 meeting created, 0 updated, 0 new contacts.', {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare('SELECT title FROM interactions').pluck().all()).toEqual(['mine']);
    expect(t.store.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
  }, 120_000);

  it('leaves out the recurring series the user unticks, in this import and the next', async () => {
    const me = 'me@example.com';
    const work = workCalendar(me);
    await call('settings:setSelfEmails', { emails: [me] });
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByLabelText('New people only from meetings up to'), {
      target: { value: '5' },
    });
    drop('work.ics', work);
    const card = await screen.findByLabelText('Recurring meetings', {}, { timeout: 20_000 });
    expect(within(card).getByText('Recurring meetings (2 series)')).toBeTruthy();
    expect(within(card).getByText('10 meetings · up to 7 people · Jan 2025 – Mar 2025')).toBeTruthy();
    expect(within(card).getByText('6 meetings · up to 2 people · Jan 2025 – Feb 2025')).toBeTruthy();
    // Larger than the meetings that propose new people.
    expect(within(card).getAllByText('Large')).toHaveLength(1);
    const stat = (label: string) => screen.getByText(label).nextSibling?.textContent;
    expect(stat('To create')).toBe('17');

    fireEvent.click(within(card).getByRole('checkbox', { name: /^All hands/ }));
    expect(within(card).getByText('Recurring meetings (2 series, 1 left out)')).toBeTruthy();
    await waitFor(() => expect(stat('To create')).toBe('7'), { timeout: 20_000 });
    expect(screen.getByText(/10 in series you left out/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 7 meetings' }));
    await screen.findByText(/^7 meetings created/, {}, { timeout: 20_000 });
    expect(
      t.store.sqlite.prepare('SELECT DISTINCT title FROM interactions ORDER BY title').pluck().all(),
    ).toEqual(['Ana / me', 'lunch']);

    // The next import of the same calendar leaves it out again, and says why.
    drop('work.ics', work);
    const again = await screen.findByLabelText('Recurring meetings', {}, { timeout: 20_000 });
    const allHands = within(again).getByRole('checkbox', { name: /^All hands/ }) as HTMLInputElement;
    expect(allHands.checked).toBe(false);
    expect(
      within(again).getByText('10 meetings · up to 7 people · Jan 2025 – Mar 2025 · left out last time'),
    ).toBeTruthy();
    expect(stat('To create')).toBe('0');
  }, 120_000);

  it('leaves out every series larger than the new-people size in one click', async () => {
    const me = 'me@example.com';
    await call('settings:setSelfEmails', { emails: [me] });
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByLabelText('New people only from meetings up to'), {
      target: { value: '5' },
    });
    drop('work.ics', workCalendar(me));
    const card = await screen.findByLabelText('Recurring meetings', {}, { timeout: 20_000 });
    fireEvent.click(
      within(card).getByRole('button', { name: 'Leave out the large series (10 meetings, over 5 people)' }),
    );
    const stat = (label: string) => screen.getByText(label).nextSibling?.textContent;
    await waitFor(() => expect(stat('To create')).toBe('7'), { timeout: 20_000 });
    expect((within(card).getByRole('checkbox', { name: /^All hands/ }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect((within(card).getByRole('checkbox', { name: /^Ana \/ me/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    // Nothing large is left to leave out.
    expect(within(card).queryByRole('button', { name: /^Leave out/ })).toBeNull();
  }, 120_000);

  it('removes what an earlier import brought in of a series left out now, when the user ticks it', async () => {
    const me = 'me@example.com';
    await importWorkCalendar(me);

    drop('work.ics', workCalendar(me));
    const card = await screen.findByLabelText('Recurring meetings', {}, { timeout: 20_000 });
    fireEvent.click(within(card).getByRole('checkbox', { name: /^All hands/ }));
    const remove = await within(card).findByRole(
      'checkbox',
      { name: 'Also remove the 10 meetings of these series imported before' },
      { timeout: 20_000 },
    );
    expect(within(card).getByText(/^10 meetings · up to 7 people · .* · 10 imported before$/)).toBeTruthy();
    expect((remove as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Import 0 meetings' })).toBeTruthy();
    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 10 meetings' }));
    await screen.findByText(
      '0 meetings created, 0 updated, 0 new contacts, 10 meetings of series left out removed.',
      {},
      { timeout: 20_000 },
    );
    expect(
      t.store.sqlite.prepare('SELECT DISTINCT title FROM interactions ORDER BY title').pluck().all(),
    ).toEqual(['Ana / me', 'lunch']);
    expect(
      await screen.findByText('0 created, 0 updated, 0 new contacts, 10 of series left out removed'),
    ).toBeTruthy();
  }, 120_000);

  it('removes the meetings a later export shows cancelled, unless the user unticks it', async () => {
    const lunch = meeting('lunch', '20250110T120000Z', 'me@example.com', 'ana@example.com');
    const coffee = meeting('coffee', '20250111T090000Z', 'me@example.com', 'ana@example.com');
    const review = meeting('review', '20250112T090000Z', 'me@example.com', 'ana@example.com');
    const titles = () =>
      t.store.sqlite.prepare('SELECT title FROM interactions ORDER BY title').pluck().all();
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('work.ics', calendar(...lunch, ...coffee, ...review));
    fireEvent.click(await screen.findByRole('button', { name: /Import 3 meetings/ }, { timeout: 20_000 }));
    await screen.findByText(/^3 meetings created/, {}, { timeout: 20_000 });
    // The user made the review a phone call in Rapport: it stays when the organiser cancels it.
    t.store.sqlite
      .prepare(`UPDATE interactions SET kind = 'call', kind_edited = 1 WHERE title = 'review'`)
      .run();

    drop('work.ics', calendar(...cancelled(lunch), ...coffee, ...cancelled(review)));
    const card = await screen.findByRole(
      'alert',
      { name: 'Cancelled or not attended since they were imported' },
      {
        timeout: 20_000,
      },
    );
    const remove = within(card).getByRole('checkbox', {
      name: 'Remove them: 1 meeting that did not take place',
    });
    expect((remove as HTMLInputElement).checked).toBe(true);
    within(card).getByText('1 meeting stays: you changed or tagged it in Rapport.');
    // Unticked, the import leaves it: there is nothing new to do.
    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: /Import 0 meetings/ }));
    await screen.findByText(/nothing was changed/, {}, { timeout: 20_000 });
    expect(titles()).toEqual(['coffee', 'lunch', 'review']);

    // Files chosen again start from removing them.
    drop('work.ics', calendar(...cancelled(lunch), ...coffee, ...cancelled(review)));
    const again = await screen.findByRole(
      'checkbox',
      { name: 'Remove them: 1 meeting that did not take place' },
      { timeout: 20_000 },
    );
    expect((again as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1 cancelled meeting' }));
    await screen.findByText(
      '0 meetings created, 0 updated, 0 new contacts, 1 meeting cancelled or not attended removed.',
      {},
      { timeout: 20_000 },
    );
    expect(titles()).toEqual(['coffee', 'review']);
    expect(
      await screen.findByText('0 created, 0 updated, 0 new contacts, 1 cancelled or not attended removed'),
    ).toBeTruthy();
  }, 120_000);

  it('leaves out a meeting the user deleted in Rapport, and imports it again when asked', async () => {
    const lunch = meeting('lunch', '20250110T120000Z', 'me@example.com', 'ana@example.com');
    const coffee = meeting('coffee', '20250111T090000Z', 'me@example.com', 'ana@example.com');
    const titles = () =>
      t.store.sqlite.prepare('SELECT title FROM interactions ORDER BY title').pluck().all();
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('work.ics', calendar(...lunch, ...coffee));
    fireEvent.click(await screen.findByRole('button', { name: /Import 2 meetings/ }, { timeout: 20_000 }));
    await screen.findByText(/^2 meetings created/, {}, { timeout: 20_000 });
    const lunchId = t.store.sqlite.prepare(`SELECT id FROM interactions WHERE title = 'lunch'`).pluck().get();
    await call('journal:delete', { id: lunchId as number });

    drop('work.ics', calendar(...lunch, ...coffee));
    const again = await screen.findByRole(
      'checkbox',
      { name: /^Import again 1 meeting you deleted in Rapport/ },
      { timeout: 20_000 },
    );
    expect((again as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/1 deleted by you in Rapport/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Import 0 meetings/ })).toBeTruthy();

    fireEvent.click(again);
    fireEvent.click(await screen.findByRole('button', { name: /Import 1 meeting/ }, { timeout: 20_000 }));
    await screen.findByText(/^1 meeting created/, {}, { timeout: 20_000 });
    expect(titles()).toEqual(['coffee', 'lunch']);
  }, 120_000);

  it('updates the meetings of a series the organiser moved rather than adding them twice', async () => {
    const me = 'me@example.com';
    const starts = () =>
      t.store.sqlite
        .prepare(`SELECT starts_at FROM interactions WHERE title = 'Ana / me' ORDER BY starts_at`)
        .pluck()
        .all();
    await importWorkCalendar(me);
    expect(starts()).toHaveLength(6);

    // The later export has the one-to-ones an hour later, every one of them.
    drop('work.ics', workCalendar(me, { oneOnOnes: '20250107T110000Z' }));
    expect(await screen.findByText('6 meetings moved', {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Import 6 meetings/ }));
    await screen.findByText(/^0 meetings created, 6 updated/, {}, { timeout: 20_000 });
    expect(starts()).toHaveLength(6);
    expect(starts().every((s) => String(s).includes('T11:00'))).toBe(true);
  }, 120_000);

  it('knows a calendar imported before from a file named otherwise, and updates its moved series', async () => {
    const me = 'me@example.com';
    await importWorkCalendar(me);

    // The same calendar, with no name of its own, downloaded again as "work (1).ics".
    drop('work (1).ics', workCalendar(me, { oneOnOnes: '20250107T110000Z' }));
    const calendars = await screen.findByLabelText('Calendars', {}, { timeout: 20_000 });
    expect(
      within(calendars).getByText(
        'work (1).ics · 17 meetings, you are in 17 · imported before as “work.ics”: its meetings update in place',
      ),
    ).toBeTruthy();
    expect(screen.getByText('6 meetings moved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Import 6 meetings/ }));
    await screen.findByText(/^0 meetings created, 6 updated/, {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(17);
  }, 120_000);

  it('leaves out the invitations the user never answered when asked, and remembers it', async () => {
    const me = 'me@example.com';
    // The all-hands invitations are never answered; the one-to-ones and the lunch are the user's.
    const bytes = await dropWorkCalendar([me], (text) =>
      text.replace(`ATTENDEE:mailto:${me}`, `ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:${me}`),
    );
    const choice = await screen.findByRole(
      'checkbox',
      { name: /^Leave out 10 meetings you never answered/ },
      { timeout: 20_000 },
    );
    expect((choice as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Import 17 meetings' })).toBeTruthy();
    fireEvent.click(choice);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 7 meetings' }, { timeout: 20_000 }));
    await screen.findByText(/^7 meetings created/, {}, { timeout: 20_000 });
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(7);

    // The next import starts from the same choice.
    drop('work.ics', bytes);
    const again = await screen.findByRole(
      'checkbox',
      { name: /^Leave out 10 meetings you never answered/ },
      { timeout: 20_000 },
    );
    expect((again as HTMLInputElement).checked).toBe(true);
  }, 120_000);

  it('removes the invitations never answered that an earlier import brought in, when the user ticks it', async () => {
    const me = 'me@example.com';
    const bytes = await dropWorkCalendar([me], (text) =>
      text.replace(`ATTENDEE:mailto:${me}`, `ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:${me}`),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Import 17 meetings' }, { timeout: 20_000 }));
    await screen.findByText(/^17 meetings created/, {}, { timeout: 20_000 });

    drop('work.ics', bytes);
    fireEvent.click(
      await screen.findByRole(
        'checkbox',
        { name: /^Leave out 10 meetings you never answered/ },
        { timeout: 20_000 },
      ),
    );
    const alsoRemove = await screen.findByRole(
      'checkbox',
      { name: /^Also remove the 10 meetings of these imported before/ },
      { timeout: 20_000 },
    );
    expect((alsoRemove as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Import 0 meetings' })).toBeTruthy();
    fireEvent.click(alsoRemove);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 10 meetings' }));
    await screen.findByText(
      '0 meetings created, 0 updated, 0 new contacts, 10 meetings never answered removed.',
      {},
      { timeout: 20_000 },
    );
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(7);
    expect(
      await screen.findByText('0 created, 0 updated, 0 new contacts, 10 never answered removed'),
    ).toBeTruthy();
  }, 120_000);

  it("proposes someone with the user's own name unticked, and says why", async () => {
    const me = 'me@example.com';
    await dropWorkCalendar([me], samLeeAtHome(me));
    const self = await screen.findByRole(
      'checkbox',
      { name: /^Sam Lee <sam\.lee@home\.example>/ },
      { timeout: 20_000 },
    );
    expect((self as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/^Has your name: most likely another address of yours/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /<ana@example\.com>/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  }, 120_000);

  it('names the people the file gives no address for, and who of them is a contact by name', async () => {
    const me = 'me@example.com';
    await call('contacts:create', { displayName: 'Noor Haddad', emails: [{ email: 'noor@example.com' }] });
    await dropWorkCalendar([me], (text) =>
      text
        .replace('ATTENDEE:mailto:a2@example.com', 'ATTENDEE;CN=Noor Haddad:invalid:nomail')
        .replace('ATTENDEE:mailto:a3@example.com', 'ATTENDEE;CN="Okafor, Sam":invalid:nomail'),
    );
    const title = await screen.findByText('1 person without an address', {}, { timeout: 20_000 });
    expect(title.closest('[role="alert"]')?.textContent).toMatch(
      /The files name Sam Okafor \(10 meetings\) without an email address .* left out of their meetings/,
    );
    // Noor is the contact of that name.
    expect(
      within(screen.getByLabelText('Import preview')).getByText('People matched').nextSibling?.textContent,
    ).toBe('1');
  }, 120_000);

  it("keeps every one of the user's addresses, and takes another for theirs when told", async () => {
    const me = 'me@example.com';
    const selfEmails = () => call('settings:getSelfEmails', {});
    // Two addresses in Settings: an import used to save only the first, and forget the other.
    await dropWorkCalendar([me, 'me@old.example'], samLeeAtHome(me));
    await screen.findByRole('checkbox', { name: /^Sam Lee <sam\.lee@home\.example>/ }, { timeout: 20_000 });
    const field = screen.getByLabelText('My email addresses') as HTMLInputElement;
    expect(field.value).toBe('me@example.com, me@old.example');

    fireEvent.click(screen.getByRole('button', { name: 'It is mine' }));
    await waitFor(
      () => expect(screen.queryByRole('checkbox', { name: /sam\.lee@home\.example/ })).toBeNull(),
      {
        timeout: 20_000,
      },
    );
    expect(field.value).toBe('me@example.com, me@old.example, sam.lee@home.example');
    fireEvent.click(screen.getByRole('button', { name: /^Import 17 meetings/ }));
    await screen.findByText(/^17 meetings created/, {}, { timeout: 20_000 });
    expect((await selfEmails()).sort()).toEqual(['me@example.com', 'me@old.example', 'sam.lee@home.example']);
  }, 120_000);

  it('says which of the addresses typed is not one, and imports only once each is', async () => {
    const me = 'me@example.com';
    await dropWorkCalendar([me], samLeeAtHome(me));
    await screen.findByRole('checkbox', { name: /^Sam Lee <sam\.lee@home\.example>/ }, { timeout: 20_000 });
    const field = screen.getByLabelText('My email addresses') as HTMLInputElement;
    const importButton = () =>
      screen.getByRole('button', { name: /^Import 1\d meetings/ }) as HTMLButtonElement;
    expect(importButton().disabled).toBe(false);

    // Main would drop "sam" and save the rest: the user is told, and cannot import it so.
    fireEvent.change(field, { target: { value: 'me@example.com, sam' } });
    expect(screen.getByText('Not an email address: sam')).toBeTruthy();
    expect(importButton().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Preview again' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(field, { target: { value: 'me@example.com, sam.lee@home.example' } });
    expect(screen.queryByText(/^Not an email address/)).toBeNull();
    expect(importButton().disabled).toBe(false);
    fireEvent.click(importButton());
    await screen.findByText(/^1\d meetings created/, {}, { timeout: 20_000 });
    expect((await call('settings:getSelfEmails', {})).sort()).toEqual([
      'me@example.com',
      'sam.lee@home.example',
    ]);
    expect(
      screen
        .getByRole('link', { name: 'See the meetings from calendars in the journal' })
        .getAttribute('href'),
    ).toBe('/journal?source=ics');
  }, 120_000);

  it('says how to export a calendar, and which one names no one and how to export it so it does', async () => {
    renderView();
    fireEvent.click(screen.getByRole('button', { name: 'How do I export my calendar?' }));
    const help = screen.getByRole('list', { name: 'How to export a calendar' });
    expect(within(help).getByText('Outlook (Windows):').parentElement!.textContent).toContain(
      'More Options: Date Range “Whole calendar” and Detail “Full details”',
    );

    drop('Calendar.ics', fixture('outlook-availability-only.ics'));
    const alert = await screen.findByRole(
      'alert',
      { name: '“Calendar” has no one in it' },
      { timeout: 20_000 },
    );
    expect(alert.textContent).toContain('an availability-only export. In Outlook, save it again');
    // Nothing in it to import: the button says so rather than offering to import 0 meetings.
    expect((screen.getByRole('button', { name: 'Nothing to import' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: /How do I export/ })).toBeNull();
  }, 120_000);

  it('makes colleagues of the new people at the work domain, or puts them all in the circle chosen', async () => {
    await dropWorkCalendar(['me@example.com'], (text) =>
      text.replaceAll('a4@example.com', 'a4@partner.example'),
    );
    const circle = await screen.findByRole(
      'combobox',
      { name: 'Circle for new contacts' },
      { timeout: 20_000 },
    );
    expect((circle as HTMLInputElement).value).toBe('Colleague if at example.com, else none');
    fireEvent.click(screen.getByRole('button', { name: 'Keep all' }));
    expect(screen.getByText('Colleague: 5 of 6 new contacts.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /<ana@example\.com>/ }));
    expect(screen.getByText('Colleague: 4 of 5 new contacts.')).toBeTruthy();

    fireEvent.click(circle);
    fireEvent.click(await screen.findByRole('option', { name: 'Mentor', hidden: true }));
    expect(screen.getByText('Mentor: 5 of 5 new contacts.')).toBeTruthy();
    fireEvent.click(circle);
    fireEvent.click(
      await screen.findByRole('option', { name: 'Colleague if at example.com, else none', hidden: true }),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Import \d+ meetings$/ }));
    await screen.findByText(/5 new contacts/, {}, { timeout: 20_000 });
    expect(
      t.store.sqlite
        .prepare(
          `SELECT e.email, cc.circle FROM contact_emails e
           LEFT JOIN contact_circles cc ON cc.contact_id = e.contact_id ORDER BY e.email`,
        )
        .all(),
    ).toEqual([
      { email: 'a1@example.com', circle: 'colleague' },
      { email: 'a2@example.com', circle: 'colleague' },
      { email: 'a3@example.com', circle: 'colleague' },
      { email: 'a4@partner.example', circle: null },
      { email: 'boss@example.com', circle: 'colleague' },
    ]);
  }, 120_000);

  it('notes the lines reading the files repaired', async () => {
    await dropWorkCalendar(
      ['me@example.com'],
      (text) => text.replace('SUMMARY:Ana / me', 'summary:Ana / me'),
      'odd.ics',
    );
    const notes = await screen.findByRole(
      'alert',
      { name: 'Notes on reading the files' },
      { timeout: 20_000 },
    );
    expect(within(notes).getByText('Repaired 1 lower-case name in odd.ics.')).toBeTruthy();
  }, 120_000);

  it('lists a meeting deleted from the calendar since, and removes it only when the user ticks it', async () => {
    const me = 'me@example.com';
    await importWorkCalendar(me);

    drop('work.ics', workCalendar(me, { lunch: false }));
    const card = await screen.findByRole('alert', { name: 'No longer in the calendar' }, { timeout: 20_000 });
    const remove = within(card).getByRole('checkbox', {
      name: /^Remove them: 1 meeting imported before that these files no longer hold/,
    });
    expect((remove as HTMLInputElement).checked).toBe(false);
    expect(within(card).getByText('lunch · 2025-01-10')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 0 meetings' })).toBeTruthy();
    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1 meeting' }));
    await screen.findByText(
      '0 meetings created, 0 updated, 0 new contacts, 1 meeting no longer in the calendar removed.',
      {},
      { timeout: 20_000 },
    );
    expect(
      t.store.sqlite.prepare(`SELECT count(*) FROM interactions WHERE title = 'lunch'`).pluck().all(),
    ).toEqual([0]);
    expect(
      await screen.findByText('0 created, 0 updated, 0 new contacts, 1 no longer in the calendar removed'),
    ).toBeTruthy();
  }, 120_000);

  it('adds a new address to the contact of the same name, or makes a new contact when told', async () => {
    t.store.sqlite
      .prepare(
        `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (7, 'Jonas Müller', 'x', 'x')`,
      )
      .run();
    const emailsOf7 = () =>
      t.store.sqlite.prepare('SELECT email FROM contact_emails WHERE contact_id = 7').pluck().all();
    renderView();
    fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    // The directory's "Müller, Jonas" is the user's Jonas Müller: offered, ticked, to add the address to.
    const link = await screen.findByLabelText(
      'Is your contact Jonas Müller: add jonas.mueller@fabrikam.de to them (untick for a new contact)',
      {},
      { timeout: 20_000 },
    );
    expect((link as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Import 6 meetings/ }));
    await screen.findByText(
      '6 meetings created, 0 updated, 2 new contacts, 1 address added to contacts you had.',
      {},
      {
        timeout: 20_000,
      },
    );
    expect(emailsOf7()).toEqual(['jonas.mueller@fabrikam.de']);
    expect(await screen.findByText('6 created, 0 updated, 2 new contacts, 1 address added')).toBeTruthy();
    const names = () => t.store.sqlite.prepare('SELECT display_name FROM contacts ORDER BY id').pluck().all();
    expect(names().filter((n) => n === 'Jonas Müller')).toHaveLength(1);

    // Undone, and imported again with the box unticked: Jonas from the calendar is someone else.
    fireEvent.click(await screen.findByRole('button', { name: 'Undo this import' }));
    await screen.findByText('undone', {}, { timeout: 20_000 });
    expect(emailsOf7()).toEqual([]);
    drop('outlook.ics', fixture('outlook-windows-zones.ics'));
    fireEvent.click(await screen.findByLabelText(/^Is your contact Jonas Müller/, {}, { timeout: 20_000 }));
    fireEvent.click(screen.getByRole('button', { name: /Import 6 meetings/ }));
    await screen.findByText('6 meetings created, 0 updated, 3 new contacts.', {}, { timeout: 20_000 });
    expect(emailsOf7()).toEqual([]);
    expect(names().filter((n) => n === 'Jonas Müller')).toHaveLength(2);
  }, 120_000);

  it('draws how much of a large calendar the main process has read', async () => {
    let release = () => {};
    holdPreview = new Promise((resolve) => (release = resolve));
    const events = Array.from({ length: 4000 }, (_, i) => largeEvent(i)).flat();
    renderView();
    drop('big.ics', calendar(...events));
    // The events the parse sent while reading have been drawn by the time its answer is held.
    const read = await screen.findByText(/^Read \d+\.\d MB of 2\.\d MB$/, {}, { timeout: 30_000 });
    const done = Number(/^Read (\d+\.\d)/.exec(read.textContent ?? '')![1]);
    expect(done).toBeGreaterThan(0.9);
    expect(screen.getByLabelText('Reading progress')).toBeTruthy();
    release();
    await screen.findByLabelText('Import preview', {}, { timeout: 20_000 });
    expect(screen.queryByLabelText('Reading progress')).toBeNull();
  }, 60_000);

  it('tells a second pass apart when a large calendar read in two threads must be read again whole', async () => {
    let release = () => {};
    holdPreview = new Promise((resolve) => (release = resolve));
    // Over 4 MB, so read in two threads; an END with nothing to close in the middle makes it read again whole.
    const events = Array.from({ length: 7600 }, (_, i) =>
      i === 3800 ? ['END:VALARM'] : largeEvent(i),
    ).flat();
    renderView();
    drop('large.ics', calendar(...events));
    const again = await screen.findByText(
      /^Reading it again in one piece: \d+\.\d MB of \d+\.\d MB$/,
      {},
      { timeout: 40_000 },
    );
    expect(Number(/piece: (\d+\.\d)/.exec(again.textContent ?? '')![1])).toBeGreaterThan(0.9);
    release();
    await screen.findByLabelText('Import preview', {}, { timeout: 20_000 });
    expect(screen.queryByLabelText('Reading progress')).toBeNull();
  }, 90_000);

  it('shows a rejected file with its message', async () => {
    renderView();
    drop('notes.ics', new TextEncoder().encode('hello'));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert.textContent).toContain('notes.ics: No BEGIN:VCALENDAR');
  }, 60_000);

  describe('files dropped anywhere on the window', () => {
    /** The window with both imports and another page, opened at `path`. */
    function renderWindow(path: string) {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      return render(
        <MantineProvider>
          <Notifications />
          <QueryClientProvider client={client}>
            <MemoryRouter initialEntries={[path]}>
              <WindowDrop>
                <Routes>
                  <Route path="/import" element={<ImportView />} />
                  <Route path="/import/contacts" element={<ContactsImportView />} />
                  <Route path="*" element={<p>Contacts page</p>} />
                </Routes>
              </WindowDrop>
            </MemoryRouter>
          </QueryClientProvider>
        </MantineProvider>,
      );
    }
    /** Holds files over the window, as the browser says it while a drag goes on; says whether it offers a drop. */
    function holdOverWindow(): boolean {
      const event = new Event('dragover', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [], types: ['Files'] } });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    }
    /** Drops files on the page, outside any drop zone, as the window gets them; says whether it took them. */
    function dropOnWindow(...files: File[]): boolean {
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files, types: ['Files'] } });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    }

    it('takes a calendar to the calendar import and previews it, from any page', async () => {
      await call('settings:setSelfEmails', { emails: ['me@example.com'] });
      renderWindow('/contacts');
      expect(screen.getByText('Contacts page')).toBeTruthy();
      expect(screen.queryByText('Drop to import')).toBeNull();
      // While files are held over the window, it says what a drop does.
      expect(holdOverWindow()).toBe(true);
      expect((await screen.findByRole('status')).textContent).toContain('Drop to import');
      const taken = dropOnWindow(new File([new Uint8Array(workCalendar('me@example.com'))], 'work.ics'));
      expect(taken).toBe(true);
      await screen.findByRole('button', { name: /^Import \d+ meetings/ }, { timeout: 20_000 });
      expect(screen.queryByText('Contacts page')).toBeNull();
      expect(screen.getByText('work.ics')).toBeTruthy();
      expect(screen.queryByText('Drop to import')).toBeNull();
    }, 120_000);

    it('takes a vCard to the contacts import, and a .zip there when the user is on it', async () => {
      renderWindow('/');
      dropOnWindow(new File([new Uint8Array(contactsFixture('apple-3.0.vcf'))], 'apple-3.0.vcf'));
      await screen.findByRole('table', { name: 'New contacts' }, { timeout: 20_000 });

      expect(screen.getByLabelText('Contacts import preview').textContent).not.toMatch(/LinkedIn/);
      // On the contacts import, a .zip is LinkedIn's export, not Google Calendar's.
      const zip = contactsFixture('linkedin-Basic_LinkedInDataExport.zip');
      dropOnWindow(new File([new Uint8Array(zip)], 'Basic_LinkedInDataExport.zip'));
      await waitFor(
        () => expect(screen.getByLabelText('Contacts import preview').textContent).toMatch(/LinkedIn/),
        {
          timeout: 20_000,
        },
      );
      expect(screen.queryByLabelText('Drop calendar files here')).toBeNull();
    }, 120_000);

    it('leaves the import being written alone when another calendar is dropped, and says so', async () => {
      await call('settings:setSelfEmails', { emails: ['me@example.com'] });
      renderWindow('/import');
      fireEvent.change(screen.getByLabelText('Import meetings up to'), { target: { value: '2025-06-01' } });
      dropOnWindow(new File([new Uint8Array(workCalendar('me@example.com'))], 'work.ics'));
      const importButton = await screen.findByRole(
        'button',
        { name: /^Import \d+ meetings/ },
        { timeout: 20_000 },
      );
      let release = () => {};
      holdCommit = new Promise((resolve) => (release = resolve));
      fireEvent.click(importButton);
      await screen.findByLabelText('Import progress');

      dropOnWindow(new File([new Uint8Array(workCalendar('me@example.com'))], 'later.ics'));
      await screen.findByText('An import is being written: choose or drop later.ics again once it is done.');
      release();
      await screen.findByText(/^\d+ meetings created/, {}, { timeout: 20_000 });
      expect(screen.queryByText('later.ics')).toBeNull();
      expect(t.store.sqlite.prepare(`SELECT count(*) FROM imports WHERE kind = 'ics'`).pluck().get()).toBe(1);
    }, 120_000);

    it('says what it takes when the file is neither, and leaves the page as it was', async () => {
      renderWindow('/contacts');
      // Held over the window and taken away again: the hint goes by itself.
      holdOverWindow();
      await screen.findByText('Drop to import');
      await waitFor(() => expect(screen.queryByText('Drop to import')).toBeNull());
      expect(dropOnWindow(new File(['%PDF-1.7'], 'minutes.pdf'))).toBe(true);
      await screen.findByText(
        /Rapport imports calendars \(\.ics, or Google's \.zip\) and contacts \(\.csv, \.vcf\); not minutes\.pdf\./,
      );
      expect(screen.getByText('Contacts page')).toBeTruthy();
    }, 120_000);
  });
});
