import type { InteractionKind, Initiator } from '../journal/kinds';
import type { StrengthParams } from './params';

/**
 * The relationship-strength model of DESIGN section 4. Scores are in "30-minute one-to-one
 * equivalents"; every interaction is decayed by its age:
 *
 *   contribution = w_kind * d(duration) * g(n) * w_dir * 2^(-age_days / H)
 *   S = sum (H = 180), M = sum (H = 30), R = 2 min(out, in) / (out + in), T = S (0.5 + 0.5 R)
 */

export const DAY_MS = 86_400_000;

/** What the model needs of one interaction; `participants` are the contacts present (not the user). */
export interface StrengthInteraction {
  id: number;
  kind: InteractionKind;
  /** Start, epoch milliseconds. */
  at: number;
  /** Length in minutes when known; null means "a usual 30 minutes". */
  minutes: number | null;
  initiatedBy: Initiator;
  participants: readonly number[];
}

export const layers = ['inner', 'close', 'active', 'known', 'dormant'] as const;
export type Layer = (typeof layers)[number];

export type Trend = 'up' | 'flat' | 'down';

export interface ContactScore {
  contactId: number;
  /** Long-term strength S. */
  s: number;
  /** Momentum M now, and M `trendWindowDays` ago. */
  m: number;
  mPrev: number;
  /** Reciprocity R, from the decayed weight of what each side started. */
  r: number;
  /** The weight the user started and the weight they started (decayed, before w_dir). */
  out: number;
  in: number;
  /** The strength shown: T = S (0.5 + 0.5 R). */
  t: number;
  layer: Layer;
  trend: Trend;
  /** The most recent counted interaction, epoch ms, or null. */
  lastAt: number | null;
  /** Interactions that counted (written ones after the once-a-day rule). */
  count: number;
}

export interface ScoreOptions {
  /** Only interactions at or after this instant count ("the last 12 months"). */
  since?: number;
  /** The caller vouches that the contact is in every interaction given (a per-contact list). */
  trusted?: boolean;
}

/** Kinds where people spend time together, so duration and meeting size mean something. */
const synchronousKinds: ReadonlySet<InteractionKind> = new Set([
  'meeting',
  'video',
  'call',
  'coffee',
  'event',
  'project',
]);
/** Kinds that count at most once per contact, day and direction. */
const writtenKinds: ReadonlySet<InteractionKind> = new Set(['message', 'email']);

export function isSynchronous(kind: InteractionKind): boolean {
  return synchronousKinds.has(kind);
}
export function isWritten(kind: InteractionKind): boolean {
  return writtenKinds.has(kind);
}

/** d(duration): a 30-minute meeting is 1, two hours 2, ten minutes 0.58. */
export function durationFactor(kind: InteractionKind, minutes: number | null, p: StrengthParams): number {
  if (!synchronousKinds.has(kind) || minutes === null) return 1;
  return Math.min(p.durationMax, Math.max(p.durationMin, Math.sqrt(minutes / 30)));
}

/** g(n) = 1/(n-1) for n people present including the user; 0 above the large-meeting cap. */
export function sizeFactor(n: number, p: StrengthParams): number {
  if (n < 2 || n > p.maxMeetingSize) return 0;
  return 1 / (n - 1);
}

export function decay(ageDays: number, halfLifeDays: number): number {
  return Math.pow(2, -ageDays / halfLifeDays);
}

/** w_kind * d * g: what one interaction is worth to each person in it, before direction and decay. */
export function baseWeight(i: StrengthInteraction, p: StrengthParams): number {
  const w = p.kindWeights[i.kind] ?? 0;
  if (w === 0) return 0;
  return w * durationFactor(i.kind, i.minutes, p) * sizeFactor(i.participants.length + 1, p);
}

export function directionWeight(initiatedBy: Initiator, p: StrengthParams): number {
  return p.directionWeights[initiatedBy];
}

export function reciprocity(out: number, inn: number): number {
  const total = out + inn;
  // No evidence of who starts things is not evidence of a one-sided relationship.
  if (total <= 0) return 1;
  return (2 * Math.min(out, inn)) / total;
}

export function layerOf(t: number, p: StrengthParams): Layer {
  if (t >= p.layers.inner) return 'inner';
  if (t >= p.layers.close) return 'close';
  if (t >= p.layers.active) return 'active';
  if (t >= p.layers.known) return 'known';
  return 'dormant';
}

/** Momentum now against momentum a window ago: a quarter up or down, beyond noise, is a trend. */
export function trendOf(m: number, mPrev: number): Trend {
  if (m > mPrev * 1.25 + 0.05) return 'up';
  if (m * 1.25 + 0.05 < mPrev) return 'down';
  return 'flat';
}

/** An interaction as it counts for one contact, after the once-a-day rule for written kinds. */
export interface CountedInteraction {
  interaction: StrengthInteraction;
  /** w_kind * d * g (no direction, no decay). */
  base: number;
}

const dirIndex: Record<Initiator, number> = { me: 0, them: 1, unknown: 2 };

/**
 * The interactions that count for one contact: in the window, not in the future, not ignored by
 * size or kind; written ones reduced to the weightiest per UTC day and direction, since fifty
 * messages on one day say little more than one.
 */
export function countedFor(
  contactId: number,
  interactions: Iterable<StrengthInteraction>,
  p: StrengthParams,
  now: number,
  opts: ScoreOptions = {},
): CountedInteraction[] {
  const since = opts.since ?? -Infinity;
  const out: CountedInteraction[] = [];
  let written: Map<number, CountedInteraction> | null = null;
  for (const i of interactions) {
    if (i.at > now || i.at < since) continue;
    if (!opts.trusted && !i.participants.includes(contactId)) continue;
    const base = baseWeight(i, p);
    if (base <= 0) continue;
    if (writtenKinds.has(i.kind)) {
      written ??= new Map();
      const key = Math.floor(i.at / DAY_MS) * 4 + dirIndex[i.initiatedBy];
      const prev = written.get(key);
      if (!prev || base > prev.base || (base === prev.base && i.at > prev.interaction.at)) {
        written.set(key, { interaction: i, base });
      }
    } else {
      out.push({ interaction: i, base });
    }
  }
  if (written) for (const c of written.values()) out.push(c);
  return out;
}

/**
 * Sums S, M, M a window ago, and who-started-what for one contact. Decays use exp with
 * precomputed rates, and M a window ago is M's own decay scaled, so each interaction costs two
 * exponentials: the full recompute touches every participation.
 */
class Accumulator {
  private readonly prevAt: number;
  private readonly rS: number;
  private readonly rM: number;
  private readonly back: number;
  s = 0;
  m = 0;
  mPrev = 0;
  out = 0;
  inn = 0;
  lastAt: number | null = null;
  count = 0;
  constructor(
    private readonly p: StrengthParams,
    private readonly now: number,
  ) {
    this.prevAt = now - p.trendWindowDays * DAY_MS;
    this.rS = -Math.LN2 / (p.halfLifeDays * DAY_MS);
    this.rM = -Math.LN2 / (p.momentumHalfLifeDays * DAY_MS);
    this.back = Math.pow(2, p.trendWindowDays / p.momentumHalfLifeDays);
  }
  add(i: StrengthInteraction, base: number): void {
    const age = this.now - i.at;
    const dS = Math.exp(age * this.rS);
    const dM = Math.exp(age * this.rM);
    const w = base * this.p.directionWeights[i.initiatedBy];
    this.s += w * dS;
    this.m += w * dM;
    if (i.at <= this.prevAt) this.mPrev += w * dM * this.back;
    if (i.initiatedBy === 'me') this.out += base * dS;
    else if (i.initiatedBy === 'them') this.inn += base * dS;
    if (this.lastAt === null || i.at > this.lastAt) this.lastAt = i.at;
    this.count++;
  }
  result(contactId: number): ContactScore {
    const r = reciprocity(this.out, this.inn);
    const t = this.s * (0.5 + 0.5 * r);
    return {
      contactId,
      s: this.s,
      m: this.m,
      mPrev: this.mPrev,
      r,
      out: this.out,
      in: this.inn,
      t,
      layer: layerOf(t, this.p),
      trend: trendOf(this.m, this.mPrev),
      lastAt: this.lastAt,
      count: this.count,
    };
  }
}

/** Scores one contact from the interactions they took part in (others are skipped). */
export function scoreContact(
  contactId: number,
  interactions: Iterable<StrengthInteraction>,
  p: StrengthParams,
  now: number,
  opts: ScoreOptions = {},
): ContactScore {
  // Same rules as `countedFor`, without building the list: this is the hot path.
  const since = opts.since ?? -Infinity;
  const acc = new Accumulator(p, now);
  let written: Map<number, CountedInteraction> | null = null;
  for (const i of interactions) {
    if (i.at > now || i.at < since) continue;
    if (!opts.trusted && !i.participants.includes(contactId)) continue;
    const base = baseWeight(i, p);
    if (base <= 0) continue;
    if (writtenKinds.has(i.kind)) {
      written ??= new Map();
      const key = Math.floor(i.at / DAY_MS) * 4 + dirIndex[i.initiatedBy];
      const prev = written.get(key);
      if (!prev || base > prev.base || (base === prev.base && i.at > prev.interaction.at)) {
        written.set(key, { interaction: i, base });
      }
    } else {
      acc.add(i, base);
    }
  }
  if (written) for (const c of written.values()) acc.add(c.interaction, c.base);
  return acc.result(contactId);
}

export function scoreCounted(
  contactId: number,
  counted: readonly CountedInteraction[],
  p: StrengthParams,
  now: number,
): ContactScore {
  const acc = new Accumulator(p, now);
  for (const c of counted) acc.add(c.interaction, c.base);
  return acc.result(contactId);
}

/** Each contact's interactions, in input order. */
export function groupByContact(
  interactions: Iterable<StrengthInteraction>,
): Map<number, StrengthInteraction[]> {
  const by = new Map<number, StrengthInteraction[]>();
  for (const i of interactions) {
    for (const c of i.participants) {
      const list = by.get(c);
      if (list) list.push(i);
      else by.set(c, [i]);
    }
  }
  return by;
}

/** Scores every contact that appears in the interactions. */
export function scoreAll(
  interactions: Iterable<StrengthInteraction>,
  p: StrengthParams,
  now: number,
  opts: ScoreOptions = {},
): Map<number, ContactScore> {
  const scores = new Map<number, ContactScore>();
  for (const [contactId, list] of groupByContact(interactions)) {
    scores.set(contactId, scoreContact(contactId, list, p, now, { ...opts, trusted: true }));
  }
  return scores;
}

/** The contacts whose momentum fell most over the trend window, largest fall first. */
export function drifting(scores: Iterable<ContactScore>, limit = 10): ContactScore[] {
  const falling: ContactScore[] = [];
  for (const s of scores) if (s.mPrev - s.m > 0 && s.trend === 'down') falling.push(s);
  falling.sort((a, b) => b.mPrev - b.m - (a.mPrev - a.m) || a.contactId - b.contactId);
  return falling.slice(0, limit);
}
