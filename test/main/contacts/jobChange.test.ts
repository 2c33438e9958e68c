import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact, call, refused } from '../journal/call';
import { tempStore, type TempStore } from '../../support/store';

let clock = new Date('2026-10-01T09:00:00.000Z');
let t: TempStore;
beforeEach(async () => {
  clock = new Date('2026-10-01T09:00:00.000Z');
  t = await tempStore(() => clock);
});
afterEach(async () => {
  await t.cleanup();
});

const at = (iso: string) => {
  clock = new Date(iso);
};

interface EntryRow {
  kind: string;
  title: string;
  notes: string;
  starts_at: string;
  source: string;
  contact_id: number;
  role: string;
}
const entries = () =>
  t.store.sqlite
    .prepare(
      `SELECT i.kind, i.title, i.notes, i.starts_at, i.source, p.contact_id, p.role
       FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id ORDER BY i.id`,
    )
    .all() as EntryRow[];
const lastContact = (id: number) =>
  t.store.sqlite.prepare('SELECT last_contact_at FROM contacts WHERE id = ?').pluck().get(id);
/** Saves another organisation (and title) on a contact's page, with the box to record the move ticked. */
const move = (id: number, displayName: string, organisation: string, title?: string) =>
  call(t.ctx, 'contacts:update', { id, fields: { displayName, organisation, title }, jobChange: true });

describe('a job change recorded from the contact form', () => {
  it('puts the move on their timeline as news, in the same save, and says so to the journal', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-09-20T08:00:00Z',
      participants: [{ contactId: ana }],
    });
    at('2026-10-02T10:00:00.000Z');
    t.events.length = 0;
    const saved = await move(ana, 'Ana Souza', 'Litware', 'Head of Design');
    expect(saved).toMatchObject({ organisation: 'Litware', title: 'Head of Design' });
    expect(entries().filter((e) => e.kind === 'job_change')).toEqual([
      {
        kind: 'job_change',
        title: 'Moved from Northwind to Litware',
        notes: 'Position: Head of Design',
        starts_at: '2026-10-02T10:00:00.000Z',
        source: 'manual',
        contact_id: ana,
        role: 'mentioned',
      },
    ]);
    // News about her is not time spent with her.
    expect(lastContact(ana)).toBe('2026-09-20T08:00:00.000Z');
    expect(t.events).toEqual([{ event: 'data:changed', payload: { domains: ['contacts', 'journal'] } }]);
    const timeline = await call(t.ctx, 'journal:timeline', { contactId: ana });
    expect(timeline.items.map((i) => i.title)).toEqual(['Moved from Northwind to Litware', '']);
  });

  it('goes with the contact when they are deleted; the meetings with them stay', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'Acme' });
    await move(ana, 'Ana Souza', 'Litware');
    await move(ben, 'Ben Lee', 'Contoso');
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-09-20T08:00:00Z',
      participants: [{ contactId: ana }, { contactId: ben }],
    });
    await call(t.ctx, 'contacts:delete', { id: ana });
    expect(t.store.sqlite.prepare('SELECT kind, title FROM interactions ORDER BY id').all()).toEqual([
      { kind: 'job_change', title: 'Moved from Acme to Contoso' },
      { kind: 'coffee', title: '' },
    ]);
  });

  it('records nothing unless asked, nor when only a gap was filled or the case changed', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    const ben = await addContact(t.ctx, 'Ben Lee', { title: 'CTO' });
    await call(t.ctx, 'contacts:update', {
      id: ana,
      fields: { displayName: 'Ana Souza', organisation: 'Litware', title: 'Designer' },
    });
    await move(ana, 'Ana Souza', 'LITWARE ', 'designer');
    await move(ben, 'Ben Lee', 'Acme', 'CTO');
    expect(entries()).toEqual([]);
  });

  it('writes neither the fields nor the entry when the save is refused', async () => {
    await addContact(t.ctx, 'Ben Lee', { emails: [{ email: 'ben@acme.test' }] });
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind' });
    const error = await refused(t.ctx, 'contacts:update', {
      id: ana,
      fields: { displayName: 'Ana Souza', organisation: 'Litware', emails: [{ email: 'ben@acme.test' }] },
      jobChange: true,
    });
    expect(error.code).toBe('CONFLICT');
    expect((await call(t.ctx, 'contacts:get', { id: ana })).organisation).toBe('Northwind');
    expect(entries()).toEqual([]);
    const malformed = await refused(t.ctx, 'contacts:update', {
      id: ana,
      fields: { displayName: 'Ana Souza', organisation: 'Litware' },
      jobChange: 'yes',
    });
    expect(malformed.code).toBe('VALIDATION');
    expect((await call(t.ctx, 'contacts:get', { id: ana })).organisation).toBe('Northwind');
  });
});

describe("the dashboard's new jobs", () => {
  it('lists each person once, latest change, those not yet congratulated first, within 60 days', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind', title: 'Designer' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'Acme', title: 'Engineer' });
    const cleo = await addContact(t.ctx, 'Cleo Park', { organisation: 'Initech' });
    const dan = await addContact(t.ctx, 'Dan Wu', { organisation: 'Globex' });
    at('2026-07-01T09:00:00.000Z');
    await move(dan, 'Dan Wu', 'Umbrella');
    at('2026-09-01T09:00:00.000Z');
    await move(ana, 'Ana Souza', 'Litware', 'Designer');
    at('2026-09-10T09:00:00.000Z');
    await move(ana, 'Ana Souza', 'Litware', 'Head of Design');
    at('2026-09-15T09:00:00.000Z');
    await move(ben, 'Ben Lee', 'Contoso', 'Engineer');
    at('2026-09-20T09:00:00.000Z');
    await move(cleo, 'Cleo Park', 'Hooli');
    // A call with Ben since his move; a lunch planned with Cleo is not yet contact.
    await call(t.ctx, 'journal:create', {
      kind: 'call',
      startsAt: '2026-09-25T09:00:00Z',
      participants: [{ contactId: ben }],
    });
    await call(t.ctx, 'journal:create', {
      kind: 'meeting',
      title: 'Lunch',
      startsAt: '2026-10-20T12:00:00Z',
      participants: [{ contactId: cleo }],
    });
    at('2026-10-01T09:00:00.000Z');
    const { jobChanges, jobChangesWaiting } = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(jobChangesWaiting).toBe(2);
    expect(jobChanges.map((j) => [j.displayName, j.title, j.at, j.inTouchSince])).toEqual([
      ['Cleo Park', 'Moved from Initech to Hooli', '2026-09-20T09:00:00.000Z', false],
      ['Ana Souza', 'New position at Litware: Head of Design', '2026-09-10T09:00:00.000Z', false],
      ['Ben Lee', 'Moved from Acme to Contoso', '2026-09-15T09:00:00.000Z', true],
    ]);
    expect(jobChanges[0]).toMatchObject({ contactId: cleo, photo: null });
    await call(t.ctx, 'contacts:setArchived', { id: cleo, archived: true });
    const later = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    expect(later.jobChanges.map((j) => j.displayName)).toEqual(['Ana Souza', 'Ben Lee']);
    expect(later.jobChangesWaiting).toBe(1);
  });
});

describe('dismissing a job change', () => {
  it('takes it off New jobs and the waiting count, keeps it on the timeline, and puts it back on undo', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'Acme' });
    at('2026-09-20T09:00:00.000Z');
    await move(ana, 'Ana Souza', 'Litware');
    await move(ben, 'Ben Lee', 'Contoso');
    at('2026-10-01T09:00:00.000Z');
    const board = () => call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    const [first] = (await board()).jobChanges.filter((j) => j.contactId === ana);
    expect(await call(t.ctx, 'dashboard:dismissJobChange', { interactionId: first.interactionId })).toEqual({
      dismissed: true,
    });
    // Twice is still once.
    await call(t.ctx, 'dashboard:dismissJobChange', { interactionId: first.interactionId });
    const after = await board();
    expect([after.jobChanges.map((j) => j.displayName), after.jobChangesWaiting]).toEqual([['Ben Lee'], 1]);
    const timeline = await call(t.ctx, 'journal:timeline', { contactId: ana });
    expect(timeline.items.map((i) => i.title)).toEqual(['Moved from Northwind to Litware']);
    await call(t.ctx, 'dashboard:dismissJobChange', { interactionId: first.interactionId, dismissed: false });
    expect((await board()).jobChangesWaiting).toBe(2);
  });

  it("is what the contact's page says too: their latest move, until dismissed", async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { organisation: 'Northwind' });
    const ben = await addContact(t.ctx, 'Ben Lee', { organisation: 'Acme' });
    at('2026-09-20T09:00:00.000Z');
    await move(ana, 'Ana Souza', 'Litware');
    at('2026-10-01T09:00:00.000Z');
    const anas = await call(t.ctx, 'contacts:newJob', { id: ana });
    expect(anas).toMatchObject({
      contactId: ana,
      title: 'Moved from Northwind to Litware',
      inTouchSince: false,
    });
    expect(await call(t.ctx, 'contacts:newJob', { id: ben })).toBeNull();
    await call(t.ctx, 'dashboard:dismissJobChange', { interactionId: anas!.interactionId });
    expect(await call(t.ctx, 'contacts:newJob', { id: ana })).toBeNull();
  });

  it('refuses what is not a job change, naming it, and a malformed request', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza');
    const coffee = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-09-20T08:00:00Z',
      participants: [{ contactId: ana }],
    });
    const notOne = await refused(t.ctx, 'dashboard:dismissJobChange', { interactionId: coffee.id });
    expect([notOne.code, notOne.message]).toEqual([
      'NOT_FOUND',
      `There is no job change with id ${coffee.id}; nothing was changed.`,
    ]);
    const malformed = await refused(t.ctx, 'dashboard:dismissJobChange', { interactionId: 'one' });
    expect(malformed.code).toBe('VALIDATION');
    expect(t.store.sqlite.prepare('SELECT count(*) FROM job_change_dismissals').pluck().get()).toBe(0);
  });
});
