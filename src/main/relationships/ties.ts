import type BetterSqlite3 from 'better-sqlite3';
import { relationshipWording, type RelationshipKind } from '../../shared/relationships/kinds';
import type { Tie } from '../../shared/strength/ties';

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export interface RecordedTies {
  /** The measured ties, with recorded relationships added where they say more. */
  ties: Tie[];
  /** For a pair whose tie is a recorded relationship, not meetings: "Ana Souza reports to Ben Lee". */
  sentence(a: number, b: number): string | undefined;
}

/** A pair of contacts with a recorded relationship, `a < b`, and how the first one recorded reads. */
export interface RecordedPair {
  a: number;
  b: number;
  /** "Ana Souza reports to Ben Lee". */
  sentence: string;
}

/**
 * Pairs of contacts with a relationship recorded between them, one per pair (the first
 * recorded), both ends in `include`.
 */
export function recordedPairs(
  sqlite: BetterSqlite3.Database,
  include: (contactId: number) => boolean,
): RecordedPair[] {
  const rows = sqlite
    .prepare(
      `SELECT r.from_contact_id, r.to_contact_id, r.kind, f.display_name, t.display_name
       FROM relationships r JOIN contacts f ON f.id = r.from_contact_id JOIN contacts t ON t.id = r.to_contact_id
       ORDER BY r.id`,
    )
    .raw()
    .all() as Array<[number, number, RelationshipKind, string, string]>;
  const pairs = new Map<string, RecordedPair>();
  for (const [fromId, toId, kind, fromName, toName] of rows) {
    const key = pairKey(fromId, toId);
    if (pairs.has(key) || !include(fromId) || !include(toId)) continue;
    pairs.set(key, {
      a: Math.min(fromId, toId),
      b: Math.max(fromId, toId),
      sentence: `${fromName} ${relationshipWording[kind].verb} ${toName}`,
    });
  }
  return [...pairs.values()];
}

/**
 * Relationships recorded by hand count as ties on the way to an introduction: that Ana reports
 * to Ben says they know each other even when none of their meetings is in the journal. Such a
 * tie weighs `floor` (the weakest measured acquaintance, the 'known' layer's lower bound), so
 * any stronger measured route still wins; a pair whose meetings already weigh more keeps them.
 * Only pairs of contacts in `include` (those the graph shows) are added.
 */
export function withRecordedTies(
  sqlite: BetterSqlite3.Database,
  measured: readonly Tie[],
  floor: number,
  include: (contactId: number) => boolean,
): RecordedTies {
  const byPair = new Map(measured.map((t, index) => [pairKey(t.a, t.b), index]));
  const ties = [...measured];
  const recorded = new Map<string, string>();
  for (const pair of recordedPairs(sqlite, include)) {
    const key = pairKey(pair.a, pair.b);
    const index = byPair.get(key);
    if (index !== undefined && ties[index].w >= floor) continue;
    const tie = { a: pair.a, b: pair.b, w: floor };
    if (index === undefined) ties.push(tie);
    else ties[index] = tie;
    recorded.set(key, pair.sentence);
  }
  return { ties, sentence: (a, b) => recorded.get(pairKey(a, b)) };
}
