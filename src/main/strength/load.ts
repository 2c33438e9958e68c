import type BetterSqlite3 from 'better-sqlite3';
import type { InteractionKind, Initiator } from '../../shared/journal/kinds';
import type { StrengthInteraction } from '../../shared/strength/model';

type InteractionRow = [
  id: number,
  kind: InteractionKind,
  startsAt: string,
  endsAt: string | null,
  allDay: number,
  durationMinutes: number | null,
  initiatedBy: Initiator,
];

const columns = 'id, kind, starts_at, ends_at, all_day, duration_minutes, initiated_by';
// People merely mentioned in a note were not there: they neither count nor make the meeting bigger.
const present = "role <> 'mentioned'";

function toInteraction(row: InteractionRow, participants: number[]): StrengthInteraction {
  const [id, kind, startsAt, endsAt, allDay, durationMinutes, initiatedBy] = row;
  const at = Date.parse(startsAt);
  let minutes = durationMinutes;
  if (minutes === null && endsAt !== null && allDay === 0) minutes = (Date.parse(endsAt) - at) / 60_000;
  return { id, kind, at, minutes, initiatedBy, participants };
}

/** Every interaction with at least one contact present, keyed by id: a full read, in two scans. */
export function loadAllInteractions(sqlite: BetterSqlite3.Database): Map<number, StrengthInteraction> {
  const people = new Map<number, number[]>();
  const parts = sqlite
    .prepare(`SELECT interaction_id, contact_id FROM interaction_participants WHERE ${present}`)
    .raw()
    .all() as [number, number][];
  for (const [interactionId, contactId] of parts) {
    const list = people.get(interactionId);
    if (list) list.push(contactId);
    else people.set(interactionId, [contactId]);
  }
  const rows = sqlite.prepare(`SELECT ${columns} FROM interactions`).raw().all() as InteractionRow[];
  const out = new Map<number, StrengthInteraction>();
  for (const row of rows) {
    const list = people.get(row[0]);
    if (list) out.set(row[0], toInteraction(row, list));
  }
  return out;
}

/** The given interactions as they are now; ids that are gone or have nobody present are absent. */
export function loadInteractions(
  sqlite: BetterSqlite3.Database,
  ids: readonly number[],
): Map<number, StrengthInteraction> {
  const json = JSON.stringify(ids);
  const people = new Map<number, number[]>();
  const parts = sqlite
    .prepare(
      `SELECT interaction_id, contact_id FROM interaction_participants
       WHERE interaction_id IN (SELECT value FROM json_each(?)) AND ${present}`,
    )
    .raw()
    .all(json) as [number, number][];
  for (const [interactionId, contactId] of parts) {
    const list = people.get(interactionId);
    if (list) list.push(contactId);
    else people.set(interactionId, [contactId]);
  }
  const rows = sqlite
    .prepare(`SELECT ${columns} FROM interactions WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(json) as InteractionRow[];
  const out = new Map<number, StrengthInteraction>();
  for (const row of rows) {
    const list = people.get(row[0]);
    if (list) out.set(row[0], toInteraction(row, list));
  }
  return out;
}
