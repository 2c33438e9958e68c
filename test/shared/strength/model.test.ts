import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  drifting,
  layerOf,
  scoreAll,
  scoreContact,
  type StrengthInteraction,
} from '../../../src/shared/strength/model';
import { defaultStrengthParams as P, mergeParams } from '../../../src/shared/strength/params';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
let nextId = 1;
function ix(over: Partial<StrengthInteraction> & { participants: readonly number[] }): StrengthInteraction {
  return { id: nextId++, kind: 'meeting', at: NOW, minutes: 30, initiatedBy: 'unknown', ...over };
}
const people = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

describe('strength model (DESIGN section 4)', () => {
  it('a 1:1 outweighs a 40-person all-hands by 39x', () => {
    const oneToOne = scoreContact(1, [ix({ participants: [1] })], P, NOW);
    const allHands = scoreContact(2, [ix({ participants: people(2, 39) })], P, NOW);
    expect(oneToOne.s).toBe(1);
    expect(oneToOne.s / allHands.s).toBeCloseTo(39, 10);
  });

  it('ignores meetings of more than 200 people', () => {
    expect(scoreContact(1, [ix({ participants: people(1, 199) })], P, NOW).s).toBeCloseTo(1 / 199, 12);
    expect(scoreContact(1, [ix({ participants: people(1, 200) })], P, NOW).s).toBe(0);
  });

  it('an interaction 180 days old weighs half, 360 days a quarter', () => {
    expect(scoreContact(1, [ix({ participants: [1], at: NOW - 180 * DAY_MS })], P, NOW).s).toBeCloseTo(
      0.5,
      12,
    );
    expect(scoreContact(1, [ix({ participants: [1], at: NOW - 360 * DAY_MS })], P, NOW).s).toBeCloseTo(
      0.25,
      12,
    );
    // Momentum halves in 30 days.
    expect(scoreContact(1, [ix({ participants: [1], at: NOW - 30 * DAY_MS })], P, NOW).m).toBeCloseTo(
      0.5,
      12,
    );
  });

  it('weighs duration as clamp(sqrt(minutes/30), 0.5, 2) and kinds by DESIGN weights', () => {
    const s = (over: Partial<StrengthInteraction>) =>
      scoreContact(1, [ix({ participants: [1], ...over })], P, NOW).s;
    expect(s({ minutes: 120 })).toBeCloseTo(2, 12);
    expect(s({ minutes: 480 })).toBeCloseTo(2, 12);
    expect(s({ minutes: 5 })).toBeCloseTo(0.5, 12);
    expect(s({ minutes: null })).toBe(1);
    expect(s({ kind: 'video' })).toBeCloseTo(0.8, 12);
    expect(s({ kind: 'call' })).toBeCloseTo(0.7, 12);
    expect(s({ kind: 'email', minutes: 600 })).toBeCloseTo(0.15, 12);
    expect(s({ kind: 'note' })).toBeCloseTo(0.3, 12);
    expect(s({ kind: 'connected' })).toBe(0);
    expect(s({ kind: 'job_change' })).toBe(0);
    // What they start counts 0.7 of what the user starts.
    expect(s({ initiatedBy: 'them' })).toBeCloseTo(0.7, 12);
  });

  it('ignores interactions in the future and outside the window', () => {
    expect(scoreContact(1, [ix({ participants: [1], at: NOW + DAY_MS })], P, NOW).s).toBe(0);
    const old = ix({ participants: [1], at: NOW - 400 * DAY_MS });
    expect(scoreContact(1, [old], P, NOW).s).toBeGreaterThan(0);
    expect(scoreContact(1, [old], P, NOW, { since: NOW - 365 * DAY_MS }).s).toBe(0);
  });

  it.each([7, 14, 30, 60])('a steady 1:1 every %i days settles near 260/P', (period) => {
    const history: StrengthInteraction[] = [];
    for (let k = 0; k * period < 20 * 365; k++)
      history.push(ix({ participants: [1], at: NOW - k * period * DAY_MS }));
    // Average over one period, since S jumps at each meeting and decays until the next.
    let sum = 0;
    const samples = 20;
    for (let k = 0; k < samples; k++) {
      sum += scoreContact(1, history, P, NOW + ((k + 0.5) / samples) * period * DAY_MS).t;
    }
    const settled = sum / samples;
    expect(Math.abs(settled - 260 / period) / (260 / period)).toBeLessThan(0.01);
  });

  it('puts steady cadences in the Dunbar layers', () => {
    // Judged half-way between two meetings, where S sits near its average.
    const layerFor = (period: number) => {
      const history: StrengthInteraction[] = [];
      for (let k = 0; k * period < 10 * 365; k++)
        history.push(ix({ participants: [1], at: NOW - k * period * DAY_MS }));
      return scoreContact(1, history, P, NOW + (period / 2) * DAY_MS).layer;
    };
    expect(layerFor(7)).toBe('inner');
    expect(layerFor(30)).toBe('close');
    expect(layerFor(182)).toBe('active');
    expect(layerFor(365)).toBe('known');
    expect(layerOf(0.29, P)).toBe('dormant');
    expect(layerOf(15, P)).toBe('inner');
  });

  it('one-sided relationships keep half their score', () => {
    const mine = [ix({ participants: [1], initiatedBy: 'me' }), ix({ participants: [1], initiatedBy: 'me' })];
    const one = scoreContact(1, mine, P, NOW);
    expect(one.r).toBe(0);
    expect(one.t).toBeCloseTo(one.s / 2, 12);
    const theirs = scoreContact(1, [ix({ participants: [1], initiatedBy: 'them' })], P, NOW);
    expect(theirs.t).toBeCloseTo(0.35, 12);
    const both = scoreContact(
      1,
      [ix({ participants: [1], initiatedBy: 'me' }), ix({ participants: [1], initiatedBy: 'them' })],
      P,
      NOW,
    );
    expect(both.r).toBe(1);
    expect(both.t).toBeCloseTo(1.7, 12);
    // Nobody recorded as starting it is no evidence of one-sidedness.
    expect(scoreContact(1, [ix({ participants: [1] })], P, NOW).r).toBe(1);
  });

  it('50 messages on one day count once per direction', () => {
    const day = NOW - 2 * 3600_000;
    const burst: StrengthInteraction[] = [];
    for (let k = 0; k < 50; k++) {
      burst.push(ix({ participants: [1], kind: 'message', at: day + k * 1000, initiatedBy: 'me' }));
      burst.push(ix({ participants: [1], kind: 'email', at: day + k * 1000, initiatedBy: 'them' }));
    }
    const score = scoreContact(1, burst, P, day + 60_000);
    expect(score.count).toBe(2);
    expect(score.s).toBeCloseTo(0.15 * 1 + 0.15 * 0.7, 3);
    // Fifty messages on fifty days all count.
    const spread = people(0, 50).map((k) => ix({ participants: [1], kind: 'message', at: NOW - k * DAY_MS }));
    expect(scoreContact(1, spread, P, NOW).count).toBe(50);
  });

  it('a message to a group counts like a meeting of that size', () => {
    expect(scoreContact(1, [ix({ participants: [1, 2, 3, 4], kind: 'email' })], P, NOW).s).toBeCloseTo(
      0.15 / 4,
      12,
    );
  });

  it('changing a parameter changes the scores as predicted', () => {
    const history = [
      ix({ participants: [1], at: NOW - 180 * DAY_MS }),
      ix({ participants: [1], kind: 'call', at: NOW }),
      ix({ participants: people(1, 39), at: NOW }),
    ];
    const before = scoreContact(1, history, P, NOW).s;
    expect(before).toBeCloseTo(0.5 + 0.7 + 1 / 39, 12);
    const shorter = mergeParams(P, { halfLifeDays: 90 });
    expect(scoreContact(1, history, shorter, NOW).s).toBeCloseTo(0.25 + 0.7 + 1 / 39, 12);
    const calls = mergeParams(P, { kindWeights: { call: 0.35 } });
    expect(scoreContact(1, history, calls, NOW).s).toBeCloseTo(0.5 + 0.35 + 1 / 39, 12);
    const cap = mergeParams(P, { maxMeetingSize: 30 });
    expect(scoreContact(1, history, cap, NOW).s).toBeCloseTo(0.5 + 0.7, 12);
    const layers = mergeParams(P, { layers: { known: 2, active: 2 } });
    expect(scoreContact(1, history, layers, NOW).layer).toBe('dormant');
    const them = mergeParams(P, { directionWeights: { them: 0.5 } });
    expect(scoreContact(1, [ix({ participants: [1], initiatedBy: 'them' })], them, NOW).s).toBeCloseTo(
      0.5,
      12,
    );
  });

  it('trends and drifting come from momentum now against a month ago', () => {
    const cooling = [
      ix({ participants: [1], at: NOW - 35 * DAY_MS }),
      ix({ participants: [1], at: NOW - 40 * DAY_MS }),
    ];
    const warming = [ix({ participants: [2], at: NOW - 2 * DAY_MS })];
    const steady = people(0, 60).map((k) => ix({ participants: [3], at: NOW - k * 7 * DAY_MS }));
    // A faint contact falls too, but by less than the noise floor: not worth calling drifting.
    const barely = [ix({ participants: [4], kind: 'email', at: NOW - 50 * DAY_MS })];
    const scores = scoreAll([...cooling, ...warming, ...steady, ...barely], P, NOW);
    expect(scores.get(1)!.trend).toBe('down');
    expect(scores.get(2)!.trend).toBe('up');
    expect(scores.get(3)!.trend).toBe('flat');
    expect(scores.get(1)!.mPrev).toBeCloseTo(2 * scores.get(1)!.m, 12);
    expect(drifting(scores.values()).map((s) => s.contactId)).toEqual([1]);
    expect(scores.get(4)!.trend).toBe('flat');
  });

  it('scoreAll agrees with scoring each contact alone', () => {
    const history = [
      ix({ participants: [1, 2], at: NOW - 3 * DAY_MS, initiatedBy: 'me' }),
      ix({ participants: [2], kind: 'email', at: NOW - 3 * DAY_MS }),
      ix({ participants: [2], kind: 'email', at: NOW - 3 * DAY_MS + 1000 }),
      ix({ participants: [1, 3], kind: 'video', at: NOW - 100 * DAY_MS, initiatedBy: 'them', minutes: 60 }),
    ];
    const all = scoreAll(history, P, NOW);
    expect([...all.keys()].sort()).toEqual([1, 2, 3]);
    for (const c of [1, 2, 3]) expect(all.get(c)).toEqual(scoreContact(c, history, P, NOW));
  });
});
