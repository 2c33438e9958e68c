import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from '../journal/call';

let now = new Date('2026-11-26T08:00:00.000Z');
let t: TempStore;
let ana: number;
let ben: number;

beforeEach(async () => {
  t = await tempStore(() => now);
  ana = await addContact(t.ctx, 'Ana Souza');
  ben = await addContact(t.ctx, 'Ben Lee');
});
afterEach(async () => {
  await t.cleanup();
});

const texts = async (input: Parameters<typeof call<'followups:list'>>[2] = {}) =>
  (await call(t.ctx, 'followups:list', input)).items.map((f) => f.text);

describe('follow-ups', () => {
  it('keeps the next step with a person, and lists open ones by due date, undated last', async () => {
    const deck = await call(t.ctx, 'followups:create', {
      contactId: ana,
      text: '  Send the deck ',
      dueOn: '2026-12-01',
    });
    expect(deck).toEqual({
      id: deck.id,
      contactId: ana,
      contactName: 'Ana Souza',
      contactPhoto: null,
      text: 'Send the deck',
      dueOn: '2026-12-01',
      doneAt: null,
      createdAt: now.toISOString(),
    });
    await call(t.ctx, 'followups:create', { contactId: ben, text: 'Ask about the staff role' });
    await call(t.ctx, 'followups:create', { contactId: ben, text: 'Intro to Cy', dueOn: '2026-11-20' });
    await call(t.ctx, 'followups:create', { contactId: ana, text: 'Book a coffee' });
    expect(await texts()).toEqual([
      'Intro to Cy',
      'Send the deck',
      'Ask about the staff role',
      'Book a coffee',
    ]);
    expect(await texts({ contactId: ana })).toEqual(['Send the deck', 'Book a coffee']);
    // Due by a day: what the sidebar counts (today and overdue), never the undated ones.
    const due = await call(t.ctx, 'followups:list', { dueBy: '2026-11-30', limit: 1 });
    expect([due.items.map((f) => f.text), due.total]).toEqual([['Intro to Cy'], 1]);
    expect((await call(t.ctx, 'followups:list', { dueBy: '2026-12-01' })).total).toBe(2);
    const page = await call(t.ctx, 'followups:list', { limit: 2 });
    expect(page.items.map((f) => f.text)).toEqual(['Intro to Cy', 'Send the deck']);
    expect(page.total).toBe(4);
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['followups'] } });
  });

  it("carries their photo's version, so the dashboard shows whose each one is", async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await call(t.ctx, 'contacts:setPhoto', { id: ana, mime: 'image/png', base64: png });
    await call(t.ctx, 'followups:create', { contactId: ana, text: 'Send the deck' });
    await call(t.ctx, 'followups:create', { contactId: ben, text: 'Intro to Cy' });
    const items = (await call(t.ctx, 'followups:list', {})).items;
    expect(items.map((f) => [f.contactName, f.contactPhoto])).toEqual([
      ['Ana Souza', now.toISOString()],
      ['Ben Lee', null],
    ]);
  });

  it('marks done and open again; done ones list most recent first', async () => {
    const a = await call(t.ctx, 'followups:create', { contactId: ana, text: 'First' });
    const b = await call(t.ctx, 'followups:create', { contactId: ana, text: 'Second' });
    const doneA = await call(t.ctx, 'followups:setDone', { id: a.id, done: true });
    expect(doneA.doneAt).toBe(now.toISOString());
    now = new Date('2026-11-27T08:00:00.000Z');
    await call(t.ctx, 'followups:setDone', { id: b.id, done: true });
    // Done again keeps the first time.
    expect((await call(t.ctx, 'followups:setDone', { id: a.id, done: true })).doneAt).toBe(doneA.doneAt);
    expect(await texts()).toEqual([]);
    expect(await texts({ status: 'done' })).toEqual(['Second', 'First']);
    expect((await call(t.ctx, 'followups:setDone', { id: a.id, done: false })).doneAt).toBeNull();
    expect(await texts({ contactId: ana })).toEqual(['First']);
  });

  it('edits the text and moves or clears the due day, which reorders the list', async () => {
    const deck = await call(t.ctx, 'followups:create', {
      contactId: ana,
      text: 'Send the deck',
      dueOn: '2026-11-20',
    });
    await call(t.ctx, 'followups:create', { contactId: ben, text: 'Intro to Cy', dueOn: '2026-11-28' });
    expect(await texts({ dueBy: '2026-11-26' })).toEqual(['Send the deck']);

    // A snooze: only the day changes, and the overdue step is no longer due.
    const snoozed = await call(t.ctx, 'followups:update', { id: deck.id, dueOn: '2026-12-03' });
    expect(snoozed).toEqual({ ...deck, dueOn: '2026-12-03' });
    expect(await texts({ dueBy: '2026-11-26' })).toEqual([]);
    expect(await texts()).toEqual(['Intro to Cy', 'Send the deck']);
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['followups'] } });

    const edited = await call(t.ctx, 'followups:update', { id: deck.id, text: '  Send the v2 deck ' });
    expect([edited.text, edited.dueOn]).toEqual(['Send the v2 deck', '2026-12-03']);
    // Null clears the day: undated ones go last.
    await call(t.ctx, 'followups:update', { id: deck.id, dueOn: null });
    const both = await call(t.ctx, 'followups:update', {
      id: deck.id,
      text: 'Send the deck',
      dueOn: '2026-11-27',
    });
    expect([both.text, both.dueOn, both.doneAt, both.createdAt]).toEqual([
      'Send the deck',
      '2026-11-27',
      null,
      deck.createdAt,
    ]);
    expect(await texts()).toEqual(['Send the deck', 'Intro to Cy']);

    const before = contentHash(t.store.sqlite);
    expect(fields(await refused(t.ctx, 'followups:update', { id: deck.id }))).toEqual(['text']);
    expect(fields(await refused(t.ctx, 'followups:update', { id: deck.id, text: ' ' }))).toEqual(['text']);
    expect(fields(await refused(t.ctx, 'followups:update', { id: deck.id, dueOn: '2026-11-31' }))).toEqual([
      'dueOn',
    ]);
    expect(
      fields(await refused(t.ctx, 'followups:update', { id: deck.id, text: 'x', contactId: ben })),
    ).toEqual(['']);
    expect(await refused(t.ctx, 'followups:update', { id: 9999, text: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no follow-up with id 9999.',
    });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('deletes one and returns it, and goes with a deleted or merged contact', async () => {
    const a = await call(t.ctx, 'followups:create', { contactId: ana, text: 'Send the deck' });
    expect(await call(t.ctx, 'followups:delete', { id: a.id })).toEqual(a);
    expect(await refused(t.ctx, 'followups:delete', { id: a.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no follow-up with id ${a.id}.`,
    });

    // The undo of a delete puts it back as it was: its id, due day, done time and creation time.
    now = new Date('2026-11-27T09:00:00.000Z');
    const dated = await call(t.ctx, 'followups:create', {
      contactId: ana,
      text: 'Thank her',
      dueOn: '2026-11-30',
    });
    const done = await call(t.ctx, 'followups:setDone', { id: dated.id, done: true });
    const {
      contactName: _name,
      contactPhoto: _photo,
      ...deleted
    } = await call(t.ctx, 'followups:delete', {
      id: dated.id,
    });
    now = new Date('2026-11-28T09:00:00.000Z');
    expect(await call(t.ctx, 'followups:restore', deleted)).toEqual(done);
    expect((await call(t.ctx, 'followups:list', { status: 'done' })).items).toEqual([done]);
    const before = contentHash(t.store.sqlite);
    expect(await refused(t.ctx, 'followups:restore', deleted)).toMatchObject({
      code: 'CONFLICT',
      message: `Follow-up ${dated.id} is already there; nothing was changed.`,
    });
    expect(await refused(t.ctx, 'followups:restore', { ...deleted, id: 500, contactId: 9999 })).toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    expect(
      fields(await refused(t.ctx, 'followups:restore', { ...deleted, id: 500, createdAt: 'yesterday' })),
    ).toEqual(['createdAt']);
    expect(contentHash(t.store.sqlite)).toBe(before);
    await call(t.ctx, 'followups:delete', { id: dated.id });
    await call(t.ctx, 'followups:create', { contactId: ben, text: 'Ask about the staff role' });
    await call(t.ctx, 'duplicates:merge', { keepId: ana, removeId: ben, pick: {} });
    expect((await call(t.ctx, 'followups:list', {})).items.map((f) => [f.contactName, f.text])).toEqual([
      ['Ana Souza', 'Ask about the staff role'],
    ]);
    await call(t.ctx, 'contacts:delete', { id: ana });
    expect(await texts()).toEqual([]);
  });

  it('refuses a blank step, a date that is not a day, an unknown contact or id, and writes nothing', async () => {
    const before = contentHash(t.store.sqlite);
    expect(fields(await refused(t.ctx, 'followups:create', { contactId: ana, text: '   ' }))).toEqual([
      'text',
    ]);
    expect(
      fields(await refused(t.ctx, 'followups:create', { contactId: ana, text: 'x', dueOn: '2026-02-30' })),
    ).toEqual(['dueOn']);
    expect(
      fields(await refused(t.ctx, 'followups:create', { contactId: ana, text: 'x'.repeat(301) })),
    ).toEqual(['text']);
    expect(await refused(t.ctx, 'followups:create', { contactId: 9999, text: 'x' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no contact with id 9999; nothing was changed.',
    });
    expect(await refused(t.ctx, 'followups:setDone', { id: 9999, done: true })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(fields(await refused(t.ctx, 'followups:list', { status: 'late' }))).toEqual(['status']);
    expect(fields(await refused(t.ctx, 'followups:setDone', { id: 1 }))).toEqual(['done']);
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('comes with a new journal entry in one write, with someone listed on it', async () => {
    const entry = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-11-25T09:00:00.000Z',
      participants: [{ contactId: ana }, { contactId: ben }],
      followUp: { contactId: ben, text: 'Send Ben the deck', dueOn: '2026-11-28' },
    });
    expect(entry.participants.map((p) => p.contactId)).toEqual([ana, ben]);
    expect((await call(t.ctx, 'followups:list', { contactId: ben })).items).toMatchObject([
      { text: 'Send Ben the deck', dueOn: '2026-11-28', doneAt: null },
    ]);

    const before = contentHash(t.store.sqlite);
    const stranger = await refused(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-11-25T09:00:00.000Z',
      participants: [{ contactId: ana }],
      followUp: { contactId: ben, text: 'Not on the entry' },
    });
    expect(fields(stranger)).toEqual(['followUp.contactId']);
    expect(
      fields(
        await refused(t.ctx, 'journal:create', {
          kind: 'coffee',
          startsAt: '2026-11-25T09:00:00.000Z',
          participants: [{ contactId: ana }],
          followUp: { contactId: ana, text: ' ' },
        }),
      ),
    ).toEqual(['followUp.text']);
    expect(contentHash(t.store.sqlite)).toBe(before);

    // A follow-up that cannot be written takes the entry with it.
    t.store.sqlite.exec(
      `CREATE TRIGGER test_refuse BEFORE INSERT ON follow_ups BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    const journalBefore = (await call(t.ctx, 'journal:list', {})).total;
    const failed = await refused(t.ctx, 'journal:create', {
      kind: 'call',
      startsAt: '2026-11-25T10:00:00.000Z',
      participants: [{ contactId: ana }],
      followUp: { contactId: ana, text: 'Call back' },
    });
    expect(failed.code).toBe('INTERNAL');
    expect((await call(t.ctx, 'journal:list', {})).total).toBe(journalBefore);
  });
});
