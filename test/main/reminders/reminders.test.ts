import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkReminder, startReminders } from '../../../src/main/reminders/scheduler';
import type { ReminderDigest } from '../../../src/shared/reminders/schemas';
import { contentHash } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from '../journal/call';

// Local times: the reminder keeps the user's own days and hours.
let now = new Date(2026, 10, 26, 8, 30);
let t: TempStore;
let ana: number;
let ben: number;
const shown: ReminderDigest[] = [];
const deps = {
  db: () => t.store.db,
  now: () => now,
  show: (digest: ReminderDigest) => shown.push(digest),
};

beforeEach(async () => {
  now = new Date(2026, 10, 26, 8, 30);
  shown.length = 0;
  t = await tempStore(() => now);
  ana = await addContact(t.ctx, 'Ana Souza', { birthday: '1986-11-26' });
  ben = await addContact(t.ctx, 'Ben Lee', { birthday: '--11-27' });
});
afterEach(async () => {
  vi.useRealTimers();
  await t.cleanup();
});

const followUp = (contactId: number, text: string, dueOn: string | null = null) =>
  call(t.ctx, 'followups:create', { contactId, text, dueOn });

describe('the morning reminder', () => {
  it('names what is due by today, most overdue first, counts the rest, and today’s birthdays', async () => {
    await followUp(ben, 'Intro to Cy', '2026-11-26');
    await followUp(ana, 'Send the deck', '2026-11-23');
    await followUp(ben, 'Return the book', '2026-11-25');
    await followUp(ana, 'Ask about the staff role', '2026-11-20');
    await followUp(ana, 'Not yet', '2026-11-27');
    await followUp(ana, 'Some time');
    const done = await followUp(ben, 'Already done', '2026-11-01');
    await call(t.ctx, 'followups:setDone', { id: done.id, done: true });
    await addContact(t.ctx, 'Cy Archived', { birthday: '1990-11-26' }).then((id) =>
      call(t.ctx, 'contacts:setArchived', { id, archived: true }),
    );

    expect(await call(t.ctx, 'reminders:preview', { today: '2026-11-26' })).toEqual({
      title: '4 follow-ups due · 1 birthday today',
      lines: [
        'Overdue by 6 days: Ask about the staff role (Ana Souza)',
        'Overdue by 3 days: Send the deck (Ana Souza)',
        'Overdue by 1 day: Return the book (Ben Lee)',
        'and 1 more follow-up',
        'Birthday today: Ana Souza (turns 40)',
      ],
      followUpsDue: 4,
      reconnectDue: 0,
      birthdaysToday: 1,
      importantDatesToday: 0,
      comingUp: 0,
      newJobs: 0,
    });
    // The next day: Ben's birthday has no year, and "Not yet" is due.
    const tomorrow = await call(t.ctx, 'reminders:preview', { today: '2026-11-27' });
    expect([tomorrow?.title, tomorrow?.lines.at(-1)]).toEqual([
      '5 follow-ups due · 1 birthday today',
      'Birthday today: Ben Lee',
    ]);
  });

  it('says nothing on a day with nothing due and no birthday', async () => {
    await followUp(ana, 'Later', '2026-12-24');
    expect(await call(t.ctx, 'reminders:preview', { today: '2026-11-28' })).toBeNull();
    await followUp(ben, 'Only this', '2026-11-28');
    expect(await call(t.ctx, 'reminders:preview', { today: '2026-11-28' })).toEqual({
      title: '1 follow-up due',
      lines: ['Due today: Only this (Ben Lee)'],
      followUpsDue: 1,
      reconnectDue: 0,
      birthdaysToday: 0,
      importantDatesToday: 0,
      comingUp: 0,
      newJobs: 0,
    });
  });

  it('names the people most overdue for a catch-up, as the dashboard’s Reconnect queue does', async () => {
    // Mentors are due monthly; these were last met in the summer, the longest ago first.
    const met = async (name: string, day: string) => {
      const id = await addContact(t.ctx, name, { circles: ['mentor'] });
      await call(t.ctx, 'journal:create', {
        kind: 'coffee',
        startsAt: `${day}T09:00:00.000Z`,
        participants: [{ contactId: id }],
      });
    };
    await met('Dana Mentor', '2026-07-01');
    await met('Emil Mentor', '2026-06-01');
    await met('Fatima Mentor', '2026-08-01');
    await met('Goran Mentor', '2026-05-01');
    await met('Hana Recent', '2026-11-20');
    expect(await call(t.ctx, 'reminders:preview', { today: '2026-11-28' })).toEqual({
      title: '4 catch-ups overdue',
      lines: ['Time to catch up with Goran Mentor, Emil Mentor, Dana Mentor and 1 other'],
      followUpsDue: 0,
      reconnectDue: 4,
      birthdaysToday: 0,
      importantDatesToday: 0,
      comingUp: 0,
      newJobs: 0,
    });
  });

  it('names the week’s new jobs not yet followed by a contact, newest first', async () => {
    const move = async (id: number, displayName: string, from: string, to: string, when: Date) => {
      now = new Date(when.getTime() - 60_000);
      await call(t.ctx, 'contacts:update', { id, fields: { displayName, organisation: from } });
      now = when;
      await call(t.ctx, 'contacts:update', {
        id,
        fields: { displayName, organisation: to },
        jobChange: true,
      });
    };
    const cy = await addContact(t.ctx, 'Cy Park');
    const dee = await addContact(t.ctx, 'Dee Wong');
    await move(ben, 'Ben Lee', 'Acme', 'Globex', new Date(2026, 10, 15, 9));
    await move(ana, 'Ana Souza', 'Northwind', 'Litware', new Date(2026, 10, 24, 9));
    await move(cy, 'Cy Park', 'Initech', 'Hooli', new Date(2026, 10, 25, 9));
    await call(t.ctx, 'journal:create', {
      kind: 'message',
      title: 'Congrats!',
      startsAt: new Date(2026, 10, 25, 10).toISOString(),
      participants: [{ contactId: cy }],
    });
    now = new Date(2026, 10, 28, 8, 30);
    // Ben's move is older than a week; Cy was congratulated.
    const one = await call(t.ctx, 'reminders:preview', { today: '2026-11-28' });
    expect([one?.title, one?.lines, one?.newJobs]).toEqual([
      '1 new job',
      ['New job: Ana Souza (Moved from Northwind to Litware)'],
      1,
    ]);
    await move(dee, 'Dee Wong', 'Umbrella', 'Contoso', new Date(2026, 10, 27, 9));
    now = new Date(2026, 10, 28, 8, 30);
    const two = await call(t.ctx, 'reminders:preview', { today: '2026-11-28' });
    expect([two?.title, two?.lines]).toEqual(['2 new jobs', ['New jobs: Dee Wong, Ana Souza']]);
    // Three are named, the rest counted; Cy, congratulated and newer than Ana, is neither.
    const eve = await addContact(t.ctx, 'Eve Stone');
    const fay = await addContact(t.ctx, 'Fay Ode');
    await move(eve, 'Eve Stone', 'Acme', 'Initech', new Date(2026, 10, 27, 10));
    await move(fay, 'Fay Ode', 'Acme', 'Hooli', new Date(2026, 10, 27, 11));
    now = new Date(2026, 10, 28, 8, 30);
    const four = await call(t.ctx, 'reminders:preview', { today: '2026-11-28' });
    expect([four?.title, four?.lines, four?.newJobs]).toEqual([
      '4 new jobs',
      ['New jobs: Fay Ode, Eve Stone, Dee Wong and 1 other'],
      4,
    ]);
  });

  it('is shown once a day, from the chosen hour, and not at all when turned off', async () => {
    await followUp(ana, 'Send the deck', '2026-11-25');
    // Before nine (the default hour): nothing, and nothing recorded.
    const before = contentHash(t.store.sqlite);
    expect(await checkReminder(deps)).toBeNull();
    expect(contentHash(t.store.sqlite)).toBe(before);

    now = new Date(2026, 10, 26, 9, 0);
    expect((await checkReminder(deps))?.title).toBe('1 follow-up due · 1 birthday today');
    now = new Date(2026, 10, 26, 17, 45);
    expect(await checkReminder(deps)).toBeNull();
    expect(shown.map((d) => d.title)).toEqual(['1 follow-up due · 1 birthday today']);

    // A new day, whatever is due then; a day with nothing shows nothing but is still its day.
    now = new Date(2026, 10, 27, 9, 5);
    expect((await checkReminder(deps))?.lines).toEqual([
      'Overdue by 2 days: Send the deck (Ana Souza)',
      'Birthday today: Ben Lee',
    ]);
    await call(t.ctx, 'followups:update', { id: 1, dueOn: '2026-12-31' });
    now = new Date(2026, 10, 28, 10, 0);
    expect(await checkReminder(deps)).toBeNull();
    expect(shown).toHaveLength(2);

    // Turned off, or later than the hour chosen: nothing.
    await call(t.ctx, 'followups:update', { id: 1, dueOn: '2026-11-29' });
    await call(t.ctx, 'reminders:setPrefs', { enabled: false, hour: 9 });
    now = new Date(2026, 10, 29, 9, 0);
    expect(await checkReminder(deps)).toBeNull();
    await call(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 18 });
    expect(await checkReminder(deps)).toBeNull();
    now = new Date(2026, 10, 29, 18, 0);
    expect((await checkReminder(deps))?.title).toBe('1 follow-up due');
    expect(shown).toHaveLength(3);
  });

  it('checks at start and then on its interval, and keeps going after a failed check', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await followUp(ana, 'Send the deck', '2026-11-25');
    now = new Date(2026, 10, 26, 9, 0);
    const failing = { ...deps, db: vi.fn(deps.db) };
    failing.db.mockImplementationOnce(() => {
      throw new Error('store closed for a restore');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = startReminders(failing, 60_000);
    await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    stop();
    vi.advanceTimersByTime(120_000);
    expect(failing.db).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('keeps its preferences, and refuses ones that are not an hour of the day or a lead time it offers', async () => {
    expect(await call(t.ctx, 'reminders:getPrefs', {})).toEqual({ enabled: true, hour: 9, daysAhead: 0 });
    expect(await call(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 7, daysAhead: 3 })).toEqual({
      enabled: true,
      hour: 7,
      daysAhead: 3,
    });
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['reminders'] } });
    const before = contentHash(t.store.sqlite);
    expect(fields(await refused(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 24 }))).toEqual(['hour']);
    expect(fields(await refused(t.ctx, 'reminders:setPrefs', { enabled: 'yes', hour: 9 }))).toEqual([
      'enabled',
    ]);
    expect(
      fields(await refused(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 9, daysAhead: 5 })),
    ).toEqual(['daysAhead']);
    expect(fields(await refused(t.ctx, 'reminders:preview', { today: '26/11/2026' }))).toEqual(['today']);
    expect(contentHash(t.store.sqlite)).toBe(before);
    // Preferences stored before the lead time existed keep their hour, and name days on the day.
    t.store.sqlite
      .prepare(`UPDATE settings SET value = '{"enabled": false, "hour": 6}' WHERE key = 'reminders.prefs'`)
      .run();
    expect(await call(t.ctx, 'reminders:getPrefs', {})).toEqual({ enabled: false, hour: 6, daysAhead: 0 });
    // A stored value that is not valid (an older or hand-edited file) reads as the defaults.
    t.store.sqlite.prepare(`UPDATE settings SET value = '{"hour": 99}' WHERE key = 'reminders.prefs'`).run();
    expect(await call(t.ctx, 'reminders:getPrefs', {})).toEqual({ enabled: true, hour: 9, daysAhead: 0 });
  });

  it('names birthdays and important dates the days ahead asked for, once, and on the day', async () => {
    await addContact(t.ctx, 'Cy Lee', {
      birthday: '1990-12-01',
      importantDates: [{ label: 'Work anniversary', date: '2019-12-03' }],
    });
    const on = (today: string) => call(t.ctx, 'reminders:preview', { today });
    // On the day only, as before (Ana's birthday, from the set-up, is on the 26th, Ben's on the 27th).
    expect(await on('2026-11-24')).toBeNull();
    await call(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 9, daysAhead: 7 });
    expect(await on('2026-11-24')).toMatchObject({
      title: '1 coming up',
      lines: ['Birthday in 7 days: Cy Lee (turns 36)'],
      comingUp: 1,
      birthdaysToday: 0,
    });
    // Not every morning in between.
    expect(await on('2026-11-25')).toBeNull();
    expect(await on('2026-11-26')).toMatchObject({
      title: '1 birthday today · 1 coming up',
      lines: ['Birthday today: Ana Souza (turns 40)', 'Work anniversary in 7 days: Cy Lee (7 years)'],
    });
    await call(t.ctx, 'reminders:setPrefs', { enabled: true, hour: 9, daysAhead: 1 });
    expect(await on('2026-11-30')).toMatchObject({
      title: '1 coming up',
      lines: ['Birthday tomorrow: Cy Lee (turns 36)'],
    });
    expect(await on('2026-12-01')).toMatchObject({
      title: '1 birthday today',
      lines: ['Birthday today: Cy Lee (turns 36)'],
      comingUp: 0,
    });
    expect(await on('2026-12-02')).toMatchObject({
      title: '1 coming up',
      lines: ['Work anniversary tomorrow: Cy Lee (7 years)'],
    });
  });
});
