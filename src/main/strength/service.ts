import type BetterSqlite3 from 'better-sqlite3';
import type { ContactStrengthSummary } from '../../shared/contacts/schemas';
import { AppError } from '../../shared/ipc/envelope';
import {
  explainContact,
  formatGroups,
  formatReciprocity,
  strengthSeries,
} from '../../shared/strength/explain';
import {
  DAY_MS,
  drifting,
  layers,
  scoreContact,
  type ContactScore,
  type Layer,
} from '../../shared/strength/model';
import {
  defaultStrengthParams,
  type StrengthParams,
  type StrengthParamsPatch,
} from '../../shared/strength/params';
import type {
  GraphData,
  IntroPathDto,
  StrengthDetail,
  StrengthList,
  StrengthParamsDto,
  StrengthRow,
} from '../../shared/strength/schemas';
import { backbone, ME, tieWeights, widestPath, type Tie } from '../../shared/strength/ties';
import { cityOf } from '../../shared/contacts/location';
import { recordedPairs, withRecordedTies } from '../relationships/ties';
import { strengthCacheFor, type Snapshot } from './cache';
import { applyPatch, readParams, writeParams } from './params';

interface ContactInfo {
  id: number;
  displayName: string;
  organisation: string | null;
  city: string | null;
  circles: string[];
  tags: string[];
  pinnedLayer: Layer | null;
  /** Their photo's version, null when they have none. */
  photo: string | null;
}

/** Names, circles, tags, pins and photo versions of every contact that is not archived. */
export function loadContactInfo(sqlite: BetterSqlite3.Database): Map<number, ContactInfo> {
  const info = new Map<number, ContactInfo>();
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.display_name, c.organisation, c.location, p.updated_at
       FROM contacts c LEFT JOIN contact_photos p ON p.contact_id = c.id WHERE c.archived = 0`,
    )
    .raw()
    .all() as [number, string, string | null, string | null, string | null][];
  for (const [id, displayName, organisation, location, photo] of rows) {
    const city = cityOf(location);
    info.set(id, { id, displayName, organisation, city, circles: [], tags: [], pinnedLayer: null, photo });
  }
  for (const [id, circle] of sqlite.prepare('SELECT contact_id, circle FROM contact_circles').raw().all() as [
    number,
    string,
  ][]) {
    info.get(id)?.circles.push(circle);
  }
  const tagRows = sqlite
    .prepare('SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id')
    .raw()
    .all() as [number, string][];
  for (const [id, tag] of tagRows) info.get(id)?.tags.push(tag);
  for (const [id, layer] of sqlite.prepare('SELECT contact_id, layer FROM strength_pins').raw().all() as [
    number,
    Layer,
  ][]) {
    const c = info.get(id);
    if (c) c.pinnedLayer = layer;
  }
  return info;
}

function emptyScore(contactId: number): ContactScore {
  return {
    contactId,
    s: 0,
    m: 0,
    mPrev: 0,
    r: 1,
    out: 0,
    in: 0,
    t: 0,
    layer: 'dormant',
    trend: 'flat',
    lastAt: null,
    count: 0,
  };
}

/** Each contact's strength at one instant, as the contacts list orders, filters and shows it. */
export interface ContactStrengths {
  /** The layer shown: the user's pin, else the model's. */
  layer(contactId: number): Layer;
  t(contactId: number): number;
  /** The last interaction that counted (epoch ms), or null. */
  lastAt(contactId: number): number | null;
  summary(contactId: number): ContactStrengthSummary;
}

/**
 * Strengths at `now` from the in-memory scores. Ordering 10,000 contacts asks for two numbers
 * each, so only `summary` builds an object (for the rows of one page).
 */
export function contactStrengths(sqlite: BetterSqlite3.Database, now: number): ContactStrengths {
  const snap = strengthCacheFor(sqlite).snapshot(now);
  const pins = new Map(
    sqlite.prepare('SELECT contact_id, layer FROM strength_pins').raw().all() as Array<[number, Layer]>,
  );
  const scoreOf = (id: number) => snap.scores.get(id) ?? emptyScore(id);
  const layer = (id: number) => pins.get(id) ?? snap.scores.get(id)?.layer ?? 'dormant';
  return {
    layer,
    t: (id) => snap.scores.get(id)?.t ?? 0,
    lastAt: (id) => snap.scores.get(id)?.lastAt ?? null,
    summary(id) {
      const score = scoreOf(id);
      return {
        layer: layer(id),
        t: score.t,
        trend: score.trend,
        lastContactAt: score.lastAt === null ? null : new Date(score.lastAt).toISOString(),
      };
    },
  };
}

function toRow(info: ContactInfo, score: ContactScore): StrengthRow {
  return {
    contactId: info.id,
    displayName: info.displayName,
    organisation: info.organisation,
    circles: info.circles,
    tags: info.tags,
    t: score.t,
    s: score.s,
    m: score.m,
    mPrev: score.mPrev,
    r: score.r,
    computedLayer: score.layer,
    pinnedLayer: info.pinnedLayer,
    layer: info.pinnedLayer ?? score.layer,
    trend: score.trend,
    lastAt: score.lastAt === null ? null : new Date(score.lastAt).toISOString(),
    photo: info.photo,
  };
}

/** Every contact's score at `now`, or over the last `windowDays` only (computed afresh). */
function scoresFor(sqlite: BetterSqlite3.Database, now: number, windowDays?: number): Snapshot {
  const cache = strengthCacheFor(sqlite);
  const snap = cache.snapshot(now);
  if (windowDays === undefined) return snap;
  const since = snap.at - windowDays * DAY_MS;
  const scores = new Map<number, ContactScore>();
  for (const c of cache.contactIds()) {
    scores.set(c, scoreContact(c, cache.interactionsOf(c), snap.params, snap.at, { since }));
  }
  return { params: snap.params, at: snap.at, scores };
}

function tiesFor(sqlite: BetterSqlite3.Database, snap: Snapshot, windowDays?: number): Tie[] {
  const cache = strengthCacheFor(sqlite);
  if (windowDays === undefined) return cache.ties(snap);
  return tieWeights(cache.allInteractions(), snap.params, snap.at, { since: snap.at - windowDays * DAY_MS });
}

export function listStrength(
  sqlite: BetterSqlite3.Database,
  now: number,
  opts: { windowDays?: number; limit?: number } = {},
): StrengthList {
  const snap = scoresFor(sqlite, now, opts.windowDays);
  const info = loadContactInfo(sqlite);
  const rows: StrengthRow[] = [];
  const layerCounts = Object.fromEntries(layers.map((l) => [l, 0])) as Record<Layer, number>;
  for (const c of info.values()) {
    const row = toRow(c, snap.scores.get(c.id) ?? emptyScore(c.id));
    layerCounts[row.layer]++;
    rows.push(row);
  }
  rows.sort((a, b) => b.t - a.t || a.displayName.localeCompare(b.displayName) || a.contactId - b.contactId);
  return {
    items: rows.slice(0, opts.limit ?? rows.length),
    total: rows.length,
    layerCounts,
    windowDays: opts.windowDays ?? null,
  };
}

/** One contact, archived or not, with circles, tags, pin and photo version; NOT_FOUND when there is none. */
function requireContact(sqlite: BetterSqlite3.Database, contactId: number): ContactInfo {
  const row = sqlite
    .prepare(
      `SELECT c.id, c.display_name, c.organisation, c.location, p.updated_at AS photo
       FROM contacts c LEFT JOIN contact_photos p ON p.contact_id = c.id WHERE c.id = ?`,
    )
    .get(contactId) as
    | {
        id: number;
        display_name: string;
        organisation: string | null;
        location: string | null;
        photo: string | null;
      }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No contact #${contactId}`);
  const pinned = sqlite
    .prepare('SELECT layer FROM strength_pins WHERE contact_id = ?')
    .pluck()
    .get(contactId);
  return {
    id: row.id,
    displayName: row.display_name,
    organisation: row.organisation,
    city: cityOf(row.location),
    circles: sqlite
      .prepare('SELECT circle FROM contact_circles WHERE contact_id = ?')
      .pluck()
      .all(contactId) as string[],
    tags: sqlite
      .prepare('SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ?')
      .pluck()
      .all(contactId) as string[],
    pinnedLayer: (pinned as Layer | undefined) ?? null,
    photo: row.photo,
  };
}

export function contactStrength(
  sqlite: BetterSqlite3.Database,
  now: number,
  contactId: number,
  windowDays?: number,
): StrengthDetail {
  const cache = strengthCacheFor(sqlite);
  const snap = cache.snapshot(now);
  const info = requireContact(sqlite, contactId);
  const mine = cache.interactionsOf(contactId);
  const since = windowDays === undefined ? undefined : snap.at - windowDays * DAY_MS;
  const e = explainContact(contactId, mine, snap.params, snap.at, { since });
  return {
    row: toRow(info, e.score),
    groups: e.groups,
    why: formatGroups(e.groups),
    reciprocity: formatReciprocity(e),
    startedByMe: e.startedByMe,
    startedByThem: e.startedByThem,
    startedUnknown: e.startedUnknown,
    series: strengthSeries(contactId, mine, snap.params, snap.at).map((p) => ({
      at: new Date(p.at).toISOString(),
      t: p.t,
    })),
  };
}

/** Every scored contact's "why" line, for listings that show them all at once. */
export function explainAll(
  sqlite: BetterSqlite3.Database,
  now: number,
): Map<number, { why: string; reciprocity: string }> {
  const cache = strengthCacheFor(sqlite);
  const snap = cache.snapshot(now);
  const out = new Map<number, { why: string; reciprocity: string }>();
  for (const c of cache.contactIds()) {
    const e = explainContact(c, cache.interactionsOf(c), snap.params, snap.at);
    out.set(c, { why: formatGroups(e.groups), reciprocity: formatReciprocity(e) });
  }
  return out;
}

export function graphData(sqlite: BetterSqlite3.Database, now: number, windowDays?: number): GraphData {
  const snap = scoresFor(sqlite, now, windowDays);
  const info = loadContactInfo(sqlite);
  const ties = tiesFor(sqlite, snap, windowDays).filter((t) => info.has(t.a) && info.has(t.b));
  const inBackbone = new Set(backbone(ties, snap.params.backboneK));
  const recorded = recordedPairs(sqlite, (c) => info.has(c));
  const tied = new Set<number>();
  // A recorded relationship puts both people in the network, as a measured tie does.
  for (const t of [...ties, ...recorded]) {
    tied.add(t.a);
    tied.add(t.b);
  }
  const positions = new Map(
    (
      sqlite.prepare('SELECT contact_id, x, y FROM graph_positions').raw().all() as [number, number, number][]
    ).map(([id, x, y]) => [id, { x, y }]),
  );
  const nodes: GraphData['nodes'] = [];
  for (const c of info.values()) {
    const score = snap.scores.get(c.id);
    // Someone the user has never met nor seen meet anyone is not part of the network yet.
    if ((!score || score.t <= 0) && !tied.has(c.id)) continue;
    const pos = positions.get(c.id);
    nodes.push({
      contactId: c.id,
      label: c.displayName,
      organisation: c.organisation,
      city: c.city,
      circles: c.circles,
      tags: c.tags,
      t: score?.t ?? 0,
      layer: c.pinnedLayer ?? score?.layer ?? 'dormant',
      x: pos?.x ?? null,
      y: pos?.y ?? null,
      photo: c.photo,
    });
  }
  return {
    nodes,
    ties: ties.map((t) => ({ a: t.a, b: t.b, w: t.w, backbone: inBackbone.has(t) })),
    recorded,
    backboneK: snap.params.backboneK,
    windowDays: windowDays ?? null,
  };
}

export function introductionPath(
  sqlite: BetterSqlite3.Database,
  now: number,
  contactId: number,
  opts: { windowDays?: number; excludeDirect?: boolean } = {},
): IntroPathDto | null {
  const snap = scoresFor(sqlite, now, opts.windowDays);
  const info = loadContactInfo(sqlite);
  requireContact(sqlite, contactId);
  const userTies = new Map<number, number>();
  for (const [c, score] of snap.scores) if (info.has(c) && score.t > 0) userTies.set(c, score.t);
  const measured = tiesFor(sqlite, snap, opts.windowDays).filter((t) => info.has(t.a) && info.has(t.b));
  const { ties, sentence } = withRecordedTies(sqlite, measured, snap.params.layers.known, (c) => info.has(c));
  const path = widestPath(userTies, ties, contactId, { excludeDirect: opts.excludeDirect });
  if (!path) return null;
  return {
    nodes: path.nodes.map((id) => ({
      contactId: id,
      name: id === ME ? 'You' : (info.get(id)?.displayName ?? `#${id}`),
    })),
    steps: path.steps.map((step) => {
      const recorded = step.from === ME ? undefined : sentence(step.from, step.to);
      return recorded === undefined ? step : { ...step, recorded };
    }),
    bottleneck: path.bottleneck,
  };
}

export function driftingContacts(sqlite: BetterSqlite3.Database, now: number, limit = 10): StrengthRow[] {
  const snap = scoresFor(sqlite, now);
  const info = loadContactInfo(sqlite);
  const candidates = [...snap.scores.values()].filter((s) => info.has(s.contactId));
  return drifting(candidates, limit).map((s) => toRow(info.get(s.contactId)!, s));
}

export function setPin(
  sqlite: BetterSqlite3.Database,
  now: Date,
  contactId: number,
  layer: Layer | null,
): void {
  if (sqlite.prepare('SELECT 1 FROM contacts WHERE id = ?').get(contactId) === undefined) {
    throw new AppError('NOT_FOUND', `No contact #${contactId}`);
  }
  if (layer === null) sqlite.prepare('DELETE FROM strength_pins WHERE contact_id = ?').run(contactId);
  else {
    sqlite
      .prepare(
        `INSERT INTO strength_pins (contact_id, layer, pinned_at) VALUES (?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET layer = excluded.layer, pinned_at = excluded.pinned_at`,
      )
      .run(contactId, layer, now.toISOString());
  }
}

export function getParams(sqlite: BetterSqlite3.Database): StrengthParamsDto {
  return { params: readParams(sqlite).params, defaults: defaultStrengthParams };
}

export function setParams(
  sqlite: BetterSqlite3.Database,
  patch: StrengthParamsPatch,
  reset: boolean,
): StrengthParamsDto {
  const base: StrengthParams = reset ? defaultStrengthParams : readParams(sqlite).params;
  let next: StrengthParams;
  try {
    next = applyPatch(base, patch);
  } catch (error) {
    throw new AppError('VALIDATION', (error as Error).message);
  }
  writeParams(sqlite, next);
  return { params: next, defaults: defaultStrengthParams };
}

/** Saves layout positions in one transaction; contacts deleted meanwhile are skipped. */
export function savePositions(
  sqlite: BetterSqlite3.Database,
  now: Date,
  positions: readonly { contactId: number; x: number; y: number }[],
): number {
  const upsert = sqlite.prepare(
    `INSERT INTO graph_positions (contact_id, x, y, updated_at)
     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?)
     ON CONFLICT (contact_id) DO UPDATE SET x = excluded.x, y = excluded.y, updated_at = excluded.updated_at`,
  );
  const at = now.toISOString();
  return sqlite.transaction(() => {
    let saved = 0;
    for (const p of positions) saved += upsert.run(p.contactId, p.x, p.y, at, p.contactId).changes;
    return saved;
  })();
}
