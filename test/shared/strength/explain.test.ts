import { describe, expect, it } from 'vitest';
import {
  explainContact,
  formatGroups,
  formatReciprocity,
  seriesInstants,
  strengthSeries,
} from '../../../src/shared/strength/explain';
import { DAY_MS, scoreContact, type StrengthInteraction } from '../../../src/shared/strength/model';
import {
  defaultStrengthParams as P,
  strengthParamsPatchSchema,
  strengthParamsSchema,
} from '../../../src/shared/strength/params';

const NOW = Date.UTC(2026, 10, 25, 12);
let nextId = 1;
function ix(participants: number[], over: Partial<StrengthInteraction> = {}): StrengthInteraction {
  return {
    id: nextId++,
    kind: 'meeting',
    at: NOW,
    minutes: 30,
    initiatedBy: 'unknown',
    participants,
    ...over,
  };
}
const team = (size: number) => Array.from({ length: size - 1 }, (_, k) => k + 1);

describe('explanation', () => {
  it('groups contributions by kind and meeting size, adding up to S', () => {
    const history: StrengthInteraction[] = [];
    for (let k = 0; k < 6; k++)
      history.push(ix([1], { at: NOW - k * 10 * DAY_MS, initiatedBy: k % 2 ? 'me' : 'them' }));
    for (let k = 0; k < 14; k++) history.push(ix(team(8), { at: NOW - k * 7 * DAY_MS }));
    for (let k = 0; k < 31; k++) {
      history.push(ix([1], { kind: 'email', at: NOW - k * DAY_MS, initiatedBy: 'me' }));
      history.push(ix([1], { kind: 'email', at: NOW - k * DAY_MS + 60_000, initiatedBy: 'me' }));
    }
    history.push(ix([1], { kind: 'note', at: NOW - DAY_MS }));
    history.push(ix([1], { kind: 'connected', at: NOW - DAY_MS }));
    const e = explainContact(1, history, P, NOW);
    expect(e.groups.map((g) => [g.key, g.count, g.typicalSize])).toEqual([
      ['one_to_one', 6, null],
      ['team', 14, 8],
      ['email', 31, null],
      ['note', 1, null],
    ]);
    const sum = e.groups.reduce((acc, g) => acc + g.contribution, 0);
    expect(sum).toBeCloseTo(e.score.s, 10);
    expect(e.score).toEqual(scoreContact(1, history, P, NOW));
    expect(formatGroups(e.groups)).toMatch(
      /^6 one-to-ones: \d+\.\d; 14 team meetings of 8: \d+\.\d; 31 email days: \d+\.\d; 1 note: 0\.3$/,
    );
    expect(e.startedByMe).toBe(3 + 31);
    expect(e.startedByThem).toBe(3);
    expect(formatReciprocity(e)).toMatch(
      /^Reciprocity 0\.\d\d \(you started 34, they started 3\): strength is \d+% of/,
    );
  });

  it('formats groups to one decimal', () => {
    expect(
      formatGroups([
        { key: 'one_to_one', label: 'one-to-ones', count: 6, typicalSize: null, contribution: 5.21 },
        { key: 'team', label: 'team meetings of 8', count: 14, typicalSize: 8, contribution: 1.19 },
        { key: 'email', label: 'email days', count: 31, typicalSize: null, contribution: 1.6 },
      ]),
    ).toBe('6 one-to-ones: 5.2; 14 team meetings of 8: 1.2; 31 email days: 1.6');
  });

  it('gives 24 monthly points ending now, each the strength as it stood then', () => {
    const at = seriesInstants(NOW);
    expect(at).toHaveLength(24);
    expect(new Date(at[0]).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(new Date(at[22]).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(at[23]).toBe(NOW);
    const history = [ix([1], { at: Date.UTC(2025, 5, 15) }), ix([2], { at: Date.UTC(2025, 5, 15) })];
    const series = strengthSeries(1, history, P, NOW);
    expect(series.filter((p) => p.at < Date.UTC(2025, 5, 15)).every((p) => p.t === 0)).toBe(true);
    expect(series.find((p) => p.at === Date.UTC(2025, 6, 1))!.t).toBeCloseTo(Math.pow(2, -16 / 180), 12);
    expect(series[23].t).toBeCloseTo(scoreContact(1, history, P, NOW).t, 12);
  });
});

describe('parameters', () => {
  it('accepts the defaults and rejects unknown keys, bad values and prototype keys', () => {
    expect(strengthParamsSchema.parse(P)).toEqual(P);
    expect(strengthParamsPatchSchema.safeParse({ halfLifeDays: 0 }).success).toBe(false);
    expect(strengthParamsPatchSchema.safeParse({ halfLife: 90 }).success).toBe(false);
    expect(strengthParamsPatchSchema.safeParse(JSON.parse('{"__proto__": {"x": 1}}')).success).toBe(false);
    expect(strengthParamsPatchSchema.safeParse({ kindWeights: { dance: 1 } }).success).toBe(false);
    expect(strengthParamsSchema.safeParse({ ...P, layers: { ...P.layers, known: 20 } }).success).toBe(false);
  });
});
