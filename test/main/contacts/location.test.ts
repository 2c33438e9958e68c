import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactPage } from '../../../src/shared/contacts/schemas';
import { cityOf } from '../../../src/shared/contacts/location';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';
import { addContact, call, fields, refused } from '../journal/call';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const names = (page: ContactPage) => page.items.map((c) => c.displayName);

describe('where a contact is', () => {
  it('is stored trimmed, kept when an update leaves it out, and cleared by null or blank', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', { location: '  Lisbon, Portugal ' });
    expect((await call(t.ctx, 'contacts:get', { id })).location).toBe('Lisbon, Portugal');
    // A client that does not know the field (an older one, the command line) keeps it.
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', title: 'CTO' } });
    expect((await call(t.ctx, 'contacts:get', { id })).location).toBe('Lisbon, Portugal');
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', location: '  ' } });
    expect((await call(t.ctx, 'contacts:get', { id })).location).toBeNull();
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', location: 'Porto' } });
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', location: null } });
    expect((await call(t.ctx, 'contacts:get', { id })).location).toBeNull();
  });

  it('refuses a location that is too long, naming the field, and writes nothing', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', { location: 'Lisbon' });
    const before = contentHash(t.store.sqlite);
    const error = await refused(t.ctx, 'contacts:update', {
      id,
      fields: { displayName: 'Ana Souza', location: 'x'.repeat(201) },
    });
    expect(error.code).toBe('VALIDATION');
    expect(fields(error)).toEqual(['fields.location']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('filters the list by city, whatever follows the comma and whatever the case', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'Berlin, Germany' });
    await addContact(t.ctx, 'Ben Okri', { location: 'berlin' });
    await addContact(t.ctx, 'Cy Twombly', { location: 'Berlingen, Switzerland' });
    await addContact(t.ctx, 'Dee Rees', { location: 'New York, NY, USA' });
    await addContact(t.ctx, 'Eve Babitz');
    expect(names(await call(t.ctx, 'contacts:list', { city: 'Berlin' }))).toEqual(['Ana Souza', 'Ben Okri']);
    expect(names(await call(t.ctx, 'contacts:list', { city: ' BERLIN ' }))).toEqual([
      'Ana Souza',
      'Ben Okri',
    ]);
    expect(names(await call(t.ctx, 'contacts:list', { city: 'New York' }))).toEqual(['Dee Rees']);
    expect(names(await call(t.ctx, 'contacts:list', { city: 'Germany' }))).toEqual([]);
    // With the other filters and orders, and for "select all".
    expect(
      names(await call(t.ctx, 'contacts:list', { city: 'berlin', sort: 'strength', direction: 'desc' })),
    ).toEqual(['Ana Souza', 'Ben Okri']);
    expect((await call(t.ctx, 'contacts:ids', { city: 'Berlin' })).total).toBe(2);
    expect(names(await call(t.ctx, 'contacts:list', { city: 'Berlin', query: 'ben' }))).toEqual(['Ben Okri']);
  });

  it('lists each city once, in the spelling most contacts have, for the filter', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'Berlin, Germany' });
    await addContact(t.ctx, 'Ben Okri', { location: 'berlin' });
    await addContact(t.ctx, 'Cy Twombly', { location: 'Berlin' });
    await addContact(t.ctx, 'Dee Rees', { location: 'Zürich' });
    await addContact(t.ctx, 'Eve Babitz', { location: ', Portugal' });
    expect((await call(t.ctx, 'contacts:facets', {})).cities).toEqual(['Berlin', 'Zürich']);
  });

  it('offers the locations as written, the most used first, so a new one is spelled alike', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'Porto' });
    await addContact(t.ctx, 'Ben Okri', { location: 'Lisbon, Portugal' });
    await addContact(t.ctx, 'Cy Twombly', { location: 'Lisbon, Portugal' });
    await addContact(t.ctx, 'Dee Rees', { location: 'Accra' });
    await addContact(t.ctx, 'Eve Babitz');
    expect((await call(t.ctx, 'contacts:facets', {})).locations).toEqual([
      'Lisbon, Portugal',
      'Accra',
      'Porto',
    ]);
  });

  it('is searched like the other fields, in the list and everywhere', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'São Paulo, Brazil' });
    await addContact(t.ctx, 'Ben Okri', { location: 'Lagos' });
    expect(names(await call(t.ctx, 'contacts:list', { query: 'sao pau' }))).toEqual(['Ana Souza']);
    const found = await call(t.ctx, 'search:query', { query: 'lagos' });
    expect(found.contacts.map((c) => c.displayName)).toEqual(['Ben Okri']);
  });

  it('gives the dashboard the cities with the most active contacts, and how many have no location', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'Berlin, Germany' });
    await addContact(t.ctx, 'Ben Okri', { location: 'BERLIN' });
    await addContact(t.ctx, 'Cy Twombly', { location: 'Berlin' });
    await addContact(t.ctx, 'Dee Rees', { location: 'Lisbon' });
    await addContact(t.ctx, 'Eve Babitz');
    await addContact(t.ctx, 'Fay Weldon', { location: ', Portugal' });
    const gone = await addContact(t.ctx, 'Gil Scott', { location: 'Lisbon' });
    await call(t.ctx, 'contacts:setArchived', { id: gone, archived: true });
    let d = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(d.cities.map((c) => [c.city.toLowerCase(), c.count])).toEqual([
      ['berlin', 3],
      ['lisbon', 1],
    ]);
    expect(d.unlocated).toBe(2);
    // At most eight, the biggest first, then by name.
    for (const city of ['Accra', 'Bogotá', 'Cairo', 'Delhi', 'Essen', 'Fez', 'Graz']) {
      await addContact(t.ctx, `Someone in ${city}`, { location: city });
    }
    d = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(d.cities.map((c) => c.city)).toHaveLength(8);
    expect(d.cities.slice(0, 3).map((c) => c.city.toLowerCase())).toEqual(['berlin', 'accra', 'bogotá']);
    expect(d.cities.map((c) => c.city)).not.toContain('Lisbon');
  });

  it('puts every city on the network graph, with the person it belongs to', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { location: 'Berlin, Germany' });
    const ben = await addContact(t.ctx, 'Ben Okri');
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      participants: [{ contactId: ana }, { contactId: ben }],
    });
    const graph = await call(t.ctx, 'strength:graph', {});
    expect(graph.nodes.map((n) => [n.contactId, n.city]).sort()).toEqual([
      [ana, 'Berlin'],
      [ben, null],
    ]);
  });

  it('has a city: the part before the first comma', () => {
    expect(cityOf('Berlin, Germany')).toBe('Berlin');
    expect(cityOf(' New York , NY, USA')).toBe('New York');
    expect(cityOf('Lagos')).toBe('Lagos');
    expect(cityOf(', Portugal')).toBeNull();
    expect(cityOf(null)).toBeNull();
  });
});
