import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cityKeySql, citySql } from '../../../src/main/contacts/city';
import type { ContactPage } from '../../../src/shared/contacts/schemas';
import { cityKey, cityOf } from '../../../src/shared/contacts/location';
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

  it('is one city whatever the case, the composition or the accents of its letters, everywhere', async () => {
    // Upper case beyond ASCII, a "ü" written as "u" and a combining diaeresis, and no diaeresis.
    const ana = await addContact(t.ctx, 'Ana Souza', { location: 'ZÜRICH, Switzerland' });
    const ben = await addContact(t.ctx, 'Ben Okri', { location: 'Zu\u0308rich' });
    const cy = await addContact(t.ctx, 'Cy Twombly', { location: 'Zürich, CH' });
    const dee = await addContact(t.ctx, 'Dee Rees', { location: 'Zurich' });
    await addContact(t.ctx, 'Hal Foster', { location: 'Zürich' });
    await addContact(t.ctx, 'Eve Babitz', { location: 'São Paulo' });
    await addContact(t.ctx, 'Fay Weldon', { location: 'SAO PAULO, Brazil' });
    await addContact(t.ctx, 'Gil Scott', { location: 'Lagos' });
    const zurich = ['Ana Souza', 'Ben Okri', 'Cy Twombly', 'Dee Rees', 'Hal Foster'];
    expect(names(await call(t.ctx, 'contacts:list', { city: 'zürich' }))).toEqual(zurich);
    expect(names(await call(t.ctx, 'contacts:list', { city: 'Zurich' }))).toEqual(zurich);
    expect((await call(t.ctx, 'contacts:ids', { city: 'ZÜRICH' })).total).toBe(5);
    expect(names(await call(t.ctx, 'contacts:list', { city: 'são paulo' }))).toEqual([
      'Eve Babitz',
      'Fay Weldon',
    ]);
    // As the list's search already found them: "zurich" finds every spelling there too.
    expect(names(await call(t.ctx, 'contacts:list', { query: 'zurich' }))).toEqual(zurich);
    const { cities } = await call(t.ctx, 'contacts:facets', {});
    expect(cities).toHaveLength(3);
    // Each city once, in the spelling most of its people have: "Zürich" (two of five).
    expect(cities.filter((c) => cityKey(c) === 'zurich')).toEqual(['Zürich']);
    const d = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(d.cities.map((c) => c.count)).toEqual([5, 2, 1]);
    // A goal counting people met in the city counts all four spellings.
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Meet three people in Zürich',
      startDate: '2026-01-01',
      measure: 'people',
      target: 3,
      period: 'year',
      filter: { cities: ['zürich'] },
    });
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      participants: [{ contactId: ana }, { contactId: ben }, { contactId: cy }, { contactId: dee }],
    });
    const met = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(met.people.map((p) => p.id).sort()).toEqual([ana, ben, cy, dee].sort());
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

  it('keys a city in SQL exactly as in JavaScript, for any location (property)', () => {
    const key = t.store.sqlite.prepare(
      `SELECT ${cityKeySql('@location')} AS key, ${citySql('@location')} AS city`,
    );
    const part = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'Zürich',
        'ZÜRICH',
        'Zu\u0308rich',
        'SÃO PAULO',
        'İstanbul',
        'Kraków',
        'Ǆ',
        'ß',
        'K',
        'が',
        'Αθήνα',
      ),
      fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', ',', ', ', '\u00a0', ''),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.boolean(), (parts, isNull) => {
        const location = isNull ? null : parts.join('');
        const city = cityOf(location);
        const row = key.get({ location }) as { key: string | null; city: string | null };
        expect(row.key).toBe(city === null ? null : cityKey(city));
        // The city as SQL shows it is the city as JavaScript reads it, for every ASCII location.
        if (location !== null && [...location].every((c) => c.charCodeAt(0) < 128))
          expect(row.city || null).toBe(city);
      }),
      { numRuns: 2000 },
    );
  });

  it('keys a city by Unicode case, composition and accents, not by locale', () => {
    expect(cityKey('ZÜRICH')).toBe(cityKey('zu\u0308rich'));
    expect(cityKey('Zurich')).toBe(cityKey('Zürich'));
    expect(cityKey('KRAKÓW')).toBe('krakow');
    expect(cityKey(' İstanbul ')).toBe(cityKey('istanbul'));
    expect(cityKey('Αθήνα')).toBe(cityKey('ΑΘΗΝΑ'));
    // Not every mark is an accent: a Japanese voicing mark makes another word, and "ß" and "ł"
    // are letters of their own.
    expect(cityKey('ぎふ')).not.toBe(cityKey('きふ'));
    expect(cityKey('Łódź')).toBe('łodz');
    expect(cityKey('Gießen')).not.toBe(cityKey('Giessen'));
  });

  it('has a city: the part before the first comma', () => {
    expect(cityOf('Berlin, Germany')).toBe('Berlin');
    expect(cityOf(' New York , NY, USA')).toBe('New York');
    expect(cityOf('Lagos')).toBe('Lagos');
    expect(cityOf(', Portugal')).toBeNull();
    expect(cityOf(null)).toBeNull();
  });
});
