import type { Store } from '../db/open';
import { AppError } from '../../shared/ipc/envelope';
import { isEnding, layerRank } from '../../shared/goals/progress';
import {
  goalFieldsSchema,
  type Checkin,
  type DashboardGoal,
  type GoalDefinition,
  type GoalDetail,
  type GoalFields,
  type GoalFieldsInput,
  type GoalStatus,
  type GoalSummary,
} from '../../shared/goals/schemas';
import { leastRecentlySeen, matchingPeople, resolveGoalFilter } from './data';
import { detail, evaluate, readCurrentTotals, summary, type EvalContext } from './evaluate';
import { clockOf, readPrefs } from './prefs';
import * as repo from './repository';

type Issue = { path: string[]; message: string };

function invalid(message: string, issues: Issue[]): AppError {
  return new AppError('VALIDATION', message, issues);
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no goal with id ${id}.`);
}

async function evalContext(store: Store, now: Date): Promise<EvalContext> {
  return {
    sqlite: store.sqlite,
    clock: clockOf(await readPrefs(store.db)),
    now: now.getTime(),
    members: new Map(),
  };
}

/**
 * Same checks as the bridge (so the command line and tests get them too), plus what only
 * the database knows: every contact the goal names must exist.
 */
function parseFields(input: GoalFieldsInput): GoalFields {
  const parsed = goalFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    throw invalid(issues[0]?.message ?? 'Invalid goal', issues);
  }
  return parsed.data;
}

async function checkContacts(store: Store, f: GoalFields): Promise<void> {
  const named = [
    ...f.filter.contactIds,
    ...f.milestones.flatMap((m) => (m.contactId === null ? [] : [m.contactId])),
  ];
  const known = await repo.existingContactIds(store.db, [...new Set(named)]);
  const issues: Issue[] = [];
  f.filter.contactIds.forEach((id, i) => {
    if (!known.has(id))
      issues.push({ path: ['filter', 'contactIds', String(i)], message: `Contact ${id} no longer exists` });
  });
  f.milestones.forEach((m, i) => {
    if (m.contactId !== null && !known.has(m.contactId)) {
      issues.push({
        path: ['milestones', String(i), 'contactId'],
        message: `Contact ${m.contactId} no longer exists`,
      });
    }
  });
  if (issues.length > 0) throw invalid(issues.map((i) => i.message).join('; '), issues);
}

export async function getDefinitionOrThrow(store: Store, id: number): Promise<GoalDefinition> {
  const def = await repo.getDefinition(store.db, id);
  if (!def) throw notFound(id);
  return def;
}

export async function createGoal(store: Store, input: GoalFieldsInput, now: Date): Promise<GoalDefinition> {
  const fields = parseFields(input);
  const id = await store.db.transaction().execute(async (trx) => {
    await checkContacts({ ...store, db: trx }, fields);
    return repo.insertGoal(trx, fields, now.toISOString());
  });
  return getDefinitionOrThrow(store, id);
}

export async function updateGoal(
  store: Store,
  id: number,
  input: GoalFieldsInput,
  now: Date,
): Promise<GoalDefinition> {
  const fields = parseFields(input);
  await store.db.transaction().execute(async (trx) => {
    await checkContacts({ ...store, db: trx }, fields);
    if (!(await repo.updateGoal(trx, id, fields, now.toISOString()))) throw notFound(id);
  });
  return getDefinitionOrThrow(store, id);
}

export async function setStatus(
  store: Store,
  id: number,
  status: GoalStatus,
  now: Date,
): Promise<GoalDefinition> {
  const r = await store.db
    .updateTable('goals')
    .set({ status, updated_at: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound(id);
  return getDefinitionOrThrow(store, id);
}

export async function deleteGoal(store: Store, id: number): Promise<void> {
  const r = await store.db.deleteFrom('goals').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound(id);
}

export async function addCheckin(
  store: Store,
  input: { goalId: number; date: string; amount: number; note: string },
  now: Date,
): Promise<Checkin> {
  const def = await getDefinitionOrThrow(store, input.goalId);
  if (def.measure !== 'count' && def.measure !== 'people') {
    throw invalid('Check-ins add to count and people goals; tick milestones instead.', [
      { path: ['goalId'], message: 'This goal does not take check-ins' },
    ]);
  }
  const row = await store.db
    .insertInto('goal_checkins')
    .values({
      goal_id: input.goalId,
      occurred_on: input.date,
      amount: input.amount,
      note: input.note,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, date: input.date, amount: input.amount, note: input.note };
}

export async function deleteCheckin(store: Store, id: number): Promise<void> {
  const r = await store.db.deleteFrom('goal_checkins').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `There is no check-in with id ${id}.`);
}

export async function setMilestoneDone(
  store: Store,
  id: number,
  done: boolean,
  now: Date,
): Promise<{ done: boolean }> {
  const r = await store.db
    .updateTable('goal_milestones')
    .set({ done_at: done ? now.toISOString() : null })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `There is no milestone with id ${id}.`);
  return { done };
}

const statusOrder: Record<GoalStatus, number> = { active: 0, paused: 1, achieved: 2, dropped: 3 };

/** Most urgent first within each status; active goals before paused, achieved and dropped. */
export function sortByUrgency(list: GoalSummary[]): GoalSummary[] {
  return list.sort(
    (a, b) =>
      statusOrder[a.definition.status] - statusOrder[b.definition.status] ||
      b.urgency - a.urgency ||
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
      a.definition.title.localeCompare(b.definition.title),
  );
}

export async function listGoals(store: Store, now: Date): Promise<GoalSummary[]> {
  const ctx = await evalContext(store, now);
  const defs = await repo.listDefinitions(store.db);
  const ms = await repo.milestonesByGoal(store.db);
  readCurrentTotals(ctx, defs);
  return sortByUrgency(defs.map((d) => summary(ctx, d, ms.get(d.id) ?? [])));
}

export async function goalDetail(
  store: Store,
  id: number,
  now: Date,
  periodKey?: string,
): Promise<GoalDetail> {
  const def = await getDefinitionOrThrow(store, id);
  const ctx = await evalContext(store, now);
  const ms = await repo.milestonesByGoal(store.db, id);
  return detail(ctx, def, ms.get(id) ?? [], periodKey);
}

export async function goalsForContact(store: Store, contactId: number, now: Date): Promise<GoalSummary[]> {
  const ids = await repo.goalIdsForContact(store.db, contactId);
  if (ids.length === 0) return [];
  const ctx = await evalContext(store, now);
  const ms = await repo.milestonesByGoal(store.db);
  const defs = (await repo.listDefinitions(store.db)).filter((d) => ids.includes(d.id));
  readCurrentTotals(ctx, defs);
  return sortByUrgency(defs.map((d) => summary(ctx, d, ms.get(d.id) ?? [])));
}

const HELPERS = 5;

/**
 * Active goals behind target whose period is ending, each with the people who would help
 * most: those the goal is about whom the user has not seen for longest.
 */
export async function dashboardGoals(store: Store, now: Date): Promise<DashboardGoal[]> {
  const ctx = await evalContext(store, now);
  const ms = await repo.milestonesByGoal(store.db);
  const out: DashboardGoal[] = [];
  const defs = (await repo.listDefinitions(store.db)).filter((d) => d.status === 'active');
  readCurrentTotals(ctx, defs);
  for (const def of defs) {
    const rows = ms.get(def.id) ?? [];
    const s = summary(ctx, def, rows);
    if (!s.current || s.current.met || !isEnding(s.current, s.daysLeft)) continue;
    let people: number[];
    if (def.measure === 'count' || def.measure === 'people') {
      const resolved = resolveGoalFilter(store.sqlite, def.filter, ctx.members);
      people = matchingPeople(resolved);
    } else if (def.measure === 'relationship') {
      const e = evaluate(ctx, def, rows, false);
      const target = layerRank[def.targetLayer ?? 'active'];
      people = def.filter.contactIds.filter((id) => layerRank[e.layers?.get(id) ?? 'dormant'] < target);
    } else {
      const e = evaluate(ctx, def, rows, false);
      people = e.milestones.flatMap((m) => (!m.done && m.contactId !== null ? [m.contactId] : []));
    }
    const helpers = people.length > 0 ? leastRecentlySeen(store.sqlite, people, HELPERS) : [];
    out.push({ summary: s, helpers });
  }
  return out.sort((a, b) => b.summary.urgency - a.summary.urgency);
}
