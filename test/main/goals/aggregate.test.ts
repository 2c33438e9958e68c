import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { seeder } from './seed';
import { aggregateByPeriod, loadCandidates, resolveGoalFilter } from '../../../src/main/goals/data';
import { totalsFromMemory, totalsFromMemoryMany } from '../../../src/main/goals/memory';
import { goalPeriods, tallyInteractions, today, windowOf } from '../../../src/shared/goals/progress';
import { noGoalFilter, type GoalFilter } from '../../../src/shared/goals/schemas';
import { resolveInMemory } from '../../../src/shared/goals/filter';

let t: TempStore;
const now = Date.parse('2026-11-25T12:00:00.000Z');
const circles = ['colleague', 'mentor', 'sponsor'] as const;
const kinds = ['meeting', 'coffee', 'call', 'event'] as const;
const orgs = ['Acme', 'Globex'];
// Spelled as people write them; a filter names the city in any case.
const places = ['Berlin, Germany', 'berlin', 'Lisbon, Portugal', null];

beforeAll(async () => {
  t = await tempStore();
  const s = seeder(t);
  // A deterministic little network: people in circles and organisations, two years of entries
  // at every hour (so some sit right on local midnights), some all-day, some in the future.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const people = Array.from({ length: 30 }, (_, i) =>
    s.contact(`P${i}`, {
      circles: [circles[i % 3], ...(i % 7 === 0 ? [circles[(i + 1) % 3]] : [])],
      organisation: orgs[i % 2],
      location: places[i % 4] ?? undefined,
    }),
  );
  for (let i = 0; i < 600; i++) {
    const at = Date.parse('2024-10-01T00:00:00.000Z') + rand(800) * 86_400_000 + rand(24) * 3_600_000;
    const start = i % 9 === 0 ? new Date(at).toISOString().slice(0, 10) : new Date(at).toISOString();
    const n = rand(3);
    const with_ = Array.from(new Set(Array.from({ length: n }, () => people[rand(people.length)])));
    s.interaction(kinds[rand(kinds.length)], start, with_);
  }
});
afterAll(async () => {
  await t.cleanup();
});

const filterArb = fc.record({
  kinds: fc.subarray([...kinds]),
  circles: fc.subarray([...circles]),
  tags: fc.constantFrom([] as string[], ['prospect']),
  organisations: fc.subarray(orgs),
  cities: fc.subarray(['BERLIN', 'Lisbon', 'Porto']),
  contactIds: fc.subarray([1, 2, 3, 4, 5, 6]),
  mode: fc.constantFrom('all' as const, 'any' as const),
});

describe('the people a goal names by city', () => {
  it('are the same in SQL as by the shared rule: the part before the first comma, any case', () => {
    const f = noGoalFilter;
    const stored = t.store.sqlite.prepare('SELECT id, location FROM contacts').all() as Array<{
      id: number;
      location: string | null;
    }>;
    const contacts = stored.map((c) => ({ ...c, circles: [], tags: [], organisation: null }));
    for (const cities of [['BERLIN'], ['lisbon ', 'Berlin'], ['Porto']]) {
      const sql = resolveGoalFilter(t.store.sqlite, { ...f, cities }).cityMembers;
      const memory = resolveInMemory({ ...f, cities }, contacts).cityMembers;
      expect([...sql!].sort(), cities.join()).toEqual([...memory!].sort());
    }
    expect(resolveGoalFilter(t.store.sqlite, { ...f, cities: ['berlin'] }).cityMembers?.size).toBe(16);
  });
});

describe('per-period totals in SQL and from the in-memory journal', () => {
  it('answers many goals in one pass exactly as it answers each alone (property)', () => {
    const request = fc.record({
      filter: filterArb,
      period: fc.constantFrom(
        'week' as const,
        'month' as const,
        'quarter' as const,
        'year' as const,
        'total' as const,
      ),
      measure: fc.constantFrom('count' as const, 'people' as const),
      startDate: fc.constantFrom('2024-09-15', '2025-06-01', '2026-11-01'),
      history: fc.boolean(),
    });
    let answered = 0;
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 8 }), (asked) => {
        const clock = { timeZone: 'Europe/Berlin', weekStart: 1 as const };
        const day = today(now, clock);
        const requests = asked.map((a) => {
          const all = goalPeriods(
            { startDate: a.startDate, dueDate: null, period: a.period, measure: a.measure },
            now,
            clock,
          );
          const f = a.filter as GoalFilter;
          return {
            filter: f,
            resolved: resolveGoalFilter(t.store.sqlite, f),
            periods: a.history ? all : all.slice(-1),
            measure: a.measure,
          };
        });
        const together = totalsFromMemoryMany(t.store.sqlite, requests, now, day);
        const alone = requests.map((r) =>
          totalsFromMemory(t.store.sqlite, r.filter, r.resolved, r.periods, r.measure, now, day),
        );
        expect(together).toEqual(alone);
        answered += together.filter((x) => x !== null).length;
      }),
      { numRuns: 40 },
    );
    expect(answered).toBeGreaterThan(20);
  });

  it('agree with the in-memory tally for any filter, period, week start and zone (property)', () => {
    const filter = filterArb.map((f) => ({ ...f, tags: [] as string[] }));
    let counted = 0;
    fc.assert(
      fc.property(
        filter,
        fc.constantFrom(
          'week' as const,
          'month' as const,
          'quarter' as const,
          'year' as const,
          'total' as const,
        ),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('count' as const, 'people' as const),
        (f, period, timeZone, weekStart, measure) => {
          const clock = { timeZone, weekStart: weekStart as 0 };
          const periods = goalPeriods(
            { startDate: '2024-09-15', dueDate: null, period, measure },
            now,
            clock,
          );
          const r = resolveGoalFilter(t.store.sqlite, f as GoalFilter);
          const sql = aggregateByPeriod(
            t.store.sqlite,
            f as GoalFilter,
            r,
            periods,
            measure,
            now,
            today(now, clock),
          );
          const js = tallyInteractions(
            r,
            loadCandidates(t.store.sqlite, f as GoalFilter, r, windowOf(periods)),
            periods,
            now,
            clock,
          );
          const expected = js.map((x) => (measure === 'count' ? x.interactions.length : x.people.size));
          expect(sql).toEqual(expected);
          const memory = totalsFromMemory(
            t.store.sqlite,
            f as GoalFilter,
            r,
            periods,
            measure,
            now,
            today(now, clock),
          );
          const personal =
            f.circles.length + f.organisations.length + f.cities.length + f.contactIds.length > 0;
          expect(memory).toEqual(personal ? expected : null);
          counted += (sql ?? []).reduce((a, b) => a + b, 0);
        },
      ),
      { numRuns: 60 },
    );
    // The comparison is not vacuous: the filters matched real data.
    expect(counted).toBeGreaterThan(100);
  });
});
