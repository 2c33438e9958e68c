import type { StrengthParams } from './params';
import {
  DAY_MS,
  countedFor,
  isSynchronous,
  scoreCounted,
  type ContactScore,
  type CountedInteraction,
  type ScoreOptions,
  type StrengthInteraction,
} from './model';

/** One line of "why": what kind of contact, how many, and how much of S it makes. */
export interface ExplanationGroup {
  key: 'one_to_one' | 'small' | 'team' | 'large' | 'message' | 'email' | 'note';
  label: string;
  /** Meetings, notes, or distinct days for written contact. */
  count: number;
  /** Typical number of people present (the user included), for meetings of three or more. */
  typicalSize: number | null;
  /** Share of S, decayed, in one-to-one equivalents; the groups add up to S. */
  contribution: number;
}

export interface Explanation {
  score: ContactScore;
  groups: ExplanationGroup[];
  /** Counted interactions started by the user, by them, and by nobody recorded. */
  startedByMe: number;
  startedByThem: number;
  startedUnknown: number;
}

const sizeBuckets: { key: ExplanationGroup['key']; max: number; singular: string; plural: string }[] = [
  { key: 'one_to_one', max: 2, singular: 'one-to-one', plural: 'one-to-ones' },
  { key: 'small', max: 5, singular: 'small meeting', plural: 'small meetings' },
  { key: 'team', max: 15, singular: 'team meeting', plural: 'team meetings' },
  { key: 'large', max: Infinity, singular: 'large meeting', plural: 'large meetings' },
];

const order: ExplanationGroup['key'][] = ['one_to_one', 'small', 'team', 'large', 'email', 'message', 'note'];

function groupKey(c: CountedInteraction): ExplanationGroup['key'] {
  const i = c.interaction;
  if (isSynchronous(i.kind)) {
    const n = i.participants.length + 1;
    return sizeBuckets.find((b) => n <= b.max)!.key;
  }
  if (i.kind === 'email') return 'email';
  if (i.kind === 'message') return 'message';
  return 'note';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function labelFor(key: ExplanationGroup['key'], count: number, typicalSize: number | null): string {
  const bucket = sizeBuckets.find((b) => b.key === key);
  if (bucket) {
    const noun = count === 1 ? bucket.singular : bucket.plural;
    return typicalSize !== null && key !== 'one_to_one' ? `${noun} of ${typicalSize}` : noun;
  }
  if (key === 'email') return count === 1 ? 'email day' : 'email days';
  if (key === 'message') return count === 1 ? 'message day' : 'message days';
  return count === 1 ? 'note' : 'notes';
}

/** The score of one contact with what made it, grouped by kind and meeting size. */
export function explainContact(
  contactId: number,
  interactions: Iterable<StrengthInteraction>,
  p: StrengthParams,
  now: number,
  opts: ScoreOptions = {},
): Explanation {
  const counted = countedFor(contactId, interactions, p, now, opts);
  const score = scoreCounted(contactId, counted, p, now);
  const acc = new Map<
    ExplanationGroup['key'],
    { contribution: number; sizes: number[]; days: Set<number> }
  >();
  let startedByMe = 0;
  let startedByThem = 0;
  let startedUnknown = 0;
  for (const c of counted) {
    const i = c.interaction;
    const key = groupKey(c);
    let g = acc.get(key);
    if (!g) acc.set(key, (g = { contribution: 0, sizes: [], days: new Set() }));
    g.contribution +=
      c.base * p.directionWeights[i.initiatedBy] * Math.pow(2, -(now - i.at) / (p.halfLifeDays * DAY_MS));
    g.sizes.push(i.participants.length + 1);
    g.days.add(Math.floor(i.at / DAY_MS));
    if (i.initiatedBy === 'me') startedByMe++;
    else if (i.initiatedBy === 'them') startedByThem++;
    else startedUnknown++;
  }
  const groups: ExplanationGroup[] = [];
  for (const key of order) {
    const g = acc.get(key);
    if (!g) continue;
    const written = key === 'email' || key === 'message';
    const count = written ? g.days.size : g.sizes.length;
    const typicalSize = isMeetingKey(key) && key !== 'one_to_one' ? median(g.sizes) : null;
    groups.push({
      key,
      label: labelFor(key, count, typicalSize),
      count,
      typicalSize,
      contribution: g.contribution,
    });
  }
  return { score, groups, startedByMe, startedByThem, startedUnknown };
}

function isMeetingKey(key: ExplanationGroup['key']): boolean {
  return sizeBuckets.some((b) => b.key === key);
}

/** "6 one-to-ones: 5.2; 14 team meetings of 8: 1.2; 31 email days: 1.6" */
export function formatGroups(groups: readonly ExplanationGroup[]): string {
  return groups.map((g) => `${g.count} ${g.label}: ${g.contribution.toFixed(1)}`).join('; ');
}

/** "Reciprocity 0.67 (you started 8, they started 4): strength is 83% of 6.1" */
export function formatReciprocity(e: Explanation): string {
  const share = Math.round((0.5 + 0.5 * e.score.r) * 100);
  return (
    `Reciprocity ${e.score.r.toFixed(2)} (you started ${e.startedByMe}, they started ${e.startedByThem}): ` +
    `strength is ${share}% of ${e.score.s.toFixed(1)}`
  );
}

/** Month starts (UTC) of the `months - 1` months before the one containing `now`, then `now`. */
export function seriesInstants(now: number, months = 24): number[] {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const points: number[] = [];
  for (let k = months - 1; k >= 1; k--) points.push(Date.UTC(y, m - k + 1, 1));
  points.push(now);
  return points;
}

export interface SeriesPoint {
  at: number;
  t: number;
}

/** T as it stood at the start of each of the last 24 months, and now: the sparkline. */
export function strengthSeries(
  contactId: number,
  interactions: readonly StrengthInteraction[],
  p: StrengthParams,
  now: number,
  months = 24,
): SeriesPoint[] {
  const mine = interactions.filter((i) => i.participants.includes(contactId));
  return seriesInstants(now, months).map((at) => ({
    at,
    t: scoreCounted(contactId, countedFor(contactId, mine, p, at), p, at).t,
  }));
}
