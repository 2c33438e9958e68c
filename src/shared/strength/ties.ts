import type { StrengthParams } from './params';
import { DAY_MS, durationFactor, isSynchronous, type ScoreOptions, type StrengthInteraction } from './model';

/** A contact-to-contact tie, `a < b`. */
export interface Tie {
  a: number;
  b: number;
  w: number;
}

// Pairs are packed into one number: fine for contact ids below 2^26 (67 million).
const PAIR = 67_108_864;

/**
 * W(a, b) = sum over meetings both attended, with at most `tieMaxMeetingSize` people, of
 * d(duration) * 1/(n-1) * 2^(-age/H) (Newman 2001: a meeting of n people is shared n-1 ways).
 */
export function tieWeights(
  interactions: Iterable<StrengthInteraction>,
  p: StrengthParams,
  now: number,
  opts: ScoreOptions = {},
): Tie[] {
  const since = opts.since ?? -Infinity;
  const k = -1 / (p.halfLifeDays * DAY_MS);
  const acc = new Map<number, number>();
  for (const i of interactions) {
    const people = i.participants;
    const n = people.length + 1;
    if (people.length < 2 || n > p.tieMaxMeetingSize || n > p.maxMeetingSize) continue;
    if (!isSynchronous(i.kind) || i.at > now || i.at < since) continue;
    const w = (durationFactor(i.kind, i.minutes, p) / (n - 1)) * Math.pow(2, (now - i.at) * k);
    for (let x = 0; x < people.length; x++) {
      for (let y = x + 1; y < people.length; y++) {
        const a = people[x] < people[y] ? people[x] : people[y];
        const b = people[x] < people[y] ? people[y] : people[x];
        if (a === b) continue;
        const key = a * PAIR + b;
        acc.set(key, (acc.get(key) ?? 0) + w);
      }
    }
  }
  const ties: Tie[] = [];
  for (const [key, w] of acc) {
    const a = Math.floor(key / PAIR);
    ties.push({ a, b: key - a * PAIR, w });
  }
  return ties;
}

/** The ties that are among the k strongest of at least one of their two ends. */
export function backbone(ties: readonly Tie[], k: number): Tie[] {
  const top = new Map<number, number[]>();
  const consider = (node: number, idx: number) => {
    let list = top.get(node);
    if (!list) top.set(node, (list = []));
    const w = ties[idx].w;
    if (list.length === k && ties[list[k - 1]].w >= w) return;
    let pos = list.length < k ? list.length : k - 1;
    while (pos > 0 && ties[list[pos - 1]].w < w) {
      list[pos] = list[pos - 1];
      pos--;
    }
    list[pos] = idx;
  };
  for (let idx = 0; idx < ties.length; idx++) {
    consider(ties[idx].a, idx);
    consider(ties[idx].b, idx);
  }
  const keep = new Uint8Array(ties.length);
  for (const list of top.values()) for (const idx of list) keep[idx] = 1;
  return ties.filter((_, idx) => keep[idx] === 1);
}

/** The user in path results; contacts have positive ids. */
export const ME = 0;

export interface PathStep {
  from: number;
  to: number;
  /** The tie's weight: T for the user's own tie, W between two contacts. */
  w: number;
}

export interface IntroPath {
  /** Node ids from the user (0) to the target. */
  nodes: number[];
  steps: PathStep[];
  /** The weakest tie on the path: what the path is worth. */
  bottleneck: number;
}

/**
 * The widest path from the user to `target`: the route whose weakest tie is strongest, with
 * fewer hops winning among equals. The user's ties are their strengths T; others are W.
 * `excludeDirect` asks "who could introduce me" even when the user knows the target already.
 */
export function widestPath(
  userTies: ReadonlyMap<number, number>,
  ties: readonly Tie[],
  target: number,
  opts: { excludeDirect?: boolean } = {},
): IntroPath | null {
  const adj = new Map<number, { to: number; w: number }[]>();
  const link = (a: number, b: number, w: number) => {
    if (w <= 0) return;
    let list = adj.get(a);
    if (!list) adj.set(a, (list = []));
    list.push({ to: b, w });
  };
  for (const [c, w] of userTies) {
    if (opts.excludeDirect && c === target) continue;
    link(ME, c, w);
  }
  for (const t of ties) {
    link(t.a, t.b, t.w);
    link(t.b, t.a, t.w);
  }
  if (target === ME) return null;

  const width = new Map<number, number>([[ME, Infinity]]);
  const hops = new Map<number, number>([[ME, 0]]);
  const prev = new Map<number, number>();
  const done = new Set<number>();
  const heap = new MaxHeap();
  heap.push(ME, Infinity, 0);
  while (heap.size > 0) {
    const { node } = heap.pop();
    if (done.has(node)) continue;
    done.add(node);
    if (node === target) break;
    const wNode = width.get(node)!;
    const hNode = hops.get(node)!;
    for (const { to, w } of adj.get(node) ?? []) {
      if (done.has(to)) continue;
      const cand = Math.min(wNode, w);
      const best = width.get(to);
      if (best === undefined || cand > best || (cand === best && hNode + 1 < hops.get(to)!)) {
        width.set(to, cand);
        hops.set(to, hNode + 1);
        prev.set(to, node);
        heap.push(to, cand, hNode + 1);
      }
    }
  }
  if (!done.has(target)) return null;
  const nodes = [target];
  while (nodes[0] !== ME) nodes.unshift(prev.get(nodes[0])!);
  const steps: PathStep[] = [];
  for (let x = 0; x + 1 < nodes.length; x++) {
    const from = nodes[x];
    const to = nodes[x + 1];
    const w = adj.get(from)!.find((e) => e.to === to)!.w;
    steps.push({ from, to, w });
  }
  return { nodes, steps, bottleneck: Math.min(...steps.map((s) => s.w)) };
}

/** Binary max-heap on width, then fewest hops. */
class MaxHeap {
  private items: { node: number; width: number; hops: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  private better(x: number, y: number): boolean {
    const a = this.items[x];
    const b = this.items[y];
    return a.width > b.width || (a.width === b.width && a.hops < b.hops);
  }
  push(node: number, width: number, hops: number): void {
    const items = this.items;
    items.push({ node, width, hops });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(i, parent)) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): { node: number; width: number; hops: number } {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.better(l, best)) best = l;
        if (r < items.length && this.better(r, best)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}
