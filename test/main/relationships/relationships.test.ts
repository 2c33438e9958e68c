import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from '../journal/call';

const now = new Date('2026-11-26T08:00:00.000Z');
let t: TempStore;
let ana: number;
let ben: number;
let cy: number;

beforeEach(async () => {
  t = await tempStore(() => now);
  ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Acme' });
  ben = await addContact(t.ctx, 'Ben Lee');
  cy = await addContact(t.ctx, 'Cy Twombly');
});
afterEach(async () => {
  await t.cleanup();
});

/** Each related person as "<phrase kind/side> <name>", in the order the page shows them. */
const related = async (contactId: number) =>
  (await call(t.ctx, 'relationships:list', { contactId })).map(
    (r) => `${r.kind}/${r.side} ${r.other.displayName}`,
  );

describe('relationships between contacts', () => {
  it('stores one row and reads it from both ends', async () => {
    const added = await call(t.ctx, 'relationships:add', {
      fromId: ana,
      toId: ben,
      kind: 'reports_to',
      note: '  since the reorg ',
    });
    expect(added).toEqual({
      id: added.id,
      fromId: ana,
      toId: ben,
      kind: 'reports_to',
      note: 'since the reorg',
      createdAt: now.toISOString(),
    });
    expect(await call(t.ctx, 'relationships:list', { contactId: ana })).toEqual([
      {
        id: added.id,
        kind: 'reports_to',
        side: 'from',
        note: 'since the reorg',
        createdAt: now.toISOString(),
        other: { id: ben, displayName: 'Ben Lee', organisation: null, archived: false },
      },
    ]);
    expect(await related(ben)).toEqual(['reports_to/to Ana Souza']);
    expect(await related(cy)).toEqual([]);
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['relationships'] } });
  });

  it('lists everyone related, by name, whichever end they are', async () => {
    await call(t.ctx, 'relationships:add', { fromId: cy, toId: ana, kind: 'introduced_by' });
    await call(t.ctx, 'relationships:add', { fromId: ana, toId: ben, kind: 'mentor_of' });
    await call(t.ctx, 'relationships:add', { fromId: ben, toId: ana, kind: 'works_with' });
    expect(await related(ana)).toEqual([
      'mentor_of/from Ben Lee',
      'works_with/from Ben Lee',
      'introduced_by/to Cy Twombly',
    ]);
    expect(await related(cy)).toEqual(['introduced_by/from Ana Souza']);
  });

  it('stores a symmetric kind lower id first, so the reverse is the same relationship', async () => {
    const added = await call(t.ctx, 'relationships:add', { fromId: cy, toId: ana, kind: 'knows' });
    expect([added.fromId, added.toId]).toEqual([ana, cy]);
    const error = await refused(t.ctx, 'relationships:add', { fromId: ana, toId: cy, kind: 'knows' });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Already recorded: Ana Souza knows Cy Twombly.',
    });
    // Not symmetric: Ben reporting to Ana is another relationship than Ana reporting to Ben.
    await call(t.ctx, 'relationships:add', { fromId: ana, toId: ben, kind: 'reports_to' });
    await call(t.ctx, 'relationships:add', { fromId: ben, toId: ana, kind: 'reports_to' });
    expect(
      await refused(t.ctx, 'relationships:add', { fromId: ben, toId: ana, kind: 'reports_to' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'Already recorded: Ben Lee reports to Ana Souza.' });
  });

  it('refuses a missing contact, a self-link and malformed input, writing nothing', async () => {
    const before = contentHash(t.store.sqlite);
    expect(
      await refused(t.ctx, 'relationships:add', { fromId: ana, toId: 9999, kind: 'knows' }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'There is no contact with id 9999; nothing was changed.' });
    const self = await refused(t.ctx, 'relationships:add', { fromId: ana, toId: ana, kind: 'knows' });
    expect(self.code).toBe('VALIDATION');
    expect(fields(self)).toEqual(['toId']);
    expect(
      fields(await refused(t.ctx, 'relationships:add', { fromId: ana, toId: ben, kind: 'boss' })),
    ).toEqual(['kind']);
    expect(
      fields(
        await refused(t.ctx, 'relationships:add', {
          fromId: ana,
          toId: ben,
          kind: 'knows',
          note: 'x'.repeat(501),
        }),
      ),
    ).toEqual(['note']);
    expect(
      fields(await refused(t.ctx, 'relationships:add', { fromId: ana, toId: ben, kind: 'knows', extra: 1 })),
    ).toEqual(['']);
    expect(fields(await refused(t.ctx, 'relationships:list', { contactId: '1' }))).toEqual(['contactId']);
    expect(await refused(t.ctx, 'relationships:list', { contactId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('removes one relationship, returns it so it can be put back, and says when there is none', async () => {
    const added = await call(t.ctx, 'relationships:add', { fromId: cy, toId: ana, kind: 'introduced_by' });
    const removed = await call(t.ctx, 'relationships:remove', { id: added.id });
    expect(removed).toEqual(added);
    expect(await related(ana)).toEqual([]);
    expect(await refused(t.ctx, 'relationships:remove', { id: added.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no relationship with id ${added.id}.`,
    });
    const { fromId, toId, kind, note } = removed;
    const back = await call(t.ctx, 'relationships:add', { fromId, toId, kind, note });
    expect(back).toMatchObject({ fromId: cy, toId: ana, kind: 'introduced_by' });
    expect(await related(ana)).toEqual(['introduced_by/to Cy Twombly']);
  });

  it('changes or clears a note in place, and refuses an unknown relationship or a bad note, writing nothing', async () => {
    const added = await call(t.ctx, 'relationships:add', {
      fromId: ana,
      toId: ben,
      kind: 'reports_to',
      note: 'since the reorg',
    });
    const changed = await call(t.ctx, 'relationships:setNote', { id: added.id, note: '  dotted line  ' });
    expect(changed).toEqual({ ...added, note: 'dotted line' });
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['relationships'] } });
    expect((await call(t.ctx, 'relationships:list', { contactId: ben }))[0].note).toBe('dotted line');
    expect(await call(t.ctx, 'relationships:setNote', { id: added.id, note: ' ' })).toEqual({
      ...added,
      note: '',
    });

    const before = contentHash(t.store.sqlite);
    expect(await refused(t.ctx, 'relationships:setNote', { id: 9999, note: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no relationship with id 9999.',
    });
    expect(
      fields(await refused(t.ctx, 'relationships:setNote', { id: added.id, note: 'x'.repeat(501) })),
    ).toEqual(['note']);
    expect(fields(await refused(t.ctx, 'relationships:setNote', { id: added.id }))).toEqual(['note']);
    expect(
      fields(await refused(t.ctx, 'relationships:setNote', { id: added.id, note: 'x', kind: 'knows' })),
    ).toEqual(['']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('goes with a deleted contact', async () => {
    await call(t.ctx, 'relationships:add', { fromId: cy, toId: ana, kind: 'introduced_by' });
    await call(t.ctx, 'relationships:add', { fromId: ben, toId: ana, kind: 'works_with' });
    await call(t.ctx, 'contacts:delete', { id: cy });
    expect(await related(ana)).toEqual(['works_with/from Ben Lee']);
  });

  it('records who introduced a new contact in the same write, and writes nothing for an introducer that is not there', async () => {
    const dan = await call(t.ctx, 'contacts:create', { displayName: 'Dan Brown', introducedBy: ana });
    expect(await related(dan.id)).toEqual(['introduced_by/from Ana Souza']);
    expect(await related(ana)).toEqual(['introduced_by/to Dan Brown']);

    const before = contentHash(t.store.sqlite);
    expect(await refused(t.ctx, 'contacts:create', { displayName: 'Eve', introducedBy: 9999 })).toMatchObject(
      {
        code: 'NOT_FOUND',
        message: 'There is no contact with id 9999 to have introduced them; nothing was changed.',
      },
    );
    expect(fields(await refused(t.ctx, 'contacts:create', { displayName: 'Eve', introducedBy: 0 }))).toEqual([
      'introducedBy',
    ]);
    // Updating takes the fields only: who introduced someone is a relationship, changed on their page.
    expect(
      fields(
        await refused(t.ctx, 'contacts:update', {
          id: ana,
          fields: { displayName: 'Ana', introducedBy: ben },
        }),
      ),
    ).toEqual(['fields']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });
});
