import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/shared/strength/model';
import { MAX_BULK_IDS, type ContactPage } from '../../../src/shared/contacts/schemas';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from '../journal/call';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

let t: TempStore;
let ids: Record<'ada' | 'ben' | 'cy' | 'abe' | 'dee' | 'eve', number>;

/** A small network: weekly coffees, a few calls, one old meeting, two people never met, one archived. */
beforeEach(async () => {
  t = await tempStore(() => NOW);
  ids = {
    ada: await addContact(t.ctx, 'Ada Lovelace', { circles: ['mentor'], organisation: 'Analytical' }),
    ben: await addContact(t.ctx, 'Ben Okri', { circles: ['colleague'] }),
    cy: await addContact(t.ctx, 'Cy Twombly', { circles: ['mentor'] }),
    abe: await addContact(t.ctx, 'Abe Kobo', { circles: ['colleague'] }),
    dee: await addContact(t.ctx, 'Dee Rees', { circles: ['sponsor'] }),
    eve: await addContact(t.ctx, 'Eve Babitz', { circles: ['mentor'] }),
  };
  const log = (days: number, contactId: number, kind: 'coffee' | 'call' | 'meeting' = 'coffee') =>
    call(t.ctx, 'journal:create', {
      kind,
      title: `${kind} ${days} days ago`,
      startsAt: daysAgo(days),
      durationMinutes: 45,
      initiatedBy: 'me',
      participants: [{ contactId }],
    });
  for (let week = 0; week < 12; week++) await log(2 + week * 7, ids.ada);
  for (const days of [40, 55, 70]) await log(days, ids.dee, 'call');
  await log(400, ids.ben, 'meeting');
  await log(10, ids.eve);
  await call(t.ctx, 'contacts:setArchived', { id: ids.eve, archived: true });
});
afterEach(async () => {
  await t.cleanup();
});

const names = (page: ContactPage) => page.items.map((c) => c.displayName);

describe('the contacts list with strength', () => {
  it('gives every row the strength the contact page explains: layer, strength, trend and last contact', async () => {
    const page = await call(t.ctx, 'contacts:list', {});
    expect(names(page)).toEqual(['Abe Kobo', 'Ada Lovelace', 'Ben Okri', 'Cy Twombly', 'Dee Rees']);
    for (const item of page.items) {
      const { row } = await call(t.ctx, 'strength:contact', { contactId: item.id });
      expect(item.strength).toEqual({
        layer: row.layer,
        t: row.t,
        trend: row.trend,
        lastContactAt: row.lastAt,
      });
    }
    const ada = page.items.find((c) => c.id === ids.ada)!;
    expect(ada.strength.t).toBeGreaterThan(0);
    expect(ada.strength.lastContactAt).toBe(daysAgo(2));
    const cy = page.items.find((c) => c.id === ids.cy)!;
    expect(cy.strength).toEqual({ layer: 'dormant', t: 0, trend: 'flat', lastContactAt: null });
  });

  it('orders by strength either way, people never met in name order at their end', async () => {
    const strongest = await call(t.ctx, 'contacts:list', { sort: 'strength', direction: 'desc' });
    expect(names(strongest)).toEqual(['Ada Lovelace', 'Dee Rees', 'Ben Okri', 'Abe Kobo', 'Cy Twombly']);
    const t0 = strongest.items.map((c) => c.strength.t);
    expect(t0).toEqual([...t0].sort((a, b) => b - a));
    expect(strongest.total).toBe(5);
    const weakest = await call(t.ctx, 'contacts:list', { sort: 'strength', direction: 'asc' });
    expect(names(weakest)).toEqual(['Abe Kobo', 'Cy Twombly', 'Ben Okri', 'Dee Rees', 'Ada Lovelace']);
  });

  it('orders by last contact, those never contacted last in both directions', async () => {
    const recent = await call(t.ctx, 'contacts:list', { sort: 'lastContact', direction: 'desc' });
    expect(names(recent)).toEqual(['Ada Lovelace', 'Dee Rees', 'Ben Okri', 'Abe Kobo', 'Cy Twombly']);
    const longest = await call(t.ctx, 'contacts:list', { sort: 'lastContact', direction: 'asc' });
    expect(names(longest)).toEqual(['Ben Okri', 'Dee Rees', 'Ada Lovelace', 'Abe Kobo', 'Cy Twombly']);
  });

  it('filters by layer with the other filters, a pin counting as its layer', async () => {
    const all = await call(t.ctx, 'contacts:list', {});
    const layerOf = new Map(all.items.map((c) => [c.id, c.strength.layer]));
    const adaLayer = layerOf.get(ids.ada)!;
    const sameLayer = all.items.filter((c) => c.strength.layer === adaLayer).map((c) => c.displayName);
    const filtered = await call(t.ctx, 'contacts:list', { layer: adaLayer });
    expect(names(filtered)).toEqual(sameLayer);
    expect(filtered.total).toBe(sameLayer.length);

    const dormantMentors = await call(t.ctx, 'contacts:list', { layer: 'dormant', circle: 'mentor' });
    expect(names(dormantMentors)).toEqual(['Cy Twombly']);

    await call(t.ctx, 'strength:setPin', { contactId: ids.cy, layer: 'inner' });
    const inner = await call(t.ctx, 'contacts:list', { layer: 'inner', circle: 'mentor' });
    expect(inner.items.find((c) => c.id === ids.cy)?.strength.layer).toBe('inner');
    expect(names(inner)).toContain('Cy Twombly');
    const stillDormant = await call(t.ctx, 'contacts:list', { layer: 'dormant', circle: 'mentor' });
    expect(names(stillDormant)).toEqual([]);

    const archived = await call(t.ctx, 'contacts:list', { archived: true, sort: 'strength' });
    expect(names(archived)).toEqual(['Eve Babitz']);
    expect(archived.items[0].strength.lastContactAt).toBe(daysAgo(10));
  });

  it('pages through an order kept in memory with the full total', async () => {
    const first = await call(t.ctx, 'contacts:list', { sort: 'strength', direction: 'desc', limit: 2 });
    const second = await call(t.ctx, 'contacts:list', {
      sort: 'strength',
      direction: 'desc',
      limit: 2,
      offset: 2,
    });
    expect(names(first)).toEqual(['Ada Lovelace', 'Dee Rees']);
    expect(names(second)).toEqual(['Ben Okri', 'Abe Kobo']);
    expect([first.total, second.total, second.offset]).toEqual([5, 5, 2]);
    const searched = await call(t.ctx, 'contacts:list', { query: 'ab', sort: 'lastContact' });
    expect(names(searched)).toEqual(['Abe Kobo']);
  });

  it('catches up when the journal changes: a first coffee moves someone up', async () => {
    const before = await call(t.ctx, 'contacts:list', { sort: 'lastContact', direction: 'desc' });
    expect(names(before).at(-1)).toBe('Cy Twombly');
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: daysAgo(1),
      durationMinutes: 60,
      participants: [{ contactId: ids.cy }],
    });
    const after = await call(t.ctx, 'contacts:list', { sort: 'lastContact', direction: 'desc' });
    expect(names(after)[0]).toBe('Cy Twombly');
    expect(after.items[0].strength.lastContactAt).toBe(daysAgo(1));
    expect(after.items[0].strength.t).toBeGreaterThan(0);
  });

  it('gives every id the filters match, in name order, for "select all"', async () => {
    expect(await call(t.ctx, 'contacts:ids', {})).toEqual({
      ids: [ids.abe, ids.ada, ids.ben, ids.cy, ids.dee],
      total: 5,
    });
    expect(await call(t.ctx, 'contacts:ids', { circle: 'mentor' })).toEqual({
      ids: [ids.ada, ids.cy],
      total: 2,
    });
    expect(await call(t.ctx, 'contacts:ids', { circle: 'mentor', layer: 'dormant' })).toEqual({
      ids: [ids.cy],
      total: 1,
    });
    expect(await call(t.ctx, 'contacts:ids', { archived: true })).toEqual({ ids: [ids.eve], total: 1 });
    expect(await call(t.ctx, 'contacts:ids', { query: 'zzz' })).toEqual({ ids: [], total: 0 });
    // Paging has no place here: all of them is the point.
    const paged = await refused(t.ctx, 'contacts:ids', { limit: 5 });
    expect(paged.code).toBe('VALIDATION');
    expect(paged.message).toMatch(/limit/);
  });

  it('gives at most the 10,000 ids one change may name, with the full total', async () => {
    const insert = t.store.sqlite.prepare(
      'INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)',
    );
    t.store.sqlite.transaction(() => {
      for (let i = 0; i < MAX_BULK_IDS + 1; i++) insert.run(`Zed ${i}`, NOW.toISOString(), NOW.toISOString());
    })();
    const all = await call(t.ctx, 'contacts:ids', {});
    expect(all.total).toBe(MAX_BULK_IDS + 6);
    expect(all.ids).toHaveLength(MAX_BULK_IDS);
    // Name order: the five named ones first, the last "Zed" left out.
    expect(all.ids.slice(0, 5)).toEqual([ids.abe, ids.ada, ids.ben, ids.cy, ids.dee]);
    await call(t.ctx, 'contacts:bulk', { ids: all.ids, action: { kind: 'addTag', tag: 'everyone' } });
    expect((await call(t.ctx, 'contacts:list', { tag: 'everyone' })).total).toBe(MAX_BULK_IDS);
  });

  it('refuses an unknown layer or order, naming the field', async () => {
    expect(fields(await refused(t.ctx, 'contacts:list', { layer: 'best-friends' }))).toEqual(['layer']);
    expect(fields(await refused(t.ctx, 'contacts:list', { sort: 'warmth' }))).toEqual(['sort']);
  });
});
