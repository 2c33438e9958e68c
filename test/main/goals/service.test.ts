import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { call, refused, seeder } from './seed';
import { mergeContacts } from '../../../src/main/duplicates/merge';
import { goalTemplates } from '../../../src/shared/goals/templates';

let t: TempStore;
let s: ReturnType<typeof seeder>;
let now = new Date('2026-11-25T12:00:00.000Z');
beforeEach(async () => {
  now = new Date('2026-11-25T12:00:00.000Z');
  t = await tempStore(() => now);
  s = seeder(t);
  await call(t.ctx, 'goals:setPrefs', { weekStart: 1, timeZone: 'Europe/Berlin' });
});
afterEach(async () => {
  await t.cleanup();
});

const coffeesWithMentors = {
  title: '2 coffees with mentors a month',
  startDate: '2026-01-01',
  measure: 'count' as const,
  target: 2,
  period: 'month' as const,
  filter: { kinds: ['coffee' as const], circles: ['mentor' as const] },
};

describe('count goals', () => {
  it('counts matching interactions, lists them and their people, and keeps check-ins apart', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const bob = s.contact('Bob', { circles: ['colleague'] });
    const goal = await call(t.ctx, 'goals:create', coffeesWithMentors);
    const first = s.interaction('coffee', '2026-11-03T08:00:00.000Z', [maria, bob]);
    s.interaction('coffee', '2026-11-04T08:00:00.000Z', [bob]);
    s.interaction('meeting', '2026-11-05T08:00:00.000Z', [maria]);
    let d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({
      key: '2026-11',
      fromData: 1,
      fromCheckins: 0,
      value: 1,
      target: 2,
      met: false,
    });
    expect(d.interactions.map((i) => [i.id, i.contactIds])).toEqual([[first, [maria]]]);
    expect(d.people.map((p) => p.id)).toEqual([maria]);

    await call(t.ctx, 'goals:addCheckin', {
      goalId: goal.id,
      date: '2026-11-20',
      amount: 1,
      note: 'Coffee I forgot to log',
    });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ fromData: 1, fromCheckins: 1, value: 2, met: true });
    expect(d.checkins).toHaveLength(1);
    await call(t.ctx, 'goals:deleteCheckin', { id: d.checkins[0].id });
    expect((await call(t.ctx, 'goals:get', { id: goal.id })).current?.value).toBe(1);
  });

  it('counts the people at an organisation however its name is written: case, accented letters, spacing', async () => {
    const jo = s.contact('Jo', { organisation: 'ØRESUND  BANK' });
    const ka = s.contact('Ka', { organisation: 'øresund bank' });
    const lo = s.contact('Lo', { organisation: 'Øresund Bankers' });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Meet three people at the bank this quarter',
      startDate: '2026-10-01',
      measure: 'people',
      target: 3,
      period: 'quarter',
      filter: { organisations: ['Øresund Bank'] },
    });
    s.interaction('coffee', '2026-11-03T08:00:00.000Z', [jo, ka, lo]);
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 2, target: 3 });
    expect(d.people.map((p) => p.id).sort()).toEqual([jo, ka].sort());
  });

  it('counts the people met in a city, stores the cities, and follows a contact who moves there', async () => {
    const lena = s.contact('Lena', { location: 'Berlin, Germany' });
    const rui = s.contact('Rui', { location: 'Lisbon' });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Meet 3 people in Berlin this quarter',
      startDate: '2026-10-01',
      measure: 'people',
      target: 3,
      period: 'quarter',
      filter: { kinds: ['coffee', 'meeting'], cities: [' berlin '] },
    });
    expect(goal.filter.cities).toEqual(['berlin']);
    s.interaction('coffee', '2026-11-03T08:00:00.000Z', [lena, rui]);
    s.interaction('meeting', '2026-11-10T08:00:00.000Z', [lena]);
    let d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 1, target: 3, met: false });
    expect(d.people.map((p) => p.id)).toEqual([lena]);
    // Rui moves to Berlin: the coffee with him now counts too.
    await call(t.ctx, 'contacts:update', { id: rui, fields: { displayName: 'Rui', location: 'Berlin' } });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current?.value).toBe(2);
    expect(d.people.map((p) => p.id).sort()).toEqual([lena, rui].sort());
    const tooLong = await refused(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { cities: ['x'.repeat(201)] },
    });
    expect(tooLong.code).toBe('VALIDATION');
  });

  it('counts 23:30 local on the last day of the month in that month, in the user zone', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const goal = await call(t.ctx, 'goals:create', coffeesWithMentors);
    // 23:30 in Berlin on 31 October 2026 (CET, UTC+1) is 22:30 UTC.
    s.interaction('coffee', '2026-10-31T22:30:00.000Z', [maria]);
    // 00:30 in Berlin on 1 November is 23:30 UTC on 31 October.
    s.interaction('coffee', '2026-10-31T23:30:00.000Z', [maria]);
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    const by = new Map(d.history.map((p) => [p.key, p.value]));
    expect(by.get('2026-10')).toBe(1);
    expect(by.get('2026-11')).toBe(1);
    // The same data seen from New York: both are in October there.
    await call(t.ctx, 'goals:setPrefs', { weekStart: 0, timeZone: 'America/New_York' });
    const ny = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(new Map(ny.history.map((p) => [p.key, p.value])).get('2026-10')).toBe(2);
  });

  it('starts weeks on the day in the settings', async () => {
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Calls',
      startDate: '2026-11-01',
      measure: 'count',
      target: 3,
      period: 'week',
      filter: { kinds: ['call'] },
    });
    // Sunday 22 November, midday in Berlin.
    s.interaction('call', '2026-11-22T11:00:00.000Z', []);
    s.interaction('call', '2026-11-24T11:00:00.000Z', []);
    const monday = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(monday.current).toMatchObject({ startDate: '2026-11-23', value: 1 });
    await call(t.ctx, 'goals:setPrefs', { weekStart: 0, timeZone: 'Europe/Berlin' });
    const sunday = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(sunday.current).toMatchObject({ startDate: '2026-11-22', endDate: '2026-11-28', value: 2 });
  });

  it('counts past interactions inside the window of a goal created today', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    s.interaction('coffee', '2026-11-02T08:00:00.000Z', [maria]);
    s.interaction('coffee', '2026-10-02T08:00:00.000Z', [maria]);
    const monthly = await call(t.ctx, 'goals:create', { ...coffeesWithMentors, startDate: '2026-11-25' });
    const d = await call(t.ctx, 'goals:get', { id: monthly.id });
    expect(d.history.map((p) => [p.key, p.value])).toEqual([['2026-11', 1]]);
    const total = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      period: 'total',
      startDate: '2026-09-15',
      dueDate: '2026-12-31',
      target: 5,
    });
    const dt = await call(t.ctx, 'goals:get', { id: total.id });
    expect(dt.current).toMatchObject({ startDate: '2026-09-15', endDate: '2026-12-31', value: 2, target: 5 });
    expect(dt.daysLeft).toBe(37);
  });

  it('re-evaluates history when the filter is edited', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const sam = s.contact('Sam', { circles: ['sponsor'] });
    const goal = await call(t.ctx, 'goals:create', coffeesWithMentors);
    s.interaction('coffee', '2026-09-10T08:00:00.000Z', [maria]);
    s.interaction('coffee', '2026-09-11T08:00:00.000Z', [sam]);
    s.interaction('coffee', '2026-10-11T08:00:00.000Z', [sam]);
    const before = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(before.history.filter((p) => p.value > 0).map((p) => [p.key, p.value])).toEqual([['2026-09', 1]]);
    await call(t.ctx, 'goals:update', {
      id: goal.id,
      fields: { ...coffeesWithMentors, filter: { kinds: ['coffee'], circles: ['mentor', 'sponsor'] } },
    });
    const after = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(after.history.filter((p) => p.value > 0).map((p) => [p.key, p.value])).toEqual([
      ['2026-09', 2],
      ['2026-10', 1],
    ]);
  });

  it('keeps 24 periods of history and counts the streak of met periods', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const goal = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      startDate: '2020-01-01',
      target: 1,
    });
    for (const month of ['07', '08', '09', '10'])
      s.interaction('coffee', `2026-${month}-15T08:00:00.000Z`, [maria]);
    s.interaction('coffee', '2026-05-15T08:00:00.000Z', [maria]);
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.history).toHaveLength(24);
    expect(d.history[0].key).toBe('2024-12');
    expect(d.history[23].key).toBe('2026-11');
    expect(d.streak).toBe(4);
    // Listing another period's interactions.
    const may = await call(t.ctx, 'goals:get', { id: goal.id, periodKey: '2026-05' });
    expect(may.shownPeriodKey).toBe('2026-05');
    expect(may.interactions).toHaveLength(1);
  });
});

describe('tag filters', () => {
  it('counts entries tagged on the entry or the person, with or without anyone in them', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const bob = s.contact('Bob', { circles: ['colleague'] });
    const offer = await call(t.ctx, 'goals:create', {
      title: 'Offer value',
      startDate: '2026-11-01',
      measure: 'count',
      target: 1,
      period: 'month',
      filter: { circles: ['mentor'], tags: ['offered-value'] },
    });
    const community = await call(t.ctx, 'goals:create', {
      title: 'Community',
      startDate: '2026-11-01',
      measure: 'count',
      target: 2,
      period: 'week',
      filter: { tags: ['community'] },
    });
    const helped = s.interaction('email', '2026-11-10T08:00:00.000Z', [maria], { tags: ['offered-value'] });
    s.interaction('email', '2026-11-11T08:00:00.000Z', [bob], { tags: ['offered-value'] });
    s.interaction('email', '2026-11-12T08:00:00.000Z', [maria]);
    const post = s.interaction('note', '2026-11-24T08:00:00.000Z', [], { tags: ['community'] });
    const d = await call(t.ctx, 'goals:get', { id: offer.id });
    expect(d.current).toMatchObject({ value: 1, met: true });
    expect(d.interactions.map((i) => i.id)).toEqual([helped]);
    const c = await call(t.ctx, 'goals:get', { id: community.id });
    expect(c.current).toMatchObject({ startDate: '2026-11-23', value: 1 });
    expect(c.interactions.map((i) => i.id)).toEqual([post]);
  });
});

describe('people goals', () => {
  it('counts distinct people met, tags on people or entries, and not the merely mentioned', async () => {
    const a = s.contact('A', { circles: ['colleague'] });
    const b = s.contact('B', { circles: ['colleague'] });
    const c = s.contact('C', { circles: ['colleague'] });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Meet 3 colleagues',
      startDate: '2026-11-01',
      measure: 'people',
      target: 3,
      period: 'month',
      filter: { circles: ['colleague'] },
    });
    s.interaction('meeting', '2026-11-03T08:00:00.000Z', [a, b]);
    s.interaction('call', '2026-11-04T08:00:00.000Z', [a]);
    const mentioned = s.interaction('note', '2026-11-05T08:00:00.000Z', []);
    t.store.sqlite
      .prepare(
        `INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, 'mentioned', ?)`,
      )
      .run(mentioned, c, '2026-11-05T08:00:00.000Z');
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 2, target: 3 });
    expect(d.people.map((p) => p.displayName)).toEqual(['A', 'B']);
  });

  it('counts contacts added while the goal runs for "identify potential sponsors"', async () => {
    const template = goalTemplates('2026-09-01').find((x) => x.id === 'identify-sponsors');
    if (!template) throw new Error('template missing');
    const goal = await call(t.ctx, 'goals:create', template.fields);
    s.contact('Old sponsor', { circles: ['sponsor'], createdAt: '2026-08-01T00:00:00.000Z' });
    s.contact('New sponsor', { circles: ['sponsor'], createdAt: '2026-10-01T00:00:00.000Z' });
    s.contact('Prospect', { tags: ['prospect'], createdAt: '2026-10-02T00:00:00.000Z' });
    s.contact('Someone', { createdAt: '2026-10-03T00:00:00.000Z' });
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 2, target: 3 });
    expect(d.people.map((p) => p.displayName)).toEqual(['New sponsor', 'Prospect']);
  });
});

describe('deleted and merged data', () => {
  it('re-evaluates when an interaction or a contact is deleted', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const ana = s.contact('Ana', { circles: ['mentor'] });
    const goal = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { kinds: ['coffee'], contactIds: [maria, ana] },
    });
    const one = s.interaction('coffee', '2026-11-03T08:00:00.000Z', [maria]);
    s.interaction('coffee', '2026-11-04T08:00:00.000Z', [ana]);
    expect((await call(t.ctx, 'goals:get', { id: goal.id })).current?.value).toBe(2);
    t.store.sqlite.prepare('DELETE FROM interactions WHERE id = ?').run(one);
    expect((await call(t.ctx, 'goals:get', { id: goal.id })).current?.value).toBe(1);
    await call(t.ctx, 'contacts:delete', { id: ana });
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current?.value).toBe(0);
    expect(d.definition.filter.contactIds).toEqual([maria]);
  });

  it('follows a contact merge: links move to the kept contact, read once, progress includes both histories', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const dup = s.contact('Maria S.', { circles: ['mentor'] });
    const goal = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { kinds: ['coffee'], contactIds: [maria, dup] },
    });
    const ms = await call(t.ctx, 'goals:create', {
      title: 'Tell Maria',
      startDate: '2026-11-01',
      measure: 'milestones',
      milestones: [{ title: 'Tell Maria my promotion goal', contactId: dup, keyword: 'promotion' }],
    });
    s.interaction('coffee', '2026-11-03T08:00:00.000Z', [maria]);
    s.interaction('coffee', '2026-11-04T08:00:00.000Z', [dup], { notes: 'Shared my promotion goal' });
    mergeContacts(t.store.sqlite, maria, dup, {}, now);
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.definition.filter.contactIds).toEqual([maria]);
    expect(d.current?.value).toBe(2);
    expect(d.people.map((p) => p.id)).toEqual([maria]);
    const m = await call(t.ctx, 'goals:get', { id: ms.id });
    expect(m.milestones[0]).toMatchObject({ contactId: maria, done: true });
    expect(
      (await call(t.ctx, 'goals:forContact', { contactId: maria })).map((g) => g.definition.id).sort(),
    ).toEqual([goal.id, ms.id]);
    // The goal still saves after the merge.
    await call(t.ctx, 'goals:update', {
      id: goal.id,
      fields: { ...coffeesWithMentors, filter: { kinds: ['coffee'], contactIds: [maria] } },
    });
  });
});

describe('bad input', () => {
  it('refuses a target of zero or less, a due date before the start and unknown keys, saving nothing', async () => {
    for (const target of [0, -1, 1.5]) {
      const e = await refused(t.ctx, 'goals:create', { ...coffeesWithMentors, target });
      expect(e.code).toBe('VALIDATION');
    }
    const due = await refused(t.ctx, 'goals:create', { ...coffeesWithMentors, dueDate: '2025-12-31' });
    expect(due.code).toBe('VALIDATION');
    expect(due.message).toContain('The due date is before the start');
    expect((await refused(t.ctx, 'goals:create', { ...coffeesWithMentors, extra: 1 })).code).toBe(
      'VALIDATION',
    );
    expect(
      (
        await refused(t.ctx, 'goals:create', {
          ...coffeesWithMentors,
          measure: 'relationship',
          targetLayer: 'close',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(s.count('goals')).toBe(0);
  });

  it('refuses a filter or milestone naming a deleted contact, with nothing saved half-way', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const gone = s.contact('Gone');
    await call(t.ctx, 'contacts:delete', { id: gone });
    const e = await refused(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { contactIds: [maria, gone] },
    });
    expect(e).toMatchObject({ code: 'VALIDATION', message: `Contact ${gone} no longer exists` });
    expect(e.details).toEqual([
      { path: ['filter', 'contactIds', '1'], message: `Contact ${gone} no longer exists` },
    ]);
    const m = await refused(t.ctx, 'goals:create', {
      title: 'x',
      startDate: '2026-11-01',
      measure: 'milestones',
      milestones: [{ title: 'a' }, { title: 'b', contactId: gone }],
    });
    expect(m.code).toBe('VALIDATION');
    expect([s.count('goals'), s.count('goal_contacts'), s.count('goal_milestones')]).toEqual([0, 0, 0]);

    const goal = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { contactIds: [maria] },
    });
    const u = await refused(t.ctx, 'goals:update', {
      id: goal.id,
      fields: { ...coffeesWithMentors, title: 'Changed', filter: { contactIds: [gone] } },
    });
    expect(u.code).toBe('VALIDATION');
    const kept = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(kept.definition.title).toBe(coffeesWithMentors.title);
    expect(kept.definition.filter.contactIds).toEqual([maria]);
    expect((await refused(t.ctx, 'goals:get', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await refused(t.ctx, 'goals:setPrefs', { weekStart: 1, timeZone: 'Mars/Olympus' })).code).toBe(
      'VALIDATION',
    );
  });
});

describe('milestones', () => {
  it('ticks an item from a matching interaction and counts a hand tick as manual', async () => {
    const maria = s.contact('Maria', { circles: ['sponsor'] });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Tell sponsors',
      startDate: '2026-11-01',
      measure: 'milestones',
      milestones: [
        {
          title: 'Told Maria my promotion goal',
          contactId: maria,
          kinds: ['coffee', 'meeting'],
          keyword: 'promotion',
        },
        { title: 'Write it down' },
      ],
    });
    s.interaction('coffee', '2026-10-20T08:00:00.000Z', [maria], { notes: 'promotion' }); // before the start
    s.interaction('coffee', '2026-11-10T08:00:00.000Z', [maria], { notes: 'weather' });
    let d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 0, target: 2 });
    const told = s.interaction('meeting', '2026-11-12T08:00:00.000Z', [maria], {
      notes: 'Talked about my Promotion',
    });
    await call(t.ctx, 'goals:setMilestoneDone', { id: d.milestones[1].id, done: true });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.milestones.map((m) => [m.done, m.matchedInteractionId, m.doneAt !== null])).toEqual([
      [true, told, false],
      [true, null, true],
    ]);
    expect(d.current).toMatchObject({ fromData: 1, fromCheckins: 1, value: 2, met: true });
    // Editing keeps the hand tick of an item that is still there.
    await call(t.ctx, 'goals:update', {
      id: goal.id,
      fields: {
        title: 'Tell sponsors',
        startDate: '2026-11-01',
        measure: 'milestones',
        milestones: [{ id: d.milestones[1].id, title: 'Write it down properly' }],
      },
    });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.milestones.map((m) => [m.title, m.done])).toEqual([['Write it down properly', true]]);
  });
});

describe('relationship goals', () => {
  it('measures how many linked contacts reach the target layer', async () => {
    const a = s.contact('A', { circles: ['sponsor'] });
    const b = s.contact('B', { circles: ['sponsor'] });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Sponsors',
      startDate: '2026-06-01',
      measure: 'relationship',
      targetLayer: 'close',
      period: 'month',
      filter: { contactIds: [a, b] },
    });
    // Half a year of weekly one-to-ones the user starts: close; no contact with B.
    for (let day = 0; day < 180; day += 7) {
      s.interaction(
        'meeting',
        new Date(Date.parse('2026-05-30T09:00:00.000Z') + day * 86_400_000).toISOString(),
        [a],
        {
          minutes: 30,
          initiatedBy: 'me',
        },
      );
    }
    const d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 1, target: 2, met: false });
    expect(d.people.map((p) => [p.displayName, p.layer])).toEqual([
      ['B', 'dormant'],
      ['A', 'close'],
    ]);
    expect(d.history[0].value).toBe(0);
  });

  it('counts a pinned layer from the moment it was pinned', async () => {
    const a = s.contact('A', { circles: ['sponsor'] });
    const goal = await call(t.ctx, 'goals:create', {
      title: 'Sponsor close',
      startDate: '2026-06-01',
      measure: 'relationship',
      targetLayer: 'close',
      period: 'month',
      filter: { contactIds: [a] },
    });
    let d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 0, met: false });
    await call(t.ctx, 'strength:setPin', { contactId: a, layer: 'inner' });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 1, met: true });
    expect(d.people.map((p) => p.layer)).toEqual(['inner']);
    // Months before the pin keep the layer the journal gave them.
    expect(d.history.slice(0, -1).every((p) => p.value === 0)).toBe(true);
    await call(t.ctx, 'strength:setPin', { contactId: a, layer: null });
    d = await call(t.ctx, 'goals:get', { id: goal.id });
    expect(d.current).toMatchObject({ value: 0 });
  });
});

describe('overview and dashboard', () => {
  it('sorts by status then urgency, and lists goals behind with the period ending, with helpers', async () => {
    const old = s.contact('Old mentor', { circles: ['mentor'] });
    const recent = s.contact('Recent mentor', { circles: ['mentor'] });
    const never = s.contact('New mentor', { circles: ['mentor'] });
    s.interaction('meeting', '2025-01-01T08:00:00.000Z', [old]);
    s.interaction('meeting', '2026-11-20T08:00:00.000Z', [recent]);
    const behind = await call(t.ctx, 'goals:create', coffeesWithMentors);
    const yearly = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      title: 'Yearly',
      period: 'year',
      target: 10,
    });
    const paused = await call(t.ctx, 'goals:create', { ...coffeesWithMentors, title: 'Paused' });
    await call(t.ctx, 'goals:setStatus', { id: paused.id, status: 'paused' });
    const list = await call(t.ctx, 'goals:list', {});
    expect(list.map((g) => g.definition.id)).toEqual([behind.id, yearly.id, paused.id]);
    expect(list[0]).toMatchObject({ behind: true, daysLeft: 6 });

    const dash = await call(t.ctx, 'goals:dashboard', {});
    expect(dash.map((d) => d.summary.definition.id)).toEqual([behind.id]);
    expect(dash[0].helpers.map((h) => h.id)).toEqual([never, old, recent]);

    // Early in the month nothing is "ending".
    now = new Date('2026-11-05T12:00:00.000Z');
    expect(await call(t.ctx, 'goals:dashboard', {})).toEqual([]);
  });

  it('deletes a goal with its links and check-ins', async () => {
    const maria = s.contact('Maria', { circles: ['mentor'] });
    const goal = await call(t.ctx, 'goals:create', {
      ...coffeesWithMentors,
      filter: { contactIds: [maria] },
    });
    await call(t.ctx, 'goals:addCheckin', { goalId: goal.id, date: '2026-11-02' });
    await call(t.ctx, 'goals:delete', { id: goal.id });
    expect([s.count('goals'), s.count('goal_contacts'), s.count('goal_checkins')]).toEqual([0, 0, 0]);
  });
});
