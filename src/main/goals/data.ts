import type BetterSqlite3 from 'better-sqlite3';
import {
  hasPersonCriteria,
  personMatches,
  resolveFilter,
  type Candidate,
  type ResolvedFilter,
} from '../../shared/goals/filter';
import { addDays, type Period } from '../../shared/goals/periods';
import type { Checkin, GoalFilter } from '../../shared/goals/schemas';
import { cityKey } from '../../shared/contacts/location';
import { cityKeySql } from '../contacts/city';
import { spellingsOf, writtenOrganisationsSql } from '../contacts/organisationSpellings';

/**
 * The reads goal progress needs, as prepared better-sqlite3 statements: the overview
 * evaluates every goal on each call, so these are the hot path.
 */

type Db = BetterSqlite3.Database;
const cache = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

function stmt(db: Db, sql: string): BetterSqlite3.Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = db.prepare(sql)));
  return s;
}

function ids(db: Db, sql: string, ...params: unknown[]): Set<number> {
  return new Set(
    stmt(db, sql)
      .pluck()
      .all(...params) as number[],
  );
}

/** Member sets already read during one call (many goals share a circle). */
export type MemberCache = Map<string, Set<number>>;

function cachedIds(cache: MemberCache | undefined, key: string, read: () => Set<number>): Set<number> {
  if (!cache) return read();
  let found = cache.get(key);
  if (!found) cache.set(key, (found = read()));
  return found;
}

/** The filter's circles, tags, organisations and cities turned into the contacts they name. */
export function resolveGoalFilter(db: Db, f: GoalFilter, cache?: MemberCache): ResolvedFilter {
  const circle =
    f.circles.length > 0
      ? cachedIds(cache, `c${JSON.stringify([...f.circles].sort())}`, () =>
          ids(
            db,
            'SELECT contact_id FROM contact_circles WHERE circle IN (SELECT value FROM json_each(?))',
            JSON.stringify(f.circles),
          ),
        )
      : null;
  const tag =
    f.tags.length > 0
      ? cachedIds(cache, `t${JSON.stringify([...f.tags].sort())}`, () =>
          ids(
            db,
            `SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
           WHERE t.name IN (SELECT value FROM json_each(?))`,
            JSON.stringify(f.tags),
          ),
        )
      : null;
  const org =
    f.organisations.length > 0
      ? cachedIds(cache, `o${JSON.stringify([...f.organisations].sort())}`, () =>
          ids(
            db,
            `SELECT id FROM contacts WHERE organisation COLLATE NOCASE IN (SELECT value FROM json_each(?))`,
            JSON.stringify(
              spellingsOf(
                stmt(db, writtenOrganisationsSql(false)).pluck().all() as string[],
                f.organisations,
              ),
            ),
          ),
        )
      : null;
  const city =
    f.cities.length > 0
      ? cachedIds(cache, `l${JSON.stringify([...f.cities].sort())}`, () =>
          ids(
            db,
            `SELECT id FROM contacts WHERE ${cityKeySql('location')} IN (SELECT value FROM json_each(?))`,
            JSON.stringify(f.cities.map(cityKey)),
          ),
        )
      : null;
  return resolveFilter(f, { circle, tag, org, city });
}

/** Everyone who could match: a superset, since "all" mode narrows it per person later. */
export function candidatePeople(r: ResolvedFilter): number[] {
  const all = new Set<number>(r.contactIds);
  for (const s of [r.circleMembers, r.tagMembers, r.orgMembers, r.cityMembers])
    if (s) for (const id of s) all.add(id);
  return [...all];
}

/** The people the filter's person criteria name, "all" mode applied (tags aside, which an interaction can carry). */
export function matchingPeople(r: ResolvedFilter): number[] {
  return candidatePeople(r).filter((id) => personMatches(r, id, false));
}

/**
 * Stored starts are UTC instants (`...Z`) or local dates; a day of slack on each side of the
 * window covers both forms and any zone, and the exact test is done in memory.
 */
export interface Window {
  startDate: string;
  endDate: string;
}
function bounds(w: Window): [string, string] {
  return [addDays(w.startDate, -1), addDays(w.endDate, 2)];
}

type Row = [interactionId: number, startsAt: string, contactId: number | null];

function collect(
  rows: Row[],
  kinds: Map<number, string> | null,
  tagged: boolean,
  into: Map<number, Candidate & { people: number[] }>,
): void {
  for (const [id, startsAt, contactId] of rows) {
    let c = into.get(id);
    if (!c) {
      const kind = kinds ? kinds.get(id) : '';
      if (kind === undefined) continue;
      // All-day starts are stored as bare dates.
      c = { id, kind, startsAt, allDay: startsAt.length === 10, people: [], tagged };
      into.set(id, c);
    } else if (tagged) c.tagged = true;
    if (contactId !== null && !c.people.includes(contactId)) c.people.push(contactId);
  }
}

// People merely mentioned in a note were not there.
const present = "p.role <> 'mentioned'";

/**
 * Kinds of the interactions in the window that have one of the filter's kinds: read from the
 * (kind, starts_at) index alone, never from the wide interactions rows.
 */
function kindsInWindow(db: Db, kinds: readonly string[], lo: string, hi: string): Map<number, string> {
  const rows = stmt(
    db,
    `SELECT id, kind FROM interactions INDEXED BY interactions_kind
     WHERE kind IN (SELECT value FROM json_each(?)) AND starts_at >= ? AND starts_at < ?`,
  )
    .raw()
    .all(JSON.stringify(kinds), lo, hi) as [number, string][];
  return new Map(rows);
}

/**
 * Interactions in the window that might count: with one of the candidate people, or tagged
 * with one of the filter's tags; or, for a filter without person criteria, every one of the
 * right kind. Each carries the present people who might match. The participants index
 * carries each start, so the wide interactions table is only read for kinds, via its index.
 */
export function loadCandidates(db: Db, f: GoalFilter, r: ResolvedFilter, w: Window): Candidate[] {
  const [lo, hi] = bounds(w);
  const kinds = f.kinds.length > 0 ? kindsInWindow(db, f.kinds, lo, hi) : null;
  const out = new Map<number, Candidate & { people: number[] }>();
  if (!hasPersonCriteria(f)) {
    if (kinds) {
      const rows = stmt(
        db,
        `SELECT i.value, p.starts_at, p.contact_id FROM json_each(?) i
         LEFT JOIN interaction_participants p ON p.interaction_id = i.value AND ${present}`,
      )
        .raw()
        .all(JSON.stringify([...kinds.keys()])) as Row[];
      // An entry with nobody present has no participant row to carry its start.
      const starts = stmt(db, 'SELECT starts_at FROM interactions WHERE id = ?').pluck();
      for (const row of rows) if (row[1] === null) row[1] = starts.get(row[0]) as string;
      collect(rows, kinds, false, out);
    } else {
      const rows = stmt(
        db,
        `SELECT i.id, i.kind, i.starts_at, p.contact_id FROM interactions i
         LEFT JOIN interaction_participants p ON p.interaction_id = i.id AND ${present}
         WHERE i.starts_at >= ? AND i.starts_at < ?`,
      )
        .raw()
        .all(lo, hi) as [number, string, string, number | null][];
      const all = new Map(rows.map(([id, kind]) => [id, kind]));
      collect(
        rows.map(([id, , startsAt, contactId]) => [id, startsAt, contactId]),
        all,
        false,
        out,
      );
    }
    return [...out.values()];
  }
  const people = candidatePeople(r);
  if (people.length > 0) {
    const rows = stmt(
      db,
      `SELECT p.interaction_id, p.starts_at, p.contact_id FROM interaction_participants p
       WHERE p.contact_id IN (SELECT value FROM json_each(?)) AND p.starts_at >= ? AND p.starts_at < ? AND ${present}`,
    )
      .raw()
      .all(JSON.stringify(people), lo, hi) as Row[];
    collect(rows, kinds, false, out);
  }
  if (f.tags.length > 0) {
    const rows = stmt(
      db,
      `SELECT i.id, i.kind, i.starts_at, p.contact_id
       FROM interaction_tags it JOIN tags t ON t.id = it.tag_id JOIN interactions i ON i.id = it.interaction_id
       LEFT JOIN interaction_participants p ON p.interaction_id = i.id AND ${present}
       WHERE t.name IN (SELECT value FROM json_each(?)) AND i.starts_at >= ? AND i.starts_at < ?`,
    )
      .raw()
      .all(JSON.stringify(f.tags), lo, hi) as [number, string, string, number | null][];
    const tagged = new Map(rows.map(([id, kind]) => [id, kind]));
    const allowed = kinds ? new Map([...tagged].filter(([id]) => kinds.has(id))) : tagged;
    collect(
      rows.map(([id, , startsAt, contactId]) => [id, startsAt, contactId]),
      allowed,
      true,
      out,
    );
  }
  return [...out.values()];
}

/** Contacts added in the window, for "identify" goals. */
export function loadAddedContacts(
  db: Db,
  f: GoalFilter,
  r: ResolvedFilter,
  w: Window,
): Array<{ id: number; createdAt: string }> {
  const [lo, hi] = bounds(w);
  const rows = hasPersonCriteria(f)
    ? stmt(
        db,
        `SELECT id, created_at FROM contacts WHERE id IN (SELECT value FROM json_each(?))
         AND created_at >= ? AND created_at < ?`,
      )
        .raw()
        .all(JSON.stringify(candidatePeople(r)), lo, hi)
    : stmt(db, 'SELECT id, created_at FROM contacts WHERE created_at >= ? AND created_at < ?')
        .raw()
        .all(lo, hi);
  return (rows as [number, string][]).map(([id, createdAt]) => ({ id, createdAt }));
}

export function loadCheckins(db: Db, goalId: number): Checkin[] {
  const rows = stmt(
    db,
    'SELECT id, occurred_on, amount, note FROM goal_checkins WHERE goal_id = ? ORDER BY occurred_on DESC, id DESC',
  )
    .raw()
    .all(goalId) as [number, string, number, string][];
  return rows.map(([id, date, amount, note]) => ({ id, date, amount, note }));
}

export interface InteractionInfo {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  allDay: boolean;
}

export function loadInteractionInfo(db: Db, interactionIds: readonly number[]): Map<number, InteractionInfo> {
  const rows = stmt(
    db,
    'SELECT id, kind, title, starts_at, all_day FROM interactions WHERE id IN (SELECT value FROM json_each(?))',
  )
    .raw()
    .all(JSON.stringify(interactionIds)) as [number, string, string, string, number][];
  return new Map(
    rows.map(([id, kind, title, startsAt, allDay]) => [
      id,
      { id, kind, title, startsAt, allDay: allDay === 1 },
    ]),
  );
}

export interface ContactRef {
  id: number;
  displayName: string;
  lastSeen: string | null;
}

/** Names and the last time each was present at anything (an index seek per person). */
export function loadContactRefs(db: Db, contactIds: readonly number[]): Map<number, ContactRef> {
  const rows = stmt(
    db,
    `SELECT c.id, c.display_name,
       (SELECT max(p.starts_at) FROM interaction_participants p WHERE p.contact_id = c.id AND ${present})
     FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(JSON.stringify(contactIds)) as [number, string, string | null][];
  return new Map(rows.map(([id, displayName, lastSeen]) => [id, { id, displayName, lastSeen }]));
}

/** Non-archived contacts among the given, least recently seen first (never seen before anyone). */
export function leastRecentlySeen(db: Db, contactIds: readonly number[], limit: number): ContactRef[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.display_name,
       (SELECT max(p.starts_at) FROM interaction_participants p WHERE p.contact_id = c.id AND ${present}) AS last
     FROM contacts c WHERE c.archived = 0 AND c.id IN (SELECT value FROM json_each(?))
     ORDER BY last IS NOT NULL, last, c.display_name LIMIT ?`,
  )
    .raw()
    .all(JSON.stringify(contactIds), limit) as [number, string, string | null][];
  return rows.map(([id, displayName, lastSeen]) => ({ id, displayName, lastSeen }));
}

export interface MilestoneCandidate {
  id: number;
  kind: string;
  title: string;
  notes: string;
  startsAt: string;
  allDay: boolean;
  people: number[];
}

const MILESTONE_CHUNK = 32;

/**
 * Interactions in the window that could tick a milestone, oldest first: found through the
 * contact's participations, the kind index, or the notes' full-text index, whichever the rule
 * has; the exact test is done in memory.
 */
export function* loadMilestoneCandidates(
  db: Db,
  rule: { contactId: number | null; kinds: readonly string[]; keyword: string | null },
  w: Window,
): Generator<MilestoneCandidate> {
  const [lo, hi] = bounds(w);
  let ids: number[];
  if (rule.contactId !== null) {
    ids = stmt(
      db,
      `SELECT p.interaction_id FROM interaction_participants p
       WHERE p.contact_id = ? AND p.starts_at >= ? AND p.starts_at < ? AND ${present} ORDER BY p.starts_at LIMIT 500`,
    )
      .pluck()
      .all(rule.contactId, lo, hi) as number[];
  } else if (rule.kinds.length > 0) {
    ids = stmt(
      db,
      `SELECT id FROM interactions INDEXED BY interactions_kind
       WHERE kind IN (SELECT value FROM json_each(?)) AND starts_at >= ? AND starts_at < ? ORDER BY starts_at LIMIT 500`,
    )
      .pluck()
      .all(JSON.stringify(rule.kinds), lo, hi) as number[];
  } else if ((rule.keyword ?? '').trim() !== '') {
    const phrase = `"${(rule.keyword ?? '').replace(/"/g, '""')}"`;
    ids = stmt(
      db,
      `SELECT i.id FROM interactions_fts f JOIN interactions i ON i.id = f.rowid
       WHERE interactions_fts MATCH ? AND i.starts_at >= ? AND i.starts_at < ? ORDER BY i.starts_at LIMIT 500`,
    )
      .pluck()
      .all(`${phrase}*`, lo, hi) as number[];
  } else {
    return;
  }
  // Read in small chunks, oldest first: the caller stops at the first match, which is usually
  // among the first few, so the wide rows (with notes) of the rest are never read.
  for (let from = 0; from < ids.length; from += MILESTONE_CHUNK) {
    const chunk = ids.slice(from, from + MILESTONE_CHUNK);
    const rows = stmt(
      db,
      `SELECT i.id, i.kind, i.title, i.notes, i.starts_at, i.all_day FROM interactions i
       WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.starts_at`,
    )
      .raw()
      .all(JSON.stringify(chunk)) as [number, string, string, string, string, number][];
    // Everyone present at all of them in one read, not one query per candidate.
    const attending = stmt(
      db,
      `SELECT p.interaction_id, p.contact_id FROM interaction_participants p
       WHERE p.interaction_id IN (SELECT value FROM json_each(?)) AND ${present}`,
    )
      .raw()
      .all(JSON.stringify(chunk)) as [number, number][];
    const people = new Map<number, number[]>();
    for (const [iid, cid] of attending) {
      const list = people.get(iid);
      if (list) list.push(cid);
      else people.set(iid, [cid]);
    }
    for (const [id, kind, title, notes, startsAt, allDay] of rows) {
      yield { id, kind, title, notes, startsAt, allDay: allDay === 1, people: people.get(id) ?? [] };
    }
  }
}

/**
 * Per-period totals computed inside SQLite, for the common filters (no tags): each stored
 * start is put in its period by comparing it with the period bounds, local dates for all-day
 * entries and canonical UTC instants for timed ones, so years of history never cross into
 * JavaScript row by row. Returns distinct interactions (`count`) or distinct people
 * (`people`) per period, or null when the filter needs the in-memory path.
 */
export function aggregateByPeriod(
  db: Db,
  f: GoalFilter,
  r: ResolvedFilter,
  periods: readonly Period[],
  measure: 'count' | 'people',
  now: number,
  todayDate: string,
): number[] | null {
  if (f.tags.length > 0 || periods.length === 0) return null;
  const [lo, hi] = bounds({ startDate: periods[0].startDate, endDate: periods[periods.length - 1].endDate });
  const args: unknown[] = [];
  const dateCase = ['CASE WHEN s < ? THEN -1'];
  const isoCase = ['CASE WHEN s < ? THEN -1'];
  const dateArgs: unknown[] = [periods[0].startDate];
  const isoArgs: unknown[] = [periods[0].startIso];
  periods.forEach((p, i) => {
    dateCase.push(`WHEN s < ? THEN ${i}`);
    dateArgs.push(p.endDate);
    isoCase.push(`WHEN s < ? THEN ${i}`);
    isoArgs.push(p.endIso);
  });
  const bucket = `CASE WHEN length(s) = 10 THEN (${dateCase.join(' ')} ELSE -1 END) ELSE (${isoCase.join(' ')} ELSE -1 END) END`;
  args.push(...dateArgs, ...isoArgs);
  // Nothing after now counts: it has not happened yet.
  const past = '(CASE WHEN length(s) = 10 THEN s <= ? ELSE s <= ? END)';
  const byKindIndex = !hasPersonCriteria(f) && measure === 'count' && f.kinds.length > 0;
  const kindFilter =
    f.kinds.length > 0 && !byKindIndex
      ? `AND iid IN (SELECT id FROM interactions INDEXED BY interactions_kind
           WHERE kind IN (SELECT value FROM json_each(?)) AND starts_at >= ? AND starts_at < ?)`
      : '';
  let source: string;
  const sourceArgs: unknown[] = [];
  if (hasPersonCriteria(f)) {
    const people = matchingPeople(r);
    if (people.length === 0) return periods.map(() => 0);
    source = `SELECT p.starts_at AS s, p.interaction_id AS iid, p.contact_id AS cid FROM interaction_participants p
      WHERE p.contact_id IN (SELECT value FROM json_each(?)) AND p.starts_at >= ? AND p.starts_at < ? AND ${present}`;
    sourceArgs.push(JSON.stringify(people), lo, hi);
  } else if (byKindIndex) {
    source = `SELECT starts_at AS s, id AS iid, NULL AS cid FROM interactions INDEXED BY interactions_kind
      WHERE kind IN (SELECT value FROM json_each(?)) AND starts_at >= ? AND starts_at < ?`;
    sourceArgs.push(JSON.stringify(f.kinds), lo, hi);
  } else if (measure === 'count') {
    source = `SELECT starts_at AS s, id AS iid, NULL AS cid FROM interactions WHERE starts_at >= ? AND starts_at < ?`;
    sourceArgs.push(lo, hi);
  } else {
    source = `SELECT p.starts_at AS s, p.interaction_id AS iid, p.contact_id AS cid
      FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id AND ${present}
      WHERE i.starts_at >= ? AND i.starts_at < ?`;
    sourceArgs.push(lo, hi);
  }
  const counted = measure === 'count' ? 'iid' : 'cid';
  const sql = `SELECT k, count(DISTINCT ${counted}) FROM (
      SELECT ${bucket} AS k, iid, cid FROM (${source}) WHERE ${past} ${kindFilter}
    ) WHERE k >= 0 GROUP BY k`;
  // Parameters bind in the order they appear in the text: bucket bounds, source, cut-off, kinds.
  const all = [...args, ...sourceArgs, todayDate, new Date(now).toISOString()];
  if (kindFilter !== '') all.push(JSON.stringify(f.kinds), lo, hi);
  const rows = stmt(db, sql)
    .raw()
    .all(...all) as [number, number][];
  const out = periods.map(() => 0);
  for (const [k, n] of rows) out[k] = n;
  return out;
}
