import type { Kysely, Selectable } from 'kysely';
import type { Database, GoalsTable } from '../db/schema';
import type { InteractionKind } from '../../shared/journal/kinds';
import type { Circle } from '../../shared/contacts/schemas';
import type { Layer } from '../../shared/strength/model';
import type { PeriodKind } from '../../shared/goals/periods';
import type {
  FilterMode,
  GoalDefinition,
  GoalFields,
  GoalStatus,
  MeasureType,
  PeopleSource,
} from '../../shared/goals/schemas';

type Db = Kysely<Database>;

function list<T>(json: string): T[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function toDefinition(row: Selectable<GoalsTable>, contactIds: number[]): GoalDefinition {
  return {
    id: row.id,
    title: row.title,
    why: row.why,
    startDate: row.start_date,
    dueDate: row.due_date,
    status: row.status as GoalStatus,
    measure: row.measure as MeasureType,
    target: row.target,
    period: row.period as PeriodKind,
    peopleSource: row.people_source as PeopleSource,
    targetLayer: row.target_layer as Layer | null,
    filter: {
      kinds: list<InteractionKind>(row.filter_kinds),
      circles: list<Circle>(row.filter_circles),
      tags: list<string>(row.filter_tags),
      organisations: list<string>(row.filter_organisations),
      cities: list<string>(row.filter_cities),
      contactIds,
      mode: row.filter_mode as FilterMode,
    },
    template: row.template,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function goalColumns(f: GoalFields) {
  return {
    title: f.title,
    why: f.why,
    start_date: f.startDate,
    due_date: f.dueDate,
    status: f.status,
    measure: f.measure,
    // Only count and people goals have a numeric target; the others derive theirs.
    target: f.measure === 'count' || f.measure === 'people' ? f.target : null,
    period: f.measure === 'milestones' ? 'total' : f.period,
    people_source: f.peopleSource,
    target_layer: f.measure === 'relationship' ? f.targetLayer : null,
    filter_kinds: JSON.stringify(f.filter.kinds),
    filter_circles: JSON.stringify(f.filter.circles),
    filter_tags: JSON.stringify(f.filter.tags),
    filter_organisations: JSON.stringify(f.filter.organisations),
    filter_cities: JSON.stringify(f.filter.cities),
    filter_mode: f.filter.mode,
    template: f.template,
  };
}

async function goalContactIds(db: Db, goalIds: number[]): Promise<Map<number, number[]>> {
  const by = new Map<number, number[]>();
  if (goalIds.length === 0) return by;
  // A merge can leave the same person linked twice; the set reads them once.
  const rows = await db
    .selectFrom('goal_contacts')
    .select(['goal_id', 'contact_id'])
    .distinct()
    .where('goal_id', 'in', goalIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const ids = by.get(r.goal_id) ?? [];
    if (!ids.includes(r.contact_id)) ids.push(r.contact_id);
    by.set(r.goal_id, ids);
  }
  return by;
}

export async function listDefinitions(db: Db): Promise<GoalDefinition[]> {
  const rows = await db.selectFrom('goals').selectAll().orderBy('id').execute();
  const contacts = await goalContactIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDefinition(r, contacts.get(r.id) ?? []));
}

export async function getDefinition(db: Db, id: number): Promise<GoalDefinition | undefined> {
  const row = await db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toDefinition(row, (await goalContactIds(db, [id])).get(id) ?? []);
}

export async function existingContactIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('contacts').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

async function writeLinks(db: Db, goalId: number, f: GoalFields, now: string): Promise<void> {
  await db.deleteFrom('goal_contacts').where('goal_id', '=', goalId).execute();
  const contactIds = [...new Set(f.filter.contactIds)];
  if (contactIds.length > 0) {
    await db
      .insertInto('goal_contacts')
      .values(contactIds.map((contact_id) => ({ goal_id: goalId, contact_id })))
      .execute();
  }
  const kept = f.milestones.flatMap((m) => (m.id === undefined ? [] : [m.id]));
  let remove = db.deleteFrom('goal_milestones').where('goal_id', '=', goalId);
  if (kept.length > 0) remove = remove.where('id', 'not in', kept);
  await remove.execute();
  const items = f.measure === 'milestones' ? f.milestones : [];
  for (const [position, m] of items.entries()) {
    const values = {
      position,
      title: m.title,
      contact_id: m.contactId,
      kinds: JSON.stringify(m.kinds),
      keyword: m.keyword === '' ? null : m.keyword,
    };
    const updated =
      m.id === undefined
        ? 0
        : Number(
            (
              await db
                .updateTable('goal_milestones')
                .set(values)
                .where('id', '=', m.id)
                .where('goal_id', '=', goalId)
                .executeTakeFirst()
            ).numUpdatedRows,
          );
    if (updated === 0) {
      await db
        .insertInto('goal_milestones')
        .values({ ...values, goal_id: goalId, created_at: now })
        .execute();
    }
  }
}

export async function insertGoal(db: Db, f: GoalFields, now: string): Promise<number> {
  const row = await db
    .insertInto('goals')
    .values({ ...goalColumns(f), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(db, row.id, f, now);
  return row.id;
}

export async function updateGoal(db: Db, id: number, f: GoalFields, now: string): Promise<boolean> {
  const result = await db
    .updateTable('goals')
    .set({ ...goalColumns(f), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await writeLinks(db, id, f, now);
  return true;
}

export interface MilestoneRow {
  id: number;
  title: string;
  contactId: number | null;
  kinds: InteractionKind[];
  keyword: string | null;
  doneAt: string | null;
}

/** Milestones per goal, in order; all goals' when `goalId` is omitted. */
export async function milestonesByGoal(db: Db, goalId?: number): Promise<Map<number, MilestoneRow[]>> {
  let q = db.selectFrom('goal_milestones').selectAll();
  if (goalId !== undefined) q = q.where('goal_id', '=', goalId);
  const rows = await q.orderBy('goal_id').orderBy('position').orderBy('id').execute();
  const by = new Map<number, MilestoneRow[]>();
  for (const r of rows) {
    const list_ = by.get(r.goal_id) ?? [];
    list_.push({
      id: r.id,
      title: r.title,
      contactId: r.contact_id,
      kinds: list<InteractionKind>(r.kinds),
      keyword: r.keyword,
      doneAt: r.done_at,
    });
    by.set(r.goal_id, list_);
  }
  return by;
}

/** Goal ids that name a contact, in their filter or a milestone. */
export async function goalIdsForContact(db: Db, contactId: number): Promise<number[]> {
  const a = await db
    .selectFrom('goal_contacts')
    .select('goal_id')
    .where('contact_id', '=', contactId)
    .execute();
  const b = await db
    .selectFrom('goal_milestones')
    .select('goal_id')
    .where('contact_id', '=', contactId)
    .execute();
  return [...new Set([...a, ...b].map((r) => r.goal_id))];
}
