import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed } from '../../../src/main/interop/contactsImport';
import { readContactsFile } from '../../../src/main/interop/read';
import { fixture } from '../interop/fixtures';
import { call, refused } from '../journal/call';
import { jpeg } from '../../support/photo';
import { tempStore, type TempStore } from '../../support/store';

/** Noon UTC on 20 December 2026: the dashboard's "today" is 2026-12-20 for a UTC viewer. */
const NOW = new Date('2026-12-20T12:00:00.000Z');

let t: TempStore;
beforeEach(async () => {
  t = await tempStore(() => NOW);
});
afterEach(async () => {
  await t.cleanup();
});

describe('birthdays on contacts', () => {
  it('are stored, read back, kept when a client leaves them out, and cleared with null', async () => {
    const ana = await call(t.ctx, 'contacts:create', { displayName: 'Ana Souza', birthday: '1985-04-12' });
    expect(ana.birthday).toBe('1985-04-12');
    const renamed = await call(t.ctx, 'contacts:update', { id: ana.id, fields: { displayName: 'Ana S.' } });
    expect(renamed.birthday).toBe('1985-04-12');
    const noYear = await call(t.ctx, 'contacts:update', {
      id: ana.id,
      fields: { displayName: 'Ana S.', birthday: '--04-12' },
    });
    expect(noYear.birthday).toBe('--04-12');
    const cleared = await call(t.ctx, 'contacts:update', {
      id: ana.id,
      fields: { displayName: 'Ana S.', birthday: null },
    });
    expect(cleared.birthday).toBeNull();
    expect(t.store.sqlite.prepare('SELECT birthday FROM contacts').pluck().get()).toBeNull();
  });

  it('refuses a day that does not exist, saying so on the birthday field, and writes nothing', async () => {
    const error = await refused(t.ctx, 'contacts:create', { displayName: 'Ben', birthday: '1990-02-30' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([
      {
        path: ['birthday'],
        message: 'A birthday is a real date: YYYY-MM-DD, or --MM-DD without the year',
      },
    ]);
    expect(t.store.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
  });

  it('shows those an imported vCard brought in', async () => {
    await commitParsed(t.store, readContactsFile('apple-3.0.vcf', fixture('apple-3.0.vcf')), {
      circle: 'colleague',
      now: NOW,
      dataDir: t.dir,
    });
    const id = t.store.sqlite
      .prepare(`SELECT id FROM contacts WHERE display_name = 'Chidi Okafor'`)
      .pluck()
      .get() as number;
    expect((await call(t.ctx, 'contacts:get', { id })).birthday).toBe('1985-11-02');
  });
});

describe('birthdays on the dashboard', () => {
  it('lists the next 30 days, today first, across the year end, without archived contacts', async () => {
    const make = (displayName: string, birthday: string | null) =>
      call(t.ctx, 'contacts:create', { displayName, birthday });
    await make('Today Person', '1990-12-20');
    await make('New Year', '--01-05');
    await make('Tomorrow Person', '2000-12-21');
    await make('Too Far', '1980-01-20');
    await make('Yesterday', '1975-12-19');
    await make('No Birthday', null);
    const archived = await make('Archived', '1988-12-22');
    await call(t.ctx, 'contacts:setArchived', { id: archived.id, archived: true });

    const d = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(d.birthdays.map((b) => [b.displayName, b.date, b.daysUntil, b.turns])).toEqual([
      ['Today Person', '2026-12-20', 0, 36],
      ['Tomorrow Person', '2026-12-21', 1, 26],
      ['New Year', '2027-01-05', 16, null],
    ]);
    const tomorrow = d.birthdays[1].contactId;
    await call(t.ctx, 'contacts:setPhoto', {
      id: tomorrow,
      mime: 'image/jpeg',
      base64: jpeg.toString('base64'),
    });
    const withPhoto = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(withPhoto.birthdays.map((b) => b.photo)).toEqual([null, NOW.toISOString(), null]);
  });

  it("counts days in the viewer's calendar: late on the 20th in UTC is already the 21st in Tokyo", async () => {
    await call(t.ctx, 'contacts:create', { displayName: 'Tomorrow Person', birthday: '2000-12-21' });
    t.ctx.now = () => new Date('2026-12-20T20:00:00.000Z');
    const utc = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    const tokyo = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 540 });
    expect(utc.birthdays[0].daysUntil).toBe(1);
    expect(tokyo.birthdays[0].daysUntil).toBe(0);
  });
});
