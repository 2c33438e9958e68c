import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';
import { addContact, call, fields, refused } from '../journal/call';

const NOW = new Date('2026-11-25T12:00:00.000Z');
let t: TempStore;
beforeEach(async () => {
  t = await tempStore(() => NOW);
  await addContact(t.ctx, 'Ana Souza', { circles: ['mentor'], location: 'London, United Kingdom' });
  await addContact(t.ctx, 'Ben Okri', { circles: ['mentor'], location: 'Lagos' });
  await addContact(t.ctx, 'Cy Twombly', { circles: ['colleague'], location: 'London' });
  const archived = await addContact(t.ctx, 'Dee Rees', { circles: ['mentor'], location: 'London' });
  await call(t.ctx, 'contacts:setArchived', { id: archived, archived: true });
});
afterEach(async () => {
  await t.cleanup();
});

describe('saved views of the contacts list', () => {
  it('saves the list filters under a name, counts who they show now, and lists a new view last', async () => {
    const mentors = await call(t.ctx, 'views:save', {
      name: '  Mentors in London ',
      params: 'order=strength&city=London&circle=mentor',
    });
    // Stored in the list's own spelling, so the list's address and the view compare equal.
    expect(mentors).toMatchObject({
      name: 'Mentors in London',
      params: 'circle=mentor&city=London&order=strength',
      count: 1,
    });
    await call(t.ctx, 'views:save', { name: 'all of london', params: 'city=london' });
    expect(await call(t.ctx, 'views:list', {})).toEqual([
      { ...mentors },
      { id: expect.any(Number), name: 'all of london', params: 'city=london', count: 2 },
    ]);
    // The count follows the contacts: a new mentor in London is in the view.
    await addContact(t.ctx, 'Eve Babitz', { circles: ['mentor'], location: 'London' });
    expect((await call(t.ctx, 'views:list', {})).map((v) => v.count)).toEqual([2, 3]);
    // Archived people count in a view of the archive.
    const archive = await call(t.ctx, 'views:save', { name: 'Archive', params: 'archived=1' });
    expect(archive.count).toBe(1);
  });

  it('refuses a taken name (any case), no filters, unknown names and a blank name, writing nothing', async () => {
    await call(t.ctx, 'views:save', { name: 'Mentors', params: 'circle=mentor' });
    const before = contentHash(t.store.sqlite);
    const taken = await refused(t.ctx, 'views:save', { name: 'MENTORS', params: 'circle=mentor&city=Lagos' });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toBe('There is already a view named “Mentors”.');
    for (const [params, message] of [
      ['', 'A view needs a filter, a search or an order'],
      ['order=name', 'A view needs a filter, a search or an order'],
      ['circle=boss', 'A view needs a filter, a search or an order'],
      [
        'colour=blue',
        "A view holds only the list's filters: q, circle, tag, org, former, city, field, is, layer, archived, order",
      ],
    ] as const) {
      const error = await refused(t.ctx, 'views:save', { name: 'Another', params });
      expect(error.code, params).toBe('VALIDATION');
      expect(fields(error), params).toEqual(['params']);
      expect(JSON.stringify(error.details), params).toContain(message);
    }
    const blank = await refused(t.ctx, 'views:save', { name: '  ', params: 'circle=mentor' });
    expect(fields(blank)).toEqual(['name']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('deletes a view, giving it back, and says when there is none', async () => {
    const view = await call(t.ctx, 'views:save', { name: 'Mentors', params: 'circle=mentor' });
    expect(await call(t.ctx, 'views:delete', { id: view.id })).toEqual(view);
    expect(await call(t.ctx, 'views:list', {})).toEqual([]);
    const gone = await refused(t.ctx, 'views:delete', { id: view.id });
    expect([gone.code, gone.message]).toEqual(['NOT_FOUND', `There is no saved view #${view.id}.`]);
  });

  it('renames a view (its own name in another case too), refusing another view’s name and writing nothing then', async () => {
    const mentors = await call(t.ctx, 'views:save', { name: 'Mentors', params: 'circle=mentor' });
    const london = await call(t.ctx, 'views:save', { name: 'London', params: 'city=london' });
    const renamed = await call(t.ctx, 'views:rename', { id: mentors.id, name: '  Mentors to see ' });
    expect(renamed).toEqual({ ...mentors, name: 'Mentors to see' });
    expect(await call(t.ctx, 'views:rename', { id: london.id, name: 'LONDON' })).toEqual({
      ...london,
      name: 'LONDON',
    });
    expect((await call(t.ctx, 'views:list', {})).map((v) => [v.name, v.params, v.count])).toEqual([
      ['Mentors to see', 'circle=mentor', 2],
      ['LONDON', 'city=london', 2],
    ]);
    const before = contentHash(t.store.sqlite);
    const taken = await refused(t.ctx, 'views:rename', { id: london.id, name: 'mentors TO SEE' });
    expect([taken.code, taken.message]).toEqual([
      'CONFLICT',
      'There is already a view named “Mentors to see”.',
    ]);
    expect(fields(taken)).toEqual(['name']);
    const blank = await refused(t.ctx, 'views:rename', { id: london.id, name: ' ' });
    expect([blank.code, fields(blank)]).toEqual(['VALIDATION', ['name']]);
    const missing = await refused(t.ctx, 'views:rename', { id: 9999, name: 'Anything' });
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'There is no saved view #9999.']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('keeps the views in the order the user puts them, refusing an order that is not of every view once', async () => {
    const names = async () => (await call(t.ctx, 'views:list', {})).map((v) => v.name);
    const mentors = await call(t.ctx, 'views:save', { name: 'Mentors', params: 'circle=mentor' });
    const london = await call(t.ctx, 'views:save', { name: 'London', params: 'city=london' });
    const archive = await call(t.ctx, 'views:save', { name: 'Archive', params: 'archived=1' });
    const moved = await call(t.ctx, 'views:reorder', { ids: [archive.id, mentors.id, london.id] });
    expect(moved.map((v) => [v.name, v.count])).toEqual([
      ['Archive', 1],
      ['Mentors', 2],
      ['London', 2],
    ]);
    // Renamed, a view stays where it is; a new one goes last; one deleted leaves the rest in order.
    await call(t.ctx, 'views:rename', { id: archive.id, name: 'Zz archive' });
    await call(t.ctx, 'views:save', { name: 'Colleagues', params: 'circle=colleague' });
    await call(t.ctx, 'views:delete', { id: mentors.id });
    expect(await names()).toEqual(['Zz archive', 'London', 'Colleagues']);

    const before = contentHash(t.store.sqlite);
    const ids = (await call(t.ctx, 'views:list', {})).map((v) => v.id);
    for (const wrong of [
      ids.slice(1),
      [...ids, ids[0]],
      [ids[0], ids[0], ids[1]],
      [...ids.slice(1), mentors.id],
    ]) {
      const error = await refused(t.ctx, 'views:reorder', { ids: wrong });
      expect([error.code, error.message]).toEqual([
        'CONFLICT',
        'The views have changed since they were shown: nothing was moved. Try again.',
      ]);
    }
    const malformed = await refused(t.ctx, 'views:reorder', { ids: [ids[0], 'London'] });
    expect([malformed.code, fields(malformed)]).toEqual(['VALIDATION', ['ids.1']]);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });
});
