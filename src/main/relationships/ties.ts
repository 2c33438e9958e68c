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
  const rows = sqlite
    .prepare(
      `SELECT r.from_contact_id, r.to_contact_id, r.kind, f.display_name, t.display_name
       FROM relationships r JOIN contacts f ON f.id = r.from_contact_id JOIN contacts t ON t.id = r.to_contact_id
       ORDER BY r.id`,
    )
    .raw()
    .all() as Array<[number, number, RelationshipKind, string, string]>;
  for (const [fromId, toId, kind, fromName, toName] of rows) {
    if (!include(fromId) || !include(toId)) continue;
    const key = pairKey(fromId, toId);
    if (recorded.has(key)) continue;
    const index = byPair.get(key);
    if (index !== undefined && ties[index].w >= floor) continue;
    const tie = { a: Math.min(fromId, toId), b: Math.max(fromId, toId), w: floor };
    if (index === undefined) ties.push(tie);
    else ties[index] = tie;
    recorded.set(key, `${fromName} ${relationshipWording[kind].verb} ${toName}`);
  }
  return { ties, sentence: (a, b) => recorded.get(pairKey(a, b)) };
}
