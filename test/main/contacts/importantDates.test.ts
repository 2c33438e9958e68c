import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';
import { addContact, call, fields, refused } from '../journal/call';

/** Noon UTC on 20 December 2026: "today" is 2026-12-20 for a UTC viewer. */
const NOW = new Date('2026-12-20T12:00:00.000Z');

let t: TempStore;
beforeEach(async () => {
  t = await tempStore(() => NOW);
});
afterEach(async () => {
  await t.cleanup();
});

const datesOf = async (id: number) => (await call(t.ctx, 'contacts:get', { id })).importantDates;

describe("a contact's important dates", () => {
  it('are stored tidied in their order, kept when an update leaves them out, and cleared by none', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', {
      importantDates: [
        { label: '  Work   anniversary ', date: '2019-12-03' },
        { label: 'Anniversary', date: ' --02-29 ' },
      ],
    });
    expect(await datesOf(id)).toEqual([
      { label: 'Work anniversary', date: '2019-12-03' },
      { label: 'Anniversary', date: '--02-29' },
    ]);
    // A client that does not know them (an older one, the command line's other commands) keeps them.
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', title: 'CTO' } });
    expect(await datesOf(id)).toHaveLength(2);
    await call(t.ctx, 'contacts:update', {
      id,
      fields: { displayName: 'Ana Souza', importantDates: [{ label: 'Anniversary', date: '2011-06-14' }] },
    });
    expect(await datesOf(id)).toEqual([{ label: 'Anniversary', date: '2011-06-14' }]);
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', importantDates: [] } });
    expect(await datesOf(id)).toEqual([]);
    expect(await datesOf(await addContact(t.ctx, 'Bo Chen'))).toEqual([]);
  });

  it('refuses a day that does not exist, a label used twice, a nameless date or too many, writing nothing', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', {
      importantDates: [{ label: 'Work anniversary', date: '2019-12-03' }],
    });
    const before = contentHash(t.store.sqlite);
    const update = (importantDates: Array<{ label: string; date: string }>) =>
      refused(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', importantDates } });

    const twice = await update([
      { label: 'Work anniversary', date: '2019-12-03' },
      { label: 'work  ANNIVERSARY', date: '2020-01-01' },
    ]);
    expect(twice.code).toBe('VALIDATION');
    expect(fields(twice)).toEqual(['fields.importantDates.1.label']);
    expect((twice.details as Array<{ message: string }>)[0].message).toBe(
      'Another date is called “work  ANNIVERSARY”; give each its own name',
    );
    for (const bad of ['2025-02-29', '2019-13-01', '--04-31', '3 December', '2019-12-3', '1700-01-01']) {
      expect(fields(await update([{ label: 'Promotion', date: bad }])), bad).toEqual([
        'fields.importantDates.0.date',
      ]);
    }
    expect(fields(await update([{ label: ' ', date: '2019-12-03' }]))).toEqual([
      'fields.importantDates.0.label',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ label: `Date ${i}`, date: '--01-01' }));
    expect(fields(await update(many))).toEqual(['fields.importantDates']);
    expect(contentHash(t.store.sqlite)).toBe(before);
    expect(await datesOf(id)).toEqual([{ label: 'Work anniversary', date: '2019-12-03' }]);
  });

  it('offer the labels in use, one spelling each (the most written)', async () => {
    await addContact(t.ctx, 'Ana', { importantDates: [{ label: 'Work anniversary', date: '2019-12-03' }] });
    await addContact(t.ctx, 'Bo', { importantDates: [{ label: 'Work anniversary', date: '2020-01-03' }] });
    await addContact(t.ctx, 'Cy', {
      importantDates: [
        { label: 'work anniversary', date: '2021-01-03' },
        { label: 'Wedding', date: '--05-01' },
      ],
    });
    expect((await call(t.ctx, 'contacts:facets', {})).importantDateLabels).toEqual([
      'Wedding',
      'Work anniversary',
    ]);
  });

  it("move to the kept contact in a merge, the kept contact's own winning a shared label, and undo puts them back", async () => {
    const keep = await addContact(t.ctx, 'Ana Souza', {
      importantDates: [{ label: 'Work anniversary', date: '2019-12-03' }],
    });
    const remove = await addContact(t.ctx, 'Ana S.', {
      importantDates: [
        { label: 'work anniversary', date: '2018-01-01' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
    const beforeKeep = await call(t.ctx, 'contacts:get', { id: keep });
    const beforeRemove = await call(t.ctx, 'contacts:get', { id: remove });

    const result = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    expect(await datesOf(keep)).toEqual([
      { label: 'Work anniversary', date: '2019-12-03' },
      { label: 'Anniversary', date: '--06-14' },
    ]);
    await call(t.ctx, 'duplicates:undoMerge', { token: result.undoToken });
    expect(await call(t.ctx, 'contacts:get', { id: keep })).toEqual(beforeKeep);
    expect(await call(t.ctx, 'contacts:get', { id: remove })).toEqual(beforeRemove);
  });
});

describe('important dates coming round', () => {
  it('are listed on the dashboard for the next 30 days, today first, across the year end, with the years they mark', async () => {
    await addContact(t.ctx, 'Ana Souza', {
      birthday: '1990-12-21',
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-20' },
        { label: 'Anniversary', date: '--01-05' },
        { label: 'Too far', date: '2000-01-20' },
        { label: 'Yesterday', date: '2000-12-19' },
      ],
    });
    await addContact(t.ctx, 'Bo Chen', { importantDates: [{ label: 'Started as CTO', date: '2026-12-24' }] });
    const archived = await addContact(t.ctx, 'Cy Archived', {
      importantDates: [{ label: 'Work anniversary', date: '2010-12-22' }],
    });
    await call(t.ctx, 'contacts:setArchived', { id: archived, archived: true });

    const d = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(d.importantDates.map((x) => [x.displayName, x.label, x.date, x.daysUntil, x.years])).toEqual([
      ['Ana Souza', 'Work anniversary', '2026-12-20', 0, 7],
      // Set this year, days from now: it marks no year yet.
      ['Bo Chen', 'Started as CTO', '2026-12-24', 4, 0],
      ['Ana Souza', 'Anniversary', '2027-01-05', 16, null],
    ]);
    // The birthday is listed as before, on its own list.
    expect(d.birthdays.map((b) => [b.displayName, b.daysUntil])).toEqual([['Ana Souza', 1]]);
  });

  it('are named in the morning reminder on their day', async () => {
    await addContact(t.ctx, 'Ana Souza', {
      importantDates: [{ label: 'Work anniversary', date: '2019-12-20' }],
    });
    await addContact(t.ctx, 'Bo Chen', { importantDates: [{ label: 'Anniversary', date: '--12-20' }] });
    await addContact(t.ctx, 'Cy Lee', { importantDates: [{ label: 'Anniversary', date: '--12-21' }] });
    const digest = await call(t.ctx, 'reminders:preview', { today: '2026-12-20' });
    expect(digest).toMatchObject({
      title: '2 important dates today',
      lines: ['Work anniversary today: Ana Souza (7 years)', 'Anniversary today: Bo Chen'],
      importantDatesToday: 2,
    });
    expect((await call(t.ctx, 'reminders:preview', { today: '2026-12-21' }))?.lines).toEqual([
      'Anniversary today: Cy Lee',
    ]);
  });
});
