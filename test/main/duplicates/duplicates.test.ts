import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, refused } from '../journal/call';
import { mentionMarkdown } from '../../../src/shared/journal/mentions';
import { mailboxKey, nameKey, nameKeys } from '../../../src/main/duplicates/find';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const pairIds = (pairs: Array<{ a: { id: number }; b: { id: number }; reasons: string[] }>) =>
  pairs.map((p) => [p.a.id, p.b.id, p.reasons.join(',')]);

describe('duplicates', () => {
  it('pairs a shared mailbox, a shared phone, the same name and close names; unrelated people stay apart', async () => {
    const a = await addContact(t.ctx, 'Ana Souza', { emails: [{ email: 'ana.souza@gmail.com' }] });
    const b = await addContact(t.ctx, 'A. Souza', { emails: [{ email: 'anasouza+work@gmail.com' }] });
    const c = await addContact(t.ctx, 'Bruno Lima', { phones: [{ phone: '+55 11 5555-1234' }] });
    const d = await addContact(t.ctx, 'B Lima', { phones: [{ phone: '(11) 5555-1234' }] });
    const e = await addContact(t.ctx, 'José Núñez');
    const f = await addContact(t.ctx, 'nunez, jose');
    const g = await addContact(t.ctx, 'Katharina Schmidt');
    const h = await addContact(t.ctx, 'Katharina Schmitt');
    await addContact(t.ctx, 'Xavier Quinn');
    const pairs = await call(t.ctx, 'duplicates:list', {});
    expect(pairIds(pairs)).toEqual(
      expect.arrayContaining([
        [a, b, 'email,similar-name'],
        [c, d, 'phone,similar-name'],
        [e, f, 'same-name'],
        [g, h, 'similar-name'],
      ]),
    );
    expect(pairs).toHaveLength(4);
    expect(nameKey('  Núñez,  José ')).toBe('jose nunez');
    expect(mailboxKey('A.Na+x@GoogleMail.com')).toBe('ana@gmail.com');

    await call(t.ctx, 'duplicates:dismiss', { aId: h, bId: g });
    expect(pairIds(await call(t.ctx, 'duplicates:list', {}))).not.toContainEqual([g, h, 'similar-name']);
  });
});

describe('names', () => {
  it('are one name however a keyboard spells their letters, and umlauts also written out', () => {
    expect(nameKey('Michał Nowak')).toBe(nameKey('michal NOWAK'));
    expect(nameKey('Strauß, Jürgen')).toBe(nameKey('Jurgen Strauss'));
    expect(nameKey('Søren Ødegård')).toBe(nameKey('Soren Odegard'));
    expect(nameKey('İlkay Gündoğan')).toBe('gundogan ilkay');
    expect(nameKeys('Jonas Müller')).toEqual(['jonas muller', 'jonas mueller']);
    expect(nameKeys('Søren Ødegård')).toContain(nameKey('Soeren Oedegaard'));
    expect(nameKeys('Åsa Öberg')).toContain(nameKey('Aasa Oeberg'));
    // Written out only where the letter is: "Michael" is not "Michal", nor "Mueller" "Muller".
    expect(nameKeys('Michael Nowak')).toEqual([nameKey('Michael Nowak')]);
    expect(nameKey('Michael Nowak')).not.toBe(nameKey('Michał Nowak'));
    expect(nameKeys('Jonas Mueller')).toEqual(['jonas mueller']);
  });

  it('pair a contact with an umlaut and one with it written out as the same name', async () => {
    const a = await addContact(t.ctx, 'Jonas Müller');
    const b = await addContact(t.ctx, 'Mueller, Jonas');
    const c = await addContact(t.ctx, 'Jürgen Weiß');
    const d = await addContact(t.ctx, 'Juergen Weiss');
    const reasons = async (x: number, y: number) =>
      pairIds(await call(t.ctx, 'duplicates:list', {})).find((p) => p[0] === x && p[1] === y)?.[2];
    // Close spellings were already "similar"; now they are the same name, the stronger reason.
    expect(await reasons(a, b)).toBe('same-name,similar-name');
    expect(await reasons(c, d)).toBe('same-name,similar-name');
  });
});

describe('merge', () => {
  it('moves every row to the kept contact in one step, picks fields, and undoes exactly', async () => {
    const keep = await addContact(t.ctx, 'Ana Souza', {
      organisation: 'Nubank',
      circles: ['colleague'],
      emails: [{ email: 'ana@nubank.example' }],
      tags: ['payments'],
    });
    const remove = await addContact(t.ctx, 'Ana S.', {
      title: 'Staff Engineer',
      organisation: 'Old Co',
      birthday: '--04-12',
      location: 'São Paulo, Brazil',
      circles: ['colleague', 'mentor'],
      emails: [{ email: 'ana@home.example' }],
      phones: [{ phone: '+55 11 5555-1234' }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ana' }],
      tags: ['payments', 'ml'],
    });
    const other = await addContact(t.ctx, 'Bruno');
    // A table added by a later feature (like goal links): merge must move its rows without knowing it.
    t.store.sqlite.exec(`CREATE TABLE test_goal_links (
      goal TEXT NOT NULL, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE)`);
    t.store.sqlite.prepare(`INSERT INTO test_goal_links VALUES ('meet 5 sponsors', ?)`).run(remove);
    const shared = await call(t.ctx, 'journal:create', {
      kind: 'meeting',
      title: 'Both were there',
      startsAt: '2026-01-05T10:00:00Z',
      participants: [{ contactId: keep }, { contactId: remove }, { contactId: other }],
    });
    const onlyRemoved = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-01-06T10:00:00Z',
      participants: [{ contactId: remove }],
    });
    const mention = await call(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: '2026-01-07T10:00:00Z',
      notes: `Ask ${mentionMarkdown(remove, 'Ana S.')} about ML`,
    });
    const beforeKeep = await call(t.ctx, 'contacts:get', { id: keep });
    const beforeRemove = await call(t.ctx, 'contacts:get', { id: remove });
    const beforeTimeline = await call(t.ctx, 'journal:timeline', { contactId: remove });

    const result = await call(t.ctx, 'duplicates:merge', {
      keepId: keep,
      removeId: remove,
      pick: { title: 'remove', displayName: 'keep', birthday: 'remove', location: 'remove' },
    });
    const merged = await call(t.ctx, 'contacts:get', { id: keep });
    expect(merged.displayName).toBe('Ana Souza');
    expect(merged.title).toBe('Staff Engineer');
    expect(merged.birthday).toBe('--04-12');
    expect(merged.location).toBe('São Paulo, Brazil');
    expect(merged.organisation).toBe('Nubank');
    expect(merged.circles).toEqual(['colleague', 'mentor']);
    expect(merged.emails.map((e) => e.email).sort()).toEqual(['ana@home.example', 'ana@nubank.example']);
    expect(merged.phones).toHaveLength(1);
    expect(merged.links).toHaveLength(1);
    expect(merged.tags).toEqual(['ml', 'payments']);
    expect((await refused(t.ctx, 'contacts:get', { id: remove })).code).toBe('NOT_FOUND');
    const timeline = await call(t.ctx, 'journal:timeline', { contactId: keep });
    expect(timeline.items.map((i) => i.id).sort()).toEqual([shared.id, onlyRemoved.id, mention.id].sort());
    expect((await call(t.ctx, 'journal:get', { id: shared.id })).participants).toHaveLength(2);
    expect((await call(t.ctx, 'journal:get', { id: mention.id })).notes).toContain(
      `rapport://contact/${keep})`,
    );
    expect(t.store.sqlite.prepare('SELECT contact_id FROM test_goal_links').pluck().all()).toEqual([keep]);
    expect(result.moved.test_goal_links).toBe(1);
    expect((await call(t.ctx, 'search:query', { query: 'Ana S' })).contacts.map((c) => c.id)).toEqual([keep]);

    await call(t.ctx, 'duplicates:undoMerge', { token: result.undoToken });
    expect(await call(t.ctx, 'contacts:get', { id: keep })).toEqual(beforeKeep);
    expect(await call(t.ctx, 'contacts:get', { id: remove })).toEqual(beforeRemove);
    expect(await call(t.ctx, 'journal:timeline', { contactId: remove })).toEqual(beforeTimeline);
    expect((await call(t.ctx, 'journal:get', { id: shared.id })).participants).toHaveLength(3);
    expect((await call(t.ctx, 'journal:get', { id: mention.id })).notes).toContain(
      `rapport://contact/${remove})`,
    );
    expect(t.store.sqlite.prepare('SELECT contact_id FROM test_goal_links').pluck().all()).toEqual([remove]);
    expect((await refused(t.ctx, 'duplicates:undoMerge', { token: result.undoToken })).code).toBe(
      'NOT_FOUND',
    );
  });

  it("gives the kept contact the removed one's pin, place and photo where it had none, and undo takes them back", async () => {
    const keep = await addContact(t.ctx, 'Ana Souza');
    const remove = await addContact(t.ctx, 'Ana S.');
    await call(t.ctx, 'strength:setPin', { contactId: remove, layer: 'inner' });
    await call(t.ctx, 'graph:savePositions', { positions: [{ contactId: remove, x: 12.5, y: -3 }] });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await call(t.ctx, 'contacts:setPhoto', { id: remove, mime: 'image/png', base64: png.toString('base64') });
    const rows = () =>
      ['strength_pins', 'graph_positions', 'contact_photos'].map(
        (table) =>
          t.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY contact_id`).raw().all() as unknown[][],
      );
    const before = rows();

    const result = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    const [pins, places, photos] = rows();
    expect(pins.map((r) => r.slice(0, 2))).toEqual([[keep, 'inner']]);
    expect(places.map((r) => r.slice(0, 3))).toEqual([[keep, 12.5, -3]]);
    expect(photos.map((r) => r.slice(0, 3))).toEqual([[keep, 'image/png', png]]);

    await call(t.ctx, 'duplicates:undoMerge', { token: result.undoToken });
    expect(rows()).toEqual(before);
  });

  it('refuses merging a contact with itself or a missing one and changes nothing', async () => {
    const keep = await addContact(t.ctx, 'Ana');
    expect((await refused(t.ctx, 'duplicates:merge', { keepId: keep, removeId: keep })).code).toBe(
      'VALIDATION',
    );
    expect((await refused(t.ctx, 'duplicates:merge', { keepId: keep, removeId: 999 })).code).toBe(
      'NOT_FOUND',
    );
    expect(t.store.sqlite.prepare('SELECT count(*) FROM undo_snapshots').pluck().get()).toBe(0);
  });

  it('rolls everything back when a step fails half way', async () => {
    const keep = await addContact(t.ctx, 'Ana', { emails: [{ email: 'a@x.example' }] });
    const remove = await addContact(t.ctx, 'Ana 2', { emails: [{ email: 'b@x.example' }] });
    // A table whose rows cannot move (a CHECK the kept id fails) makes the UPDATE abort mid-merge.
    t.store.sqlite.exec(`CREATE TABLE test_strict (contact_id INTEGER NOT NULL REFERENCES contacts(id)
      ON DELETE RESTRICT CHECK (contact_id <> ${keep}))`);
    t.store.sqlite.prepare('INSERT INTO test_strict VALUES (?)').run(remove);
    const error = await refused(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    expect(error.code).toBe('INTERNAL');
    expect((await call(t.ctx, 'contacts:get', { id: remove })).emails).toEqual([
      { email: 'b@x.example', label: null },
    ]);
    expect(t.store.sqlite.prepare('SELECT count(*) FROM undo_snapshots').pluck().get()).toBe(0);
  });
});

describe('merging contacts with relationships', () => {
  const related = async (contactId: number) =>
    (await call(t.ctx, 'relationships:list', { contactId })).map(
      (r) => `${r.kind}/${r.side} ${r.other.displayName}`,
    );

  it('moves them to the kept contact, drops what would link the person to themself or repeat, and undo puts all back', async () => {
    // Ben between the two, so the moved "knows" ends up the other way round from the kept one.
    const keep = await addContact(t.ctx, 'Ana Souza');
    const ben = await addContact(t.ctx, 'Ben Lee');
    const remove = await addContact(t.ctx, 'Ana S.');
    const cy = await addContact(t.ctx, 'Cy Twombly');
    await call(t.ctx, 'relationships:add', { fromId: keep, toId: ben, kind: 'knows' });
    await call(t.ctx, 'relationships:add', { fromId: ben, toId: remove, kind: 'knows' }); // the same, once merged
    await call(t.ctx, 'relationships:add', { fromId: remove, toId: cy, kind: 'introduced_by' });
    await call(t.ctx, 'relationships:add', { fromId: remove, toId: keep, kind: 'works_with' }); // to themself, once merged
    const before = {
      keep: await related(keep),
      remove: await related(remove),
      ben: await related(ben),
      cy: await related(cy),
    };

    const result = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove, pick: {} });
    expect(await related(keep)).toEqual(['knows/from Ben Lee', 'introduced_by/from Cy Twombly']);
    expect(await related(ben)).toEqual(['knows/to Ana Souza']);
    expect(await related(cy)).toEqual(['introduced_by/to Ana Souza']);

    await call(t.ctx, 'duplicates:undoMerge', { token: result.undoToken });
    expect({
      keep: await related(keep),
      remove: await related(remove),
      ben: await related(ben),
      cy: await related(cy),
    }).toEqual(before);
  });
});
