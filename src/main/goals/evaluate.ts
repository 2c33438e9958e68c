import type BetterSqlite3 from 'better-sqlite3';
import { matchInteraction, type Candidate, type ResolvedFilter } from '../../shared/goals/filter';
import { inPeriod, instantOf, whenOf, type Clock, type Period } from '../../shared/goals/periods';
import {
  checkinsPerPeriod,
  currentPeriod,
  goalPeriods,
  layerRank,
  milestoneAutomatic,
  milestoneMatches,
  paceOf,
  periodProgress,
  relationshipHistory,
  streakOf,
  today,
  tallyContacts,
  tallyInteractions,
  windowOf,
  type PeriodTally,
} from '../../shared/goals/progress';
import type {
  Checkin,
  GoalDefinition,
  GoalDetail,
  GoalSummary,
  Milestone,
  PeriodProgress,
  PersonRef,
} from '../../shared/goals/schemas';
import type { InteractionKind } from '../../shared/journal/kinds';
import { scoreContact, type Layer, type StrengthInteraction } from '../../shared/strength/model';
import { readParams } from '../strength/params';
import { loadInteractions } from '../strength/load';
import {
  aggregateByPeriod,
  loadAddedContacts,
  loadCandidates,
  loadCheckins,
  loadContactRefs,
  loadInteractionInfo,
  loadMilestoneCandidates,
  resolveGoalFilter,
  type MemberCache,
} from './data';
import { totalsFromMemory, totalsFromMemoryMany, type TotalsRequest } from './memory';
import type { MilestoneRow } from './repository';

type Db = BetterSqlite3.Database;

export interface EvalContext {
  sqlite: Db;
  clock: Clock;
  now: number;
  /** Filled as goals are evaluated within one call. */
  members?: MemberCache;
  /** Current-period totals already read for many goals in one pass, by goal id. */
  currentTotals?: Map<number, number[]>;
}

/** What a goal's measure produced over a run of periods. */
interface Evaluation {
  periods: Period[];
  progress: PeriodProgress[];
  /** Per period, for count and people goals: what counted. */
  tallies: PeriodTally[] | null;
  resolved: ResolvedFilter | null;
  checkins: Checkin[];
  milestones: Milestone[];
  layers: Map<number, Layer> | null;
}

function relationshipLayerAt(sqlite: Db, contactIds: readonly number[]): (id: number, at: number) => Layer {
  const params = readParams(sqlite).params;
  const interactionIds = sqlite
    .prepare(
      `SELECT DISTINCT interaction_id FROM interaction_participants
       WHERE contact_id IN (SELECT value FROM json_each(?)) AND role <> 'mentioned'`,
    )
    .pluck()
    .all(JSON.stringify(contactIds)) as number[];
  const all = loadInteractions(sqlite, interactionIds);
  const by = new Map<number, StrengthInteraction[]>();
  for (const i of all.values()) {
    for (const c of i.participants) {
      if (!contactIds.includes(c)) continue;
      const list = by.get(c) ?? [];
      list.push(i);
      by.set(c, list);
    }
  }
  // A layer the user pinned wins from the moment it was pinned, as it does everywhere else.
  const pins = new Map(
    (
      sqlite
        .prepare(
          'SELECT contact_id, layer, pinned_at FROM strength_pins WHERE contact_id IN (SELECT value FROM json_each(?))',
        )
        .raw()
        .all(JSON.stringify(contactIds)) as [number, Layer, string][]
    ).map(([id, layer, pinnedAt]) => [id, { layer, from: Date.parse(pinnedAt) }]),
  );
  return (id, at) => {
    const pin = pins.get(id);
    return pin && at >= pin.from ? pin.layer : scoreContact(id, by.get(id) ?? [], params, at).layer;
  };
}

function evaluateMilestones(
  ctx: EvalContext,
  def: GoalDefinition,
  rows: MilestoneRow[],
  period: Period,
): Milestone[] {
  const names = loadContactRefs(
    ctx.sqlite,
    rows.flatMap((r) => (r.contactId === null ? [] : [r.contactId])),
  );
  return rows.map((r) => {
    let matched: number | null = null;
    if (milestoneAutomatic(r)) {
      for (const c of loadMilestoneCandidates(ctx.sqlite, r, period)) {
        const w = whenOf(c.startsAt, c.allDay);
        if (!inPeriod(w, period) || (!w.allDay && instantOf(w) > ctx.now)) continue;
        if (milestoneMatches(r, c)) {
          matched = c.id;
          break;
        }
      }
    }
    return {
      id: r.id,
      title: r.title,
      contactId: r.contactId,
      contactName: r.contactId === null ? null : (names.get(r.contactId)?.displayName ?? null),
      kinds: r.kinds,
      keyword: r.keyword,
      doneAt: r.doneAt,
      matchedInteractionId: matched,
      done: matched !== null || r.doneAt !== null,
    };
  });
}

/**
 * Reads the current period of every count and people goal the in-memory journal can answer
 * in one pass, so that the overview does not read the journal once per goal.
 */
export function readCurrentTotals(ctx: EvalContext, defs: readonly GoalDefinition[]): void {
  const asked: Array<{ id: number; request: TotalsRequest }> = [];
  for (const def of defs) {
    if (def.measure !== 'count' && def.measure !== 'people') continue;
    if (def.measure === 'people' && def.peopleSource === 'contacts') continue;
    asked.push({
      id: def.id,
      request: {
        filter: def.filter,
        resolved: resolveGoalFilter(ctx.sqlite, def.filter, ctx.members),
        periods: [currentPeriod(def, ctx.now, ctx.clock)],
        measure: def.measure,
      },
    });
  }
  const totals = totalsFromMemoryMany(
    ctx.sqlite,
    asked.map((a) => a.request),
    ctx.now,
    today(ctx.now, ctx.clock),
  );
  ctx.currentTotals = new Map();
  asked.forEach((a, i) => {
    const t = totals[i];
    if (t) ctx.currentTotals?.set(a.id, t);
  });
}

/**
 * Evaluates a goal over its periods: the current one only for the overview, up to 24 for
 * its page. Everything is computed from the journal and contacts as they are now, so deleted,
 * merged or edited data and edited filters are reflected on the next read.
 */
export function evaluate(
  ctx: EvalContext,
  def: GoalDefinition,
  milestoneRows: MilestoneRow[],
  history: boolean,
): Evaluation {
  const periods = history ? goalPeriods(def, ctx.now, ctx.clock) : [currentPeriod(def, ctx.now, ctx.clock)];
  const checkins = loadCheckins(ctx.sqlite, def.id);
  const manual = checkinsPerPeriod(checkins, periods);
  const base = { periods, checkins, tallies: null, resolved: null, milestones: [], layers: null };
  switch (def.measure) {
    case 'count':
    case 'people': {
      const resolved = resolveGoalFilter(ctx.sqlite, def.filter, ctx.members);
      const target = def.target ?? 1;
      const fromContacts = def.measure === 'people' && def.peopleSource === 'contacts';
      const day = today(ctx.now, ctx.clock);
      // A history of a goal about people is fastest from the in-memory journal; one period, or a
      // goal about kinds only, through the indexes in SQL.
      const totals = fromContacts
        ? null
        : ((history ? null : ctx.currentTotals?.get(def.id)) ??
          (periods.length > 1
            ? totalsFromMemory(ctx.sqlite, def.filter, resolved, periods, def.measure, ctx.now, day)
            : null) ??
          aggregateByPeriod(ctx.sqlite, def.filter, resolved, periods, def.measure, ctx.now, day));
      let tallies: PeriodTally[] | null = null;
      if (totals === null) {
        const w = windowOf(periods);
        tallies = fromContacts
          ? tallyContacts(resolved, loadAddedContacts(ctx.sqlite, def.filter, resolved, w), periods, ctx.now)
          : tallyInteractions(
              resolved,
              loadCandidates(ctx.sqlite, def.filter, resolved, w),
              periods,
              ctx.now,
              ctx.clock,
            );
      }
      const progress = periods.map((p, i) => {
        const t = tallies?.[i];
        const fromData = totals
          ? totals[i]
          : def.measure === 'count'
            ? (t?.interactions.length ?? 0)
            : (t?.people.size ?? 0);
        return periodProgress(p, fromData, manual[i], target);
      });
      return { ...base, tallies, resolved, progress };
    }
    case 'relationship': {
      const ids = def.filter.contactIds;
      const { perPeriod, current } = relationshipHistory(
        ids,
        def.targetLayer ?? 'active',
        periods,
        ctx.now,
        relationshipLayerAt(ctx.sqlite, ids),
      );
      const progress = periods.map((p, i) => periodProgress(p, perPeriod[i], 0, ids.length));
      return { ...base, progress, layers: current };
    }
    case 'milestones': {
      const period = periods[periods.length - 1];
      const milestones = evaluateMilestones(ctx, def, milestoneRows, period);
      const auto = milestones.filter((m) => m.matchedInteractionId !== null).length;
      const manualTicks = milestones.filter(
        (m) => m.matchedInteractionId === null && m.doneAt !== null,
      ).length;
      return {
        ...base,
        milestones,
        progress: [periodProgress(period, auto, manualTicks, milestones.length)],
      };
    }
  }
}

export function summarise(
  ctx: EvalContext,
  def: GoalDefinition,
  e: Evaluation,
  milestoneContacts: readonly number[],
): GoalSummary {
  const current = e.progress[e.progress.length - 1] ?? null;
  const pace = paceOf(def, current, ctx.now, ctx.clock);
  return {
    definition: def,
    current,
    ratio: pace.ratio,
    daysLeft: pace.daysLeft,
    behind: pace.behind,
    urgency: pace.urgency,
    contactIds: [...new Set([...def.filter.contactIds, ...milestoneContacts])],
  };
}

/** What counted in one period, for the lists on the goal page. */
function shownTally(
  ctx: EvalContext,
  def: GoalDefinition,
  resolved: ResolvedFilter,
  p: Period,
): { tally: PeriodTally; candidates: Map<number, Candidate> } {
  if (def.measure === 'people' && def.peopleSource === 'contacts') {
    const added = loadAddedContacts(ctx.sqlite, def.filter, resolved, p);
    return { tally: tallyContacts(resolved, added, [p], ctx.now)[0], candidates: new Map() };
  }
  const list = loadCandidates(ctx.sqlite, def.filter, resolved, p);
  return {
    tally: tallyInteractions(resolved, list, [p], ctx.now, ctx.clock)[0],
    candidates: new Map(list.map((c) => [c.id, c])),
  };
}

/** The goal page: history, streak, and what counted in the chosen (default: current) period. */
export function detail(
  ctx: EvalContext,
  def: GoalDefinition,
  milestoneRows: MilestoneRow[],
  periodKey?: string,
): GoalDetail {
  const e = evaluate(ctx, def, milestoneRows, true);
  const summary = summarise(
    ctx,
    def,
    e,
    milestoneRows.flatMap((m) => (m.contactId === null ? [] : [m.contactId])),
  );
  let index = e.periods.length - 1;
  if (periodKey !== undefined) {
    const found = e.periods.findIndex((p) => p.key === periodKey);
    if (found >= 0) index = found;
  }
  const shown = e.periods[index];
  let interactions: GoalDetail['interactions'] = [];
  let people: PersonRef[] = [];
  const counted = e.resolved && shown ? shownTally(ctx, def, e.resolved, shown) : undefined;
  if (counted && e.resolved) {
    const { tally, candidates } = counted;
    const resolved = e.resolved;
    const info = loadInteractionInfo(ctx.sqlite, tally.interactions);
    interactions = tally.interactions
      .flatMap((id) => {
        const i = info.get(id);
        if (!i) return [];
        const c = candidates.get(id);
        const matching = c ? (matchInteraction(resolved, c) ?? []) : [];
        return [
          {
            id,
            kind: i.kind as InteractionKind,
            title: i.title,
            startsAt: i.startsAt,
            allDay: i.allDay,
            contactIds: matching,
          },
        ];
      })
      .sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1));
    const refs = loadContactRefs(ctx.sqlite, [...tally.people]);
    people = [...refs.values()]
      .map((r) => ({ id: r.id, displayName: r.displayName, lastSeen: r.lastSeen }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  } else if (e.layers) {
    const refs = loadContactRefs(ctx.sqlite, def.filter.contactIds);
    people = def.filter.contactIds.flatMap((id) => {
      const r = refs.get(id);
      return r
        ? [{ id, displayName: r.displayName, lastSeen: r.lastSeen, layer: e.layers?.get(id) ?? 'dormant' }]
        : [];
    });
    people.sort(
      (a, b) =>
        layerRank[a.layer ?? 'dormant'] - layerRank[b.layer ?? 'dormant'] ||
        a.displayName.localeCompare(b.displayName),
    );
  }
  return {
    ...summary,
    history: e.progress,
    streak: def.measure === 'milestones' || def.period === 'total' ? 0 : streakOf(e.progress),
    shownPeriodKey: shown?.key ?? null,
    interactions,
    people,
    checkins: e.checkins,
    milestones: e.milestones,
    namedContacts: [...loadContactRefs(ctx.sqlite, def.filter.contactIds).values()].map((r) => ({
      id: r.id,
      displayName: r.displayName,
      lastSeen: r.lastSeen,
    })),
  };
}

export function summary(ctx: EvalContext, def: GoalDefinition, milestoneRows: MilestoneRow[]): GoalSummary {
  return summarise(
    ctx,
    def,
    evaluate(ctx, def, milestoneRows, false),
    milestoneRows.flatMap((m) => (m.contactId === null ? [] : [m.contactId])),
  );
}
