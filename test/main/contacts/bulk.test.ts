import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from '../journal/call';

let now = new Date('2026-11-25T12:00:00.000Z');
let t: TempStore;
let ids: number[];

beforeEach(async () => {
  t = await tempStore(() => now);
  ids = [
    await addContact(t.ctx, 'Ada Lovelace', { tags: ['Analytics'], circles: ['mentor'] }),
    await addContact(t.ctx, 'Ben Okri', { circles: ['colleague'] }),
    await addContact(t.ctx, 'Cy Twombly'),
  ];
  now = new Date('2026-11-26T08:00:00.000Z');
});
afterEach(async () => {
  await t.cleanup();
});

const get = (id: number) => call(t.ctx, 'contacts:get', { id });

describe('changing many contacts at once', () => {
  it('adds a tag to those without it, in any spelling of an existing tag, and touches only them', async () => {
    const result = await call(t.ctx, 'contacts:bulk', { ids, action: { kind: 'addTag', tag: 'analytics' } });
    expect(result).toEqual({ changed: 2 });
    for (const id of ids) expect((await get(id)).tags).toEqual(['Analytics']);
    expect((await get(ids[0])).updatedAt).toBe('2026-11-25T12:00:00.000Z');
    expect((await get(ids[1])).updatedAt).toBe(now.toISOString());
    const tagged = await call(t.ctx, 'contacts:list', { tag: 'Analytics' });
    expect(tagged.total).toBe(3);
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['contacts'] } });
  });

  it('removes a tag, adds and removes a circle, archives and restores', async () => {
    await call(t.ctx, 'contacts:bulk', { ids, action: { kind: 'addTag', tag: 'Q4 outreach' } });
    expect(
      await call(t.ctx, 'contacts:bulk', { ids, action: { kind: 'removeTag', tag: 'q4 OUTREACH' } }),
    ).toEqual({
      changed: 3,
    });
    expect((await get(ids[2])).tags).toEqual([]);

    expect(
      await call(t.ctx, 'contacts:bulk', { ids, action: { kind: 'addCircle', circle: 'mentor' } }),
    ).toEqual({
      changed: 2,
    });
    expect((await get(ids[1])).circles).toEqual(['colleague', 'mentor']);
    expect(
      await call(t.ctx, 'contacts:bulk', {
        ids: [ids[0], ids[1]],
        action: { kind: 'removeCircle', circle: 'mentor' },
      }),
    ).toEqual({ changed: 2 });
    expect((await get(ids[0])).circles).toEqual([]);
    expect((await get(ids[2])).circles).toEqual(['mentor']);

    expect(
      await call(t.ctx, 'contacts:bulk', { ids, action: { kind: 'setArchived', archived: true } }),
    ).toEqual({
      changed: 3,
    });
    expect((await call(t.ctx, 'contacts:list', {})).total).toBe(0);
    expect((await call(t.ctx, 'contacts:list', { archived: true })).total).toBe(3);
    await call(t.ctx, 'contacts:bulk', { ids: [ids[1]], action: { kind: 'setArchived', archived: false } });
    expect((await call(t.ctx, 'contacts:list', {})).items.map((c) => c.displayName)).toEqual(['Ben Okri']);
  });

  it('changes nothing and says nothing when every contact already has it', async () => {
    t.events.length = 0;
    const result = await call(t.ctx, 'contacts:bulk', {
      ids: [ids[0], ids[0]],
      action: { kind: 'addTag', tag: 'ANALYTICS' },
    });
    expect(result).toEqual({ changed: 0 });
    expect(t.events).toEqual([]);
  });

  it('refuses the whole change when one id names no contact, and writes nothing', async () => {
    const before = contentHash(t.store.sqlite);
    const error = await refused(t.ctx, 'contacts:bulk', {
      ids: [ids[0], 9999, ids[1]],
      action: { kind: 'addTag', tag: 'New tag' },
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('There is no contact with id 9999; nothing was changed.');
    expect(contentHash(t.store.sqlite)).toBe(before);
    expect((await call(t.ctx, 'contacts:facets', {})).tags).toEqual(['Analytics']);
  });

  it('refuses malformed requests, naming the field', async () => {
    expect(
      fields(
        await refused(t.ctx, 'contacts:bulk', { ids: [], action: { kind: 'setArchived', archived: true } }),
      ),
    ).toEqual(['ids']);
    expect(
      fields(await refused(t.ctx, 'contacts:bulk', { ids, action: { kind: 'addCircle', circle: 'boss' } })),
    ).toEqual(['action.circle']);
    expect(fields(await refused(t.ctx, 'contacts:bulk', { ids, action: { kind: 'delete' } }))).toEqual([
      'action.kind',
    ]);
    expect(
      fields(await refused(t.ctx, 'contacts:bulk', { ids, action: { kind: 'addTag', tag: '  ' } })),
    ).toEqual(['action.tag']);
  });
});
