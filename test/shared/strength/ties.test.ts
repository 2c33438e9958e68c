import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, type StrengthInteraction } from '../../../src/shared/strength/model';
import { defaultStrengthParams as P, mergeParams } from '../../../src/shared/strength/params';
import { backbone, ME, tieWeights, widestPath, type Tie } from '../../../src/shared/strength/ties';

const NOW = Date.UTC(2026, 10, 25, 12);
let nextId = 1;
function meeting(participants: number[], over: Partial<StrengthInteraction> = {}): StrengthInteraction {
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
const weightOf = (ties: Tie[], a: number, b: number) =>
  ties.find((t) => t.a === Math.min(a, b) && t.b === Math.max(a, b))?.w;

describe('contact-to-contact ties', () => {
  it('a 3-person meeting gives each pair 0.5; a 30-person meeting gives nothing', () => {
    const three = tieWeights([meeting([1, 2])], P, NOW);
    expect(three).toEqual([{ a: 1, b: 2, w: 0.5 }]);
    const thirty = tieWeights([meeting(Array.from({ length: 29 }, (_, k) => k + 1))], P, NOW);
    expect(thirty).toEqual([]);
    // 25 people (the user included) is the largest meeting that still counts, at 1/24 per pair.
    const cap = tieWeights([meeting(Array.from({ length: 24 }, (_, k) => k + 1))], P, NOW);
    expect(cap).toHaveLength((24 * 23) / 2);
    expect(cap[0].w).toBeCloseTo(1 / 24, 12);
  });

  it('sums shared meetings, decayed and scaled by duration; ignores messages and the future', () => {
    const ties = tieWeights(
      [
        meeting([2, 1], { at: NOW - 180 * DAY_MS }),
        meeting([1, 2], { minutes: 120 }),
        meeting([1, 2], { kind: 'email' }),
        meeting([1, 2], { at: NOW + DAY_MS }),
      ],
      P,
      NOW,
    );
    expect(weightOf(ties, 1, 2)).toBeCloseTo(0.25 + 1, 12);
  });

  it('follows the large-meeting cap parameter', () => {
    const ten = meeting(Array.from({ length: 9 }, (_, k) => k + 1));
    expect(tieWeights([ten], P, NOW)).toHaveLength(36);
    expect(tieWeights([ten], mergeParams(P, { tieMaxMeetingSize: 9 }), NOW)).toEqual([]);
  });
});

describe('backbone', () => {
  it('keeps each node’s k strongest ties', () => {
    // A hub with five ties of rising weight, and leaves tied only to the hub.
    const ties: Tie[] = [1, 2, 3, 4, 5].map((w) => ({ a: 1, b: 10 + w, w }));
    ties.push({ a: 11, b: 12, w: 0.1 }, { a: 11, b: 13, w: 0.2 }, { a: 11, b: 14, w: 0.3 });
    const kept = backbone(ties, 3);
    // Every tie is in some leaf's top 3 except none: leaves have few ties, so all stay.
    expect(kept).toHaveLength(ties.length);
    // With k = 1 only each node's single strongest tie survives.
    const one = backbone(ties, 1);
    expect(one.map((t) => `${t.a}-${t.b}`).sort()).toEqual(['1-11', '1-12', '1-13', '1-14', '1-15'].sort());
  });

  it('always keeps every node’s strongest tie and never more than k per node from its own choice', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.integer({ min: 1, max: 15 }),
            b: fc.integer({ min: 16, max: 30 }),
            w: fc.double({ min: 0.01, max: 10, noNaN: true }),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (raw, k) => {
          const seen = new Set<string>();
          const ties = raw.filter((t) => !seen.has(`${t.a}-${t.b}`) && seen.add(`${t.a}-${t.b}`));
          const kept = new Set(backbone(ties, k));
          const nodes = new Set(ties.flatMap((t) => [t.a, t.b]));
          for (const n of nodes) {
            const mine = ties.filter((t) => t.a === n || t.b === n).sort((x, y) => y.w - x.w);
            expect(kept.has(mine[0])).toBe(true);
            // A tie outside the node's top k is kept only if the other end chose it.
            for (const t of mine.slice(k)) {
              if (!kept.has(t)) continue;
              const other = t.a === n ? t.b : t.a;
              const theirs = ties.filter((u) => u.a === other || u.b === other).sort((x, y) => y.w - x.w);
              expect(theirs.slice(0, k).some((u) => u.w <= t.w)).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('strongest introduction path', () => {
  const userTies = new Map([
    [1, 10],
    [2, 3],
    [3, 0.2],
  ]);
  const ties: Tie[] = [
    { a: 1, b: 4, w: 0.5 },
    { a: 2, b: 4, w: 2 },
    { a: 3, b: 4, w: 9 },
    { a: 4, b: 5, w: 1 },
  ];

  it('maximises the weakest tie, not the sum', () => {
    const path = widestPath(userTies, ties, 4)!;
    expect(path.nodes).toEqual([ME, 2, 4]);
    expect(path.steps).toEqual([
      { from: ME, to: 2, w: 3 },
      { from: 2, to: 4, w: 2 },
    ]);
    expect(path.bottleneck).toBe(2);
    expect(widestPath(userTies, ties, 5)!.nodes).toEqual([ME, 2, 4, 5]);
  });

  it('uses the direct tie when it is the widest, unless asked for an introducer', () => {
    expect(widestPath(userTies, ties, 1)!.nodes).toEqual([ME, 1]);
    const via = widestPath(userTies, [...ties, { a: 1, b: 2, w: 1.5 }], 1, { excludeDirect: true })!;
    expect(via.nodes).toEqual([ME, 2, 1]);
    expect(via.bottleneck).toBe(1.5);
  });

  it('prefers fewer hops among equally wide paths and says when there is no path', () => {
    const flat = new Map([
      [1, 1],
      [2, 1],
    ]);
    const path = widestPath(
      flat,
      [
        { a: 1, b: 3, w: 1 },
        { a: 1, b: 2, w: 1 },
        { a: 2, b: 3, w: 1 },
      ],
      3,
    )!;
    expect(path.nodes).toHaveLength(3);
    expect(widestPath(flat, [], 99)).toBeNull();
    expect(widestPath(new Map(), [{ a: 5, b: 6, w: 1 }], 6)).toBeNull();
  });

  it('matches brute force on random small graphs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 6 }),
            fc.integer({ min: 1, max: 6 }),
            fc.integer({ min: 1, max: 9 }),
          ),
          { maxLength: 15 },
        ),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (edges, direct, target) => {
          const u = new Map(direct.map((w, k) => [k + 1, w] as [number, number]).filter(([, w]) => w > 4));
          const seen = new Set<string>();
          const ties: Tie[] = [];
          for (const [x, y, w] of edges) {
            const a = Math.min(x, y);
            const b = Math.max(x, y);
            if (a === b || seen.has(`${a}-${b}`)) continue;
            seen.add(`${a}-${b}`);
            ties.push({ a, b, w });
          }
          // Brute force: the best bottleneck over all simple paths.
          const adj = new Map<number, [number, number][]>();
          const add = (a: number, b: number, w: number) => adj.set(a, [...(adj.get(a) ?? []), [b, w]]);
          for (const [c, w] of u) add(ME, c, w);
          for (const t of ties) {
            add(t.a, t.b, t.w);
            add(t.b, t.a, t.w);
          }
          let best = -1;
          const walk = (node: number, width: number, visited: Set<number>) => {
            if (node === target) return void (best = Math.max(best, width));
            for (const [to, w] of adj.get(node) ?? []) {
              if (visited.has(to)) continue;
              visited.add(to);
              walk(to, Math.min(width, w), visited);
              visited.delete(to);
            }
          };
          walk(ME, Infinity, new Set([ME]));
          const path = widestPath(u, ties, target);
          if (best < 0) expect(path).toBeNull();
          else expect(path!.bottleneck).toBe(best);
        },
      ),
    );
  });
});
