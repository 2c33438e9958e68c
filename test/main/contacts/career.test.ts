import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact, call, refused } from '../journal/call';
import { tempStore, type TempStore } from '../../support/store';

let clock = new Date('2024-03-01T09:00:00.000Z');
let t: TempStore;
beforeEach(async () => {
  clock = new Date('2024-03-01T09:00:00.000Z');
  t = await tempStore(() => clock);
});
afterEach(async () => {
  await t.cleanup();
});

/** Saves another role on their page at `iso`, with the box to record the move ticked. */
const moveAt = (iso: string, id: number, organisation: string, title: string) => {
  clock = new Date(iso);
  return call(t.ctx, 'contacts:update', {
    id,
    fields: { displayName: 'Ana Souza', organisation, title },
    jobChange: true,
  });
};
const jobChangeIds = () =>
  t.store.sqlite
    .prepare(`SELECT id FROM interactions WHERE kind = 'job_change' ORDER BY starts_at`)
    .pluck()
    .all();

describe("a contact's career", () => {
  it('lists the role held now, then each one a recorded move ended, with when it began and ended', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    expect(await call(t.ctx, 'contacts:career', { id: ana })).toEqual([]);
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    await moveAt('2026-02-10T10:00:00.000Z', ana, 'Litware', 'VP Design');
    const [first, second] = jobChangeIds();
    expect(await call(t.ctx, 'contacts:career', { id: ana })).toEqual([
      {
        organisation: 'Litware',
        title: 'VP Design',
        since: '2026-02-10T10:00:00.000Z',
        until: null,
        endedBy: null,
      },
      {
        organisation: 'Litware',
        title: 'Head of Design',
        since: '2024-06-03T10:00:00.000Z',
        until: '2026-02-10T10:00:00.000Z',
        endedBy: second,
      },
      {
        organisation: 'Northwind',
        title: 'Designer',
        since: null,
        until: '2024-06-03T10:00:00.000Z',
        endedBy: first,
      },
    ]);
  });

  it('reads a move recorded before roles were kept from its entry, without the old title', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    t.store.sqlite.prepare('DELETE FROM previous_roles').run();
    const career = await call(t.ctx, 'contacts:career', { id: ana });
    expect(career.map((s) => [s.organisation, s.title])).toEqual([
      ['Litware', 'Head of Design'],
      ['Northwind', null],
    ]);
  });

  it('loses nothing when the move is deleted from the journal and the delete undone', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    const before = await call(t.ctx, 'contacts:career', { id: ana });
    const { undoToken } = await call(t.ctx, 'journal:delete', { id: jobChangeIds()[0] as number });
    expect(await call(t.ctx, 'contacts:career', { id: ana })).toEqual([]);
    await call(t.ctx, 'journal:undoDelete', { token: undoToken });
    expect(await call(t.ctx, 'contacts:career', { id: ana })).toEqual(before);
    expect(before[1]).toMatchObject({ organisation: 'Northwind', title: 'Designer' });
  });

  it('refuses a contact that is not there and a malformed request', async () => {
    expect(await refused(t.ctx, 'contacts:career', { id: 404 })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no contact with id 404.',
    });
    expect((await refused(t.ctx, 'contacts:career', { id: 'one' })).code).toBe('VALIDATION');
  });
});
