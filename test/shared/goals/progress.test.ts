import { describe, expect, it } from 'vitest';
import {
  matchInteraction,
  resolveInMemory,
  type Candidate,
  type FilterContact,
} from '../../../src/shared/goals/filter';
import {
  checkinsPerPeriod,
  goalPeriods,
  isEnding,
  milestoneMatches,
  paceOf,
  periodProgress,
  relationshipHistory,
  streakOf,
  tallyContacts,
  tallyInteractions,
} from '../../../src/shared/goals/progress';
import { goalTemplates } from '../../../src/shared/goals/templates';
import {
  goalFieldsSchema,
  noGoalFilter,
  type GoalDefinition,
  type GoalFilter,
} from '../../../src/shared/goals/schemas';
import type { PeriodProgress } from '../../../src/shared/goals/schemas';

const clock = { timeZone: 'Europe/Berlin', weekStart: 1 as const };
const filter = (f: Partial<GoalFilter>): GoalFilter => ({ ...noGoalFilter, ...f });
const contacts: FilterContact[] = [
  { id: 1, circles: ['mentor'], tags: [], organisation: 'Acme', location: 'Berlin, Germany' },
  { id: 2, circles: ['colleague'], tags: ['Prospect'], organisation: 'Acme', location: 'Lisbon' },
  { id: 3, circles: ['sponsor'], tags: [], organisation: 'Globex', location: 'berlin' },
  { id: 4, circles: ['mentor', 'sponsor'], tags: [], organisation: 'Globex', location: null },
];
const cand = (id: number, kind: string, startsAt: string, people: number[], tagged = false): Candidate => ({
  id,
  kind,
  startsAt,
  allDay: startsAt.length === 10,
  people,
  tagged,
});
function def(over: Partial<GoalDefinition>): GoalDefinition {
  return {
    id: 1,
    title: 'g',
    why: '',
    startDate: '2026-01-01',
    dueDate: null,
    status: 'active',
    measure: 'count',
    target: 2,
    period: 'month',
    peopleSource: 'interactions',
    targetLayer: null,
    filter: filter({}),
    template: null,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}
const now = Date.parse('2026-11-25T12:00:00Z');

describe('goal filters', () => {
  it('combines kind and circle: coffees with mentors', () => {
    const r = resolveInMemory(filter({ kinds: ['coffee'], circles: ['mentor'] }), contacts);
    expect(matchInteraction(r, cand(1, 'coffee', '2026-11-02T09:00:00Z', [1, 2]))).toEqual([1]);
    expect(matchInteraction(r, cand(2, 'coffee', '2026-11-02T09:00:00Z', [2]))).toBeNull();
    expect(matchInteraction(r, cand(3, 'meeting', '2026-11-02T09:00:00Z', [1]))).toBeNull();
  });

  it('requires every criterion of one person in "all" mode, one in "any" mode', () => {
    const all = resolveInMemory(filter({ circles: ['sponsor'], organisations: ['acme'] }), contacts);
    expect(matchInteraction(all, cand(1, 'coffee', '2026-11-02', [1, 3]))).toBeNull();
    const any = resolveInMemory(filter({ circles: ['sponsor'], tags: ['prospect'], mode: 'any' }), contacts);
    expect(matchInteraction(any, cand(1, 'coffee', '2026-11-02', [1, 2, 3]))).toEqual([2, 3]);
  });

  it('counts people in the cities named, whatever follows the comma and whatever the case', () => {
    const r = resolveInMemory(filter({ cities: [' BERLIN '] }), contacts);
    expect(matchInteraction(r, cand(1, 'coffee', '2026-11-02', [1, 2, 3, 4]))).toEqual([1, 3]);
    expect(matchInteraction(r, cand(2, 'coffee', '2026-11-02', [2, 4]))).toBeNull();
    const mentorsThere = resolveInMemory(filter({ circles: ['mentor'], cities: ['Berlin'] }), contacts);
    expect(matchInteraction(mentorsThere, cand(3, 'coffee', '2026-11-02', [1, 3, 4]))).toEqual([1]);
  });

  it('always includes specific contacts and matches tags on the interaction itself', () => {
    const r = resolveInMemory(filter({ circles: ['sponsor'], contactIds: [2] }), contacts);
    expect(matchInteraction(r, cand(1, 'call', '2026-11-02', [1, 2]))).toEqual([2]);
    const tags = resolveInMemory(filter({ tags: ['community'] }), contacts);
    expect(matchInteraction(tags, cand(2, 'note', '2026-11-02', [], true))).toEqual([]);
    expect(matchInteraction(tags, cand(3, 'note', '2026-11-02', [], false))).toBeNull();
  });

  it('counts an interaction of the right kind with anyone when there are no person criteria', () => {
    const r = resolveInMemory(filter({ kinds: ['event'] }), contacts);
    expect(matchInteraction(r, cand(1, 'event', '2026-11-02', []))).toEqual([]);
  });
});

describe('goal progress', () => {
  it('counts interactions per calendar period, each once, none from the future', () => {
    const d = def({ filter: filter({ kinds: ['coffee'], circles: ['mentor'] }) });
    const periods = goalPeriods(d, now, clock);
    expect(periods.map((p) => p.key).slice(-2)).toEqual(['2026-10', '2026-11']);
    const r = resolveInMemory(d.filter, contacts);
    const tallies = tallyInteractions(
      r,
      [
        // 23:30 in Berlin on 31 October is 22:30 UTC: October.
        cand(1, 'coffee', '2026-10-31T22:30:00.000Z', [1]),
        // 00:30 in Berlin on 1 November is still 31 October in UTC: November.
        cand(2, 'coffee', '2026-10-31T23:30:00.000Z', [1, 4]),
        cand(2, 'coffee', '2026-10-31T23:30:00.000Z', [1, 4]),
        cand(3, 'coffee', '2026-11-26T08:00:00.000Z', [1]),
        cand(4, 'coffee', '2026-11-30', [4]),
      ],
      periods,
      now,
      clock,
    );
    const last = tallies.length - 1;
    expect(tallies[last - 1].interactions).toEqual([1]);
    expect(tallies[last].interactions).toEqual([2]);
    expect([...tallies[last].people].sort()).toEqual([1, 4]);
  });

  it('counts the whole first period for a goal created today', () => {
    const d = def({ startDate: '2026-11-25' });
    const periods = goalPeriods(d, now, clock);
    expect(periods).toHaveLength(1);
    expect(periods[0].startDate).toBe('2026-11-01');
    const t = tallyInteractions(
      resolveInMemory(d.filter, contacts),
      [cand(1, 'call', '2026-11-03T10:00:00Z', [])],
      periods,
      now,
      clock,
    );
    expect(t[0].interactions).toEqual([1]);
  });

  it('counts a total goal from its start only', () => {
    const d = def({ period: 'total', startDate: '2026-06-01', dueDate: '2026-12-31' });
    const periods = goalPeriods(d, now, clock);
    expect(periods).toEqual([expect.objectContaining({ startDate: '2026-06-01', endDate: '2027-01-01' })]);
    const t = tallyInteractions(
      resolveInMemory(d.filter, contacts),
      [cand(1, 'call', '2026-05-31T10:00:00Z', []), cand(2, 'call', '2026-06-01T10:00:00Z', [])],
      periods,
      now,
      clock,
    );
    expect(t[0].interactions).toEqual([2]);
  });

  it('stops at the due date', () => {
    const d = def({ startDate: '2025-01-10', dueDate: '2025-06-15' });
    const periods = goalPeriods(d, now, clock);
    expect(periods.map((p) => p.key)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
  });

  it('keeps at most 24 periods of history', () => {
    expect(goalPeriods(def({ startDate: '2015-01-01', period: 'week' }), now, clock)).toHaveLength(24);
  });

  it('counts contacts added in the period for identify goals', () => {
    const d = def({ measure: 'people', peopleSource: 'contacts', period: 'total', startDate: '2026-09-01' });
    const r = resolveInMemory(filter({ circles: ['sponsor'], tags: ['prospect'], mode: 'any' }), contacts);
    const t = tallyContacts(
      r,
      [
        { id: 1, createdAt: '2026-10-01T00:00:00.000Z' },
        { id: 2, createdAt: '2026-10-01T00:00:00.000Z' },
        { id: 3, createdAt: '2026-08-01T00:00:00.000Z' },
        { id: 4, createdAt: '2026-11-01T00:00:00.000Z' },
      ],
      goalPeriods(d, now, clock),
      now,
    );
    expect([...t[0].people].sort()).toEqual([2, 4]);
  });

  it('adds check-ins separately from the data', () => {
    const periods = goalPeriods(def({}), now, clock).slice(-2);
    const sums = checkinsPerPeriod(
      [
        { id: 1, date: '2026-10-31', amount: 2, note: '' },
        { id: 2, date: '2026-11-01', amount: 1, note: '' },
      ],
      periods,
    );
    expect(sums).toEqual([2, 1]);
    const p = periodProgress(periods[1], 1, 1, 2);
    expect(p).toMatchObject({ fromData: 1, fromCheckins: 1, value: 2, met: true, endDate: '2026-11-30' });
  });

  it('counts streaks of met periods without breaking on the running one', () => {
    const h = (met: boolean[]) => met.map((m, i) => ({ met: m, key: String(i) }) as PeriodProgress);
    expect(streakOf(h([true, false, true, true, false]))).toBe(2);
    expect(streakOf(h([true, true, true]))).toBe(3);
    expect(streakOf(h([true, false, false]))).toBe(0);
    expect(streakOf(h([]))).toBe(0);
  });

  it('flags a goal behind pace at the end of its period', () => {
    const d = def({});
    const periods = goalPeriods(d, now, clock);
    const p = periodProgress(periods[periods.length - 1], 0, 0, 2);
    const pace = paceOf(d, p, now, clock);
    expect(pace.daysLeft).toBe(6);
    expect(pace.behind).toBe(true);
    expect(pace.urgency).toBeGreaterThan(0);
    expect(isEnding(p, pace.daysLeft)).toBe(true);
    const done = paceOf(d, periodProgress(periods[periods.length - 1], 2, 0, 2), now, clock);
    expect(done).toMatchObject({ ratio: 1, behind: false, urgency: 0 });
    const early = Date.parse('2026-11-03T12:00:00Z');
    const earlyP = periodProgress(periods[periods.length - 1], 0, 0, 2);
    expect(isEnding(earlyP, paceOf(d, earlyP, early, clock).daysLeft)).toBe(false);
  });

  it('measures relationships at the end of each period', () => {
    const periods = goalPeriods(def({ startDate: '2026-09-01' }), now, clock);
    const { perPeriod, current } = relationshipHistory([1, 2], 'close', periods, now, (id, at) =>
      id === 1 && at > Date.parse('2026-10-15') ? 'inner' : 'known',
    );
    expect(perPeriod).toEqual([0, 1, 1]);
    expect(current.get(1)).toBe('inner');
    expect(current.get(2)).toBe('known');
  });

  it('ticks a milestone from a matching interaction only', () => {
    const rule = { contactId: 4, kinds: ['coffee', 'meeting'], keyword: 'promotion' };
    expect(
      milestoneMatches(rule, {
        kind: 'coffee',
        people: [4],
        title: 'Catch-up',
        notes: 'Told her about my PROMOTION goal',
      }),
    ).toBe(true);
    expect(milestoneMatches(rule, { kind: 'coffee', people: [3], title: 'promotion', notes: '' })).toBe(
      false,
    );
    expect(milestoneMatches(rule, { kind: 'email', people: [4], title: 'promotion', notes: '' })).toBe(false);
    expect(
      milestoneMatches(
        { contactId: null, kinds: [], keyword: null },
        { kind: 'coffee', people: [], title: '', notes: '' },
      ),
    ).toBe(false);
  });
});

describe('goal templates', () => {
  it('has a valid template for each of the ten strategies', () => {
    const templates = goalTemplates('2026-11-25');
    expect(templates).toHaveLength(10);
    expect(new Set(templates.map((t) => t.id)).size).toBe(10);
    for (const t of templates) {
      // Relationship templates need the user to pick people first.
      const fields =
        t.fields.measure === 'relationship' ? { ...t.fields, filter: { contactIds: [1] } } : t.fields;
      expect(goalFieldsSchema.safeParse(fields).success, t.id).toBe(true);
    }
    expect(templates.find((t) => t.id === 'seek-mentors')?.fields.title).toBe(
      '2 coffees with mentors a month',
    );
  });
});

describe('goal validation', () => {
  const base = { title: 'x', startDate: '2026-11-01', measure: 'count' as const, target: 2 };
  it('rejects a target of zero or less, and a due date before the start', () => {
    expect(goalFieldsSchema.safeParse({ ...base, target: 0 }).success).toBe(false);
    expect(goalFieldsSchema.safeParse({ ...base, target: -3 }).success).toBe(false);
    const due = goalFieldsSchema.safeParse({ ...base, dueDate: '2026-10-31' });
    expect(due.success).toBe(false);
    expect(due.error?.issues[0].message).toBe('The due date is before the start');
    expect(goalFieldsSchema.safeParse({ ...base, startDate: '2026-02-30' }).success).toBe(false);
    expect(goalFieldsSchema.safeParse(base).success).toBe(true);
  });
});
