import type { Layer } from '../strength/model';
import { matchInteraction, personMatches, type Candidate, type ResolvedFilter } from './filter';
import {
  addDays,
  daysBetween,
  localDate,
  makePeriod,
  periodContaining,
  periodIndexOf,
  periodsBetween,
  instantOf,
  whenOf,
  type Clock,
  type Period,
} from './periods';
import type { Checkin, GoalDefinition, PeriodProgress } from './schemas';

/** How many past periods the history shows. */
export const HISTORY_PERIODS = 24;

export const layerRank: Record<Layer, number> = { inner: 4, close: 3, active: 2, known: 1, dormant: 0 };

export function today(now: number, clock: Clock): string {
  return localDate(now, clock.timeZone);
}

/** The last local day the goal is evaluated on: today, or its due date once that has passed. */
export function evaluationDate(
  def: Pick<GoalDefinition, 'startDate' | 'dueDate'>,
  now: number,
  clock: Clock,
): string {
  const t = today(now, clock);
  const last = def.dueDate !== null && def.dueDate < t ? def.dueDate : t;
  return last < def.startDate ? def.startDate : last;
}

/**
 * The periods a goal is measured over, oldest first, the current (or last) one at the end.
 * Periodic goals count calendar periods in full, the first one too, so a goal created today
 * already counts what happened earlier in this period. `total` goals count their window
 * from the start to the due date (or today).
 */
export function goalPeriods(
  def: Pick<GoalDefinition, 'startDate' | 'dueDate' | 'period' | 'measure'>,
  now: number,
  clock: Clock,
  limit = HISTORY_PERIODS,
): Period[] {
  const last = evaluationDate(def, now, clock);
  if (def.period === 'total' || def.measure === 'milestones') {
    const end = addDays(def.dueDate !== null && def.dueDate > last ? def.dueDate : last, 1);
    return [makePeriod(def.startDate, end, 'total', clock.timeZone)];
  }
  return periodsBetween(def.startDate, last, def.period, clock, limit);
}

export function currentPeriod(def: GoalDefinition, now: number, clock: Clock): Period {
  if (def.period === 'total' || def.measure === 'milestones') return goalPeriods(def, now, clock, 1)[0];
  return periodContaining(evaluationDate(def, now, clock), def.period, clock);
}

export interface PeriodTally {
  /** Matching interactions in the period. */
  interactions: number[];
  /** Distinct matching people in the period. */
  people: Set<number>;
}

/**
 * Buckets matching interactions into periods. Anything after `now` is not history yet and
 * does not count.
 */
export function tallyInteractions(
  filter: ResolvedFilter,
  candidates: Iterable<Candidate>,
  periods: readonly Period[],
  now: number,
  clock: Clock,
): PeriodTally[] {
  const tallies: PeriodTally[] = periods.map(() => ({ interactions: [], people: new Set() }));
  const todayDate = today(now, clock);
  const nowIso = new Date(now).toISOString();
  const seen = new Set<number>();
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    const w = whenOf(c.startsAt, c.allDay);
    if (w.allDay ? w.date > todayDate : w.iso !== '' ? w.iso > nowIso : !(w.ms <= now)) continue;
    const index = periodIndexOf(w, periods);
    if (index < 0) continue;
    const people = matchInteraction(filter, c);
    if (people === null) continue;
    seen.add(c.id);
    const t = tallies[index];
    t.interactions.push(c.id);
    for (const p of people) t.people.add(p);
  }
  return tallies;
}

/** Contacts added in each period who match the filter ("identify 3 potential sponsors"). */
export function tallyContacts(
  filter: ResolvedFilter,
  contacts: Iterable<{ id: number; createdAt: string }>,
  periods: readonly Period[],
  now: number,
): PeriodTally[] {
  const tallies: PeriodTally[] = periods.map(() => ({ interactions: [], people: new Set() }));
  for (const c of contacts) {
    const w = whenOf(c.createdAt, false);
    if (!(instantOf(w) <= now)) continue;
    const index = periodIndexOf(w, periods);
    if (index < 0 || !personMatches(filter, c.id, false)) continue;
    tallies[index].people.add(c.id);
  }
  return tallies;
}

export function checkinsPerPeriod(checkins: readonly Checkin[], periods: readonly Period[]): number[] {
  const sums = periods.map(() => 0);
  for (const c of checkins) {
    const index = periodIndexOf(whenOf(c.date, true), periods);
    if (index >= 0) sums[index] += c.amount;
  }
  return sums;
}

export function periodProgress(
  p: Period,
  fromData: number,
  fromCheckins: number,
  target: number,
): PeriodProgress {
  const value = fromData + fromCheckins;
  return {
    key: p.key,
    startDate: p.startDate,
    endDate: addDays(p.endDate, -1),
    fromData,
    fromCheckins,
    value,
    target,
    met: target > 0 && value >= target,
  };
}

/**
 * Periods in a row met, counting back from the newest. A current period not met yet does not
 * break the streak: it is still running.
 */
export function streakOf(history: readonly PeriodProgress[]): number {
  let i = history.length - 1;
  if (i >= 0 && !history[i].met) i--;
  let streak = 0;
  for (; i >= 0 && history[i].met; i--) streak++;
  return streak;
}

export interface Pace {
  ratio: number;
  daysLeft: number | null;
  behind: boolean;
  urgency: number;
}

/**
 * How the current period stands: the share of the target reached, days left, whether the
 * pace so far falls short of an even spread over the period, and an urgency that grows as
 * the gap widens and the time to close it shrinks.
 */
export function paceOf(
  def: Pick<GoalDefinition, 'status' | 'period' | 'dueDate' | 'measure'>,
  progress: PeriodProgress | null,
  now: number,
  clock: Clock,
): Pace {
  if (!progress || progress.target <= 0) return { ratio: 0, daysLeft: null, behind: false, urgency: 0 };
  const ratio = Math.min(1, progress.value / progress.target);
  const t = today(now, clock);
  const openEnded = (def.period === 'total' || def.measure === 'milestones') && def.dueDate === null;
  const endExclusive = addDays(progress.endDate, 1);
  const daysLeft = openEnded ? null : Math.max(0, daysBetween(t, endExclusive));
  const length = Math.max(1, daysBetween(progress.startDate, endExclusive));
  const elapsed = Math.min(length, Math.max(0, daysBetween(progress.startDate, t) + 1));
  const behind = !progress.met && progress.value < (progress.target * elapsed) / length;
  const active = def.status === 'active';
  const urgency =
    !active || progress.met ? 0 : (1 - ratio) / Math.max(1, daysLeft ?? 365) + (behind ? 0.01 : 0);
  return { ratio, daysLeft, behind, urgency };
}

/**
 * A period is "ending" when less than a quarter of it is left (at least the last two days of a
 * week); a goal with a due date is ending in its last two weeks.
 */
export function isEnding(progress: PeriodProgress, daysLeft: number | null): boolean {
  if (daysLeft === null) return false;
  const length = daysBetween(progress.startDate, addDays(progress.endDate, 1));
  return daysLeft <= Math.max(2, Math.min(14, Math.ceil(length / 4)));
}

export interface StrengthAt {
  /** Layer of each linked contact at an instant. */
  (contactId: number, atMs: number): Layer;
}

/** Relationship goals: how many linked contacts stand at or above the target layer at each period's end. */
export function relationshipHistory(
  contactIds: readonly number[],
  targetLayer: Layer,
  periods: readonly Period[],
  now: number,
  layerAt: StrengthAt,
): { perPeriod: number[]; current: Map<number, Layer> } {
  const current = new Map<number, Layer>();
  const perPeriod = periods.map((p, i) => {
    const at = i === periods.length - 1 ? now : Math.min(now, p.endMs - 1);
    let reached = 0;
    for (const id of contactIds) {
      const layer = layerAt(id, at);
      if (i === periods.length - 1) current.set(id, layer);
      if (layerRank[layer] >= layerRank[targetLayer]) reached++;
    }
    return reached;
  });
  return { perPeriod, current };
}

/** A milestone's automatic tick: an interaction in the goal's window matching all its criteria. */
export interface MilestoneRule {
  contactId: number | null;
  kinds: readonly string[];
  keyword: string | null;
}

export function milestoneAutomatic(rule: MilestoneRule): boolean {
  return rule.contactId !== null || rule.kinds.length > 0 || (rule.keyword ?? '') !== '';
}

export function milestoneMatches(
  rule: MilestoneRule,
  i: { kind: string; people: readonly number[]; title: string; notes: string },
): boolean {
  if (!milestoneAutomatic(rule)) return false;
  if (rule.kinds.length > 0 && !rule.kinds.includes(i.kind)) return false;
  if (rule.contactId !== null && !i.people.includes(rule.contactId)) return false;
  const keyword = (rule.keyword ?? '').toLocaleLowerCase();
  if (keyword !== '' && !`${i.title}\n${i.notes}`.toLocaleLowerCase().includes(keyword)) return false;
  return true;
}

/** The span a goal's periods cover, for range queries. */
export function windowOf(periods: readonly Period[]): {
  startMs: number;
  endMs: number;
  startDate: string;
  endDate: string;
} {
  const first = periods[0];
  const last = periods[periods.length - 1];
  return { startMs: first.startMs, endMs: last.endMs, startDate: first.startDate, endDate: last.endDate };
}
