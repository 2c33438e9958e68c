import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roleText } from '../../../src/shared/contacts/jobChange';
import { contentHash } from '../../support/dbHash';
import { addContact, call, fields, refused } from '../journal/call';
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
const moveAt = (iso: string, id: number, organisation: string, title: string, displayName = 'Ana Souza') => {
  clock = new Date(iso);
  return call(t.ctx, 'contacts:update', {
    id,
    fields: { displayName, organisation, title },
    jobChange: true,
  });
};
const nobodyElse = { people: [], total: 0 };
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
        alsoThere: nobodyElse,
      },
      {
        organisation: 'Litware',
        title: 'Head of Design',
        since: '2024-06-03T10:00:00.000Z',
        until: '2026-02-10T10:00:00.000Z',
        endedBy: second,
        // Said once per organisation, on the latest role there.
        alsoThere: null,
      },
      {
        organisation: 'Northwind',
        title: 'Designer',
        since: null,
        until: '2024-06-03T10:00:00.000Z',
        endedBy: first,
        alsoThere: nobodyElse,
      },
    ]);
  });

  it('names who else works at each organisation or did, there now first, then the latest to leave', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: ' litware ' });
    const cy = await addContact(t.ctx, 'Cy Park', { organisation: 'Northwind', title: 'Analyst' });
    const fay = await addContact(t.ctx, 'Fay Obi', { organisation: 'NORTHWIND', title: 'Engineer' });
    const eve = await addContact(t.ctx, 'Eve Adams', { organisation: 'Northwind' });
    const hal = await addContact(t.ctx, 'Hal Berg', { organisation: 'Northwind' });
    const dee = await addContact(t.ctx, 'Dee Ng', { organisation: 'Northwind' });
    await call(t.ctx, 'contacts:setArchived', { id: dee, archived: true });
    await moveAt('2024-01-10T10:00:00.000Z', fay, 'Globex', 'Engineer', 'Fay Obi');
    await moveAt('2025-05-10T10:00:00.000Z', cy, 'Contoso', 'Analyst', 'Cy Park');
    await moveAt('2026-02-10T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_photos (contact_id, mime, data, updated_at) VALUES (?, 'image/png', x'00', ?)`,
      )
      .run(eve, '2026-01-01T00:00:00.000Z');
    const career = await call(t.ctx, 'contacts:career', { id: ana });
    const person = (id: number, displayName: string, until: string | null, photo: string | null = null) => ({
      id,
      displayName,
      photo,
      until,
    });
    expect(career.map((r) => [r.organisation, r.alsoThere])).toEqual([
      ['Litware', { people: [person(ben, 'Ben Lee', null)], total: 1 }],
      [
        'Northwind',
        {
          people: [
            person(eve, 'Eve Adams', null, '2026-01-01T00:00:00.000Z'),
            person(hal, 'Hal Berg', null),
            person(cy, 'Cy Park', '2025-05-10T10:00:00.000Z'),
          ],
          // Fay left too, before Cy; Dee is archived.
          total: 4,
        },
      ],
    ]);
    // From Cy's side, Ana left Northwind after him, and is named first of those who left.
    const cys = await call(t.ctx, 'contacts:career', { id: cy });
    expect(cys[1].alsoThere?.people.map((p) => p.displayName)).toEqual([
      'Eve Adams',
      'Hal Berg',
      'Ana Souza',
    ]);
  });

  it('takes an organisation written in another case or spacing, accented letters too, as the same', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Øresund Bank', title: 'Analyst' });
    const jo = await addContact(t.ctx, 'Jo Berg', { organisation: 'ØRESUND  BANK' });
    const ka = await addContact(t.ctx, 'Ka Lund', { organisation: 'øresund bank' });
    await addContact(t.ctx, 'Lo Dahl', { organisation: 'Øresund Bankers' });
    await moveAt('2025-05-10T10:00:00.000Z', ana, 'Litware', 'Analyst');
    const [, bank] = await call(t.ctx, 'contacts:career', { id: ana });
    expect(bank.alsoThere?.people.map((p) => p.id)).toEqual([jo, ka]);
    // The list and its menu take them as one too (the menu in the spelling written most): "and N others" shows them all.
    const mia = await addContact(t.ctx, 'Mia Holm', { organisation: 'Øresund Bank' });
    const list = await call(t.ctx, 'contacts:list', { organisation: 'Øresund Bank', formerToo: true });
    expect(list.items.map((c) => c.displayName)).toEqual(['Ana Souza', 'Jo Berg', 'Ka Lund', 'Mia Holm']);
    expect((await call(t.ctx, 'contacts:list', { organisation: 'øresund bank' })).total).toBe(3);
    expect((await call(t.ctx, 'contacts:ids', { organisation: 'ØRESUND BANK' })).ids).toEqual([jo, ka, mia]);
    expect((await call(t.ctx, 'contacts:list', { organisation: 'Øresund' })).total).toBe(0);
    const { organisations } = await call(t.ctx, 'contacts:facets', {});
    expect(organisations.filter((o) => o.startsWith('Ø') || o.startsWith('ø'))).toEqual([
      'Øresund Bank',
      'Øresund Bankers',
    ]);
  });

  it('lets the list find who worked at an organisation, not only who works there', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Helios', title: 'Designer' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'helios' });
    await addContact(t.ctx, 'Cy Park', { organisation: 'Contoso' });
    await moveAt('2025-05-10T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    const names = async (filters: { organisation: string; formerToo?: boolean }) =>
      (await call(t.ctx, 'contacts:list', filters)).items.map((c) => c.displayName);
    expect(await names({ organisation: 'HELIOS' })).toEqual(['Ben Lee']);
    expect(await names({ organisation: 'Helios', formerToo: true })).toEqual(['Ana Souza', 'Ben Lee']);
    expect(await names({ organisation: 'Litware', formerToo: true })).toEqual(['Ana Souza']);
    expect((await call(t.ctx, 'contacts:ids', { organisation: 'helios', formerToo: true })).ids).toEqual([
      ana,
      ben,
    ]);
    // An organisation only a move names can be picked too.
    await moveAt('2026-01-10T10:00:00.000Z', ana, 'Globex', 'Head of Design');
    expect((await call(t.ctx, 'contacts:facets', {})).organisations).toEqual([
      'Contoso',
      'Globex',
      'Helios',
      'Litware',
    ]);
    // One spelling per organisation, as the filter matches them: the one written most often.
    await addContact(t.ctx, 'Di Ray', { organisation: 'helios' });
    expect((await call(t.ctx, 'contacts:facets', {})).organisations).toEqual([
      'Contoso',
      'Globex',
      'helios',
      'Litware',
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

  it('takes a role they held before everything recorded, as the move that ended it', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    // Nothing recorded yet: the role that followed is the one she holds.
    clock = new Date('2026-03-01T09:00:00.000Z');
    const career = await call(t.ctx, 'contacts:addEarlierRole', {
      id: ana,
      organisation: ' Contoso ',
      title: 'Intern',
      until: '2019-08-31',
    });
    expect(career.map((r) => [r.organisation, r.title, r.since, r.until])).toEqual([
      ['Northwind', 'Designer', '2019-08-31T12:00:00.000Z', null],
      ['Contoso', 'Intern', null, '2019-08-31T12:00:00.000Z'],
    ]);
    await moveAt('2026-02-10T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    // Before it, with the title only: the move is to the role her first recorded move ended.
    t.events.length = 0;
    await call(t.ctx, 'contacts:addEarlierRole', { id: ana, title: 'Student', until: '2015-06-30' });
    expect(t.events).toEqual([{ event: 'data:changed', payload: { domains: ['contacts', 'journal'] } }]);
    const entries = t.store.sqlite
      .prepare(
        `SELECT title, notes, starts_at FROM interactions WHERE kind = 'job_change' ORDER BY starts_at`,
      )
      .all();
    expect(entries).toEqual([
      {
        title: 'New position at Contoso: Intern',
        notes: 'Position: Intern',
        starts_at: '2015-06-30T12:00:00.000Z',
      },
      {
        title: 'Moved from Contoso to Northwind',
        notes: 'Position: Designer',
        starts_at: '2019-08-31T12:00:00.000Z',
      },
      {
        title: 'Moved from Northwind to Litware',
        notes: 'Position: Head of Design',
        starts_at: '2026-02-10T10:00:00.000Z',
      },
    ]);
    expect((await call(t.ctx, 'contacts:career', { id: ana })).map((r) => roleText(r))).toEqual([
      'Head of Design at Litware',
      'Designer at Northwind',
      'Intern at Contoso',
      'Student',
    ]);
  });

  it('takes a role they left between two recorded moves, and the move before it then goes to it', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await moveAt('2020-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    await moveAt('2026-02-10T10:00:00.000Z', ana, 'Globex', 'VP Design');
    const [litware] = jobChangeIds() as number[];
    t.store.sqlite
      .prepare(`UPDATE interactions SET notes = 'She told me at lunch' WHERE id = ?`)
      .run(litware);
    clock = new Date('2026-03-01T09:00:00.000Z');
    // LinkedIn says she was at Fabrikam in between: she left it for Litware in 2023.
    const career = await call(t.ctx, 'contacts:addEarlierRole', {
      id: ana,
      organisation: 'Fabrikam',
      title: 'Design Manager',
      until: '2023-01-15',
    });
    expect(career.map((r) => [roleText(r), r.since, r.until])).toEqual([
      ['VP Design at Globex', '2026-02-10T10:00:00.000Z', null],
      ['Head of Design at Litware', '2023-01-15T12:00:00.000Z', '2026-02-10T10:00:00.000Z'],
      ['Design Manager at Fabrikam', '2020-06-03T10:00:00.000Z', '2023-01-15T12:00:00.000Z'],
      ['Designer at Northwind', null, '2020-06-03T10:00:00.000Z'],
    ]);
    // The move before it went to Fabrikam; the notes she wrote there are hers and stay.
    const entries = t.store.sqlite
      .prepare(`SELECT title, notes FROM interactions WHERE kind = 'job_change' ORDER BY starts_at`)
      .all();
    expect(entries).toEqual([
      { title: 'Moved from Northwind to Fabrikam', notes: 'She told me at lunch' },
      { title: 'Moved from Fabrikam to Litware', notes: 'Position: Head of Design' },
      { title: 'Moved from Litware to Globex', notes: 'Position: VP Design' },
    ]);
    // After the last recorded move too: a role between it and the one she holds now.
    const latest = await call(t.ctx, 'contacts:addEarlierRole', {
      id: ana,
      organisation: 'Globex',
      title: 'Design Director',
      until: '2026-02-20',
    });
    expect(latest.slice(0, 2).map((r) => [roleText(r), r.since, r.until])).toEqual([
      ['VP Design at Globex', '2026-02-20T12:00:00.000Z', null],
      ['Design Director at Globex', '2026-02-10T10:00:00.000Z', '2026-02-20T12:00:00.000Z'],
    ]);
  });

  it('refuses a role left at the time of a recorded move, a day to come, or neither organisation nor title', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    await call(t.ctx, 'contacts:addEarlierRole', { id: ana, organisation: 'Acme', until: '2020-01-01' });
    const before = contentHash(t.store.sqlite);
    const refusal = (input: object) => refused(t.ctx, 'contacts:addEarlierRole', { id: ana, ...input });
    expect(await refusal({ organisation: 'Initech', until: '2020-01-01' })).toMatchObject({
      code: 'VALIDATION',
      message: 'A move is recorded at noon that day already; give the day before or after.',
    });
    expect(await refusal({ organisation: 'Acme', until: '2024-06-05' })).toMatchObject({
      message: 'The day they left it cannot be after today.',
    });
    expect(fields(await refusal({ organisation: ' ', until: '2020-01-01' }))).toEqual(['organisation']);
    expect(fields(await refusal({ organisation: 'Acme', until: '2020-02-30' }))).toEqual(['until']);
    expect(
      await refused(t.ctx, 'contacts:addEarlierRole', { id: 404, title: 'CTO', until: '2020-01-01' }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('puts a recorded role right, and the wording of the moves that began and ended it', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    await moveAt('2026-02-10T10:00:00.000Z', ana, 'Globex', 'VP Design');
    const [began, ended] = jobChangeIds() as number[];
    const entries = () =>
      t.store.sqlite
        .prepare(
          `SELECT title, notes, updated_at FROM interactions WHERE kind = 'job_change' ORDER BY starts_at`,
        )
        .all();
    clock = new Date('2026-03-01T09:00:00.000Z');
    t.events.length = 0;
    const career = await call(t.ctx, 'contacts:editRole', {
      id: ana,
      endedBy: ended,
      organisation: ' Litware Inc. ',
      title: 'Design Lead',
    });
    expect(t.events).toEqual([{ event: 'data:changed', payload: { domains: ['contacts', 'journal'] } }]);
    expect(career.map((r) => roleText(r))).toEqual([
      'VP Design at Globex',
      'Design Lead at Litware Inc.',
      'Designer at Northwind',
    ]);
    expect(career[1]).toMatchObject({ since: '2024-06-03T10:00:00.000Z', endedBy: ended });
    expect(entries()).toEqual([
      {
        title: 'Moved from Northwind to Litware Inc.',
        notes: 'Position: Design Lead',
        updated_at: '2026-03-01T09:00:00.000Z',
      },
      {
        title: 'Moved from Litware Inc. to Globex',
        notes: 'Position: VP Design',
        updated_at: '2026-03-01T09:00:00.000Z',
      },
    ]);

    // Words the user wrote on an entry stay theirs; what still says the move follows the role.
    t.store.sqlite.prepare(`UPDATE interactions SET title = 'Ana joins Litware!' WHERE id = ?`).run(began);
    await call(t.ctx, 'contacts:editRole', { id: ana, endedBy: ended, organisation: 'Litware', title: '' });
    expect(entries().map((e) => [(e as { title: string }).title, (e as { notes: string }).notes])).toEqual([
      ['Ana joins Litware!', ''],
      ['Moved from Litware to Globex', 'Position: VP Design'],
    ]);
    // The first role, read from its entry's wording (kept before roles were): its title filled in.
    t.store.sqlite.prepare('DELETE FROM previous_roles WHERE interaction_id = ?').run(began);
    await call(t.ctx, 'contacts:editRole', {
      id: ana,
      endedBy: began,
      organisation: 'Northwind',
      title: 'UX Designer',
    });
    // Both emptied: a role not known.
    const last = await call(t.ctx, 'contacts:editRole', {
      id: ana,
      endedBy: ended,
      organisation: '',
      title: '',
    });
    expect(last.map((r) => [r.organisation, r.title])).toEqual([
      ['Globex', 'VP Design'],
      [null, null],
      ['Northwind', 'UX Designer'],
    ]);
  });

  it('refuses to edit a role no job change of theirs ended, and a malformed request, changing nothing', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'Helios', title: 'Engineer' });
    await moveAt('2024-06-03T10:00:00.000Z', ana, 'Litware', 'Head of Design');
    await moveAt('2024-07-03T10:00:00.000Z', ben, 'Contoso', 'Engineer', 'Ben Lee');
    const [anas, bens] = jobChangeIds() as number[];
    const coffee = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2024-08-01T10:00:00Z',
      participants: [{ contactId: ana }],
    });
    const before = contentHash(t.store.sqlite);
    const edit = (input: object) =>
      refused(t.ctx, 'contacts:editRole', {
        id: ana,
        endedBy: anas,
        organisation: 'Acme',
        title: '',
        ...input,
      });
    for (const endedBy of [bens, coffee.id, 9999]) {
      expect(await edit({ endedBy })).toMatchObject({
        code: 'NOT_FOUND',
        message: `There is no job change ${endedBy} on this contact's timeline.`,
      });
    }
    expect(await edit({ id: 404 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(fields(await edit({ title: 'x'.repeat(201) }))).toEqual(['title']);
    expect(fields(await edit({ endedBy: 'first' }))).toEqual(['endedBy']);
    expect((await edit({ until: '2020-01-01' })).code).toBe('VALIDATION');
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('refuses a contact that is not there and a malformed request', async () => {
    expect(await refused(t.ctx, 'contacts:career', { id: 404 })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no contact with id 404.',
    });
    expect((await refused(t.ctx, 'contacts:career', { id: 'one' })).code).toBe('VALIDATION');
  });
});
