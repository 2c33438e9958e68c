import type { GraphData } from '../../../../shared/strength/schemas';

/** Where a contact's node is drawn, in the layout's coordinates: what `graph:savePositions` stores. */
export interface NodePosition {
  contactId: number;
  x: number;
  y: number;
}

/**
 * The graph as loaded, with these contacts at these places: what the database holds once they
 * are saved, so a later visit (within the query's stale time) starts from them, not from
 * positions the layout or the user has since replaced.
 */
export function withPositions(data: GraphData, positions: readonly NodePosition[]): GraphData {
  const placed = new Map(positions.map((p) => [p.contactId, p]));
  return {
    ...data,
    nodes: data.nodes.map((n) => {
      const p = placed.get(n.contactId);
      return p ? { ...n, x: p.x, y: p.y } : n;
    }),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Every field alike, arrays element by element; `ignored` fields are not compared. */
function sameRecord(a: object, b: object, ignored: ReadonlySet<string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => ignored.has(k) || sameValue(ra[k], rb[k]));
}

const NOTHING = new Set<string>();
// A photo is drawn from the latest load, not from the built graph: a new one needs no new picture.
const DRAWN_FROM_LOAD = new Set(['x', 'y', 'photo']);

/**
 * The contacts whose place is all that differs between two loads of the graph (their photos
 * may differ too), or null when anything else differs (who is in it, strengths, ties, circles…). A load that only moves
 * nodes (the positions just saved, read back) moves them on screen rather than drawing the
 * whole graph again, which at tens of thousands of ties costs a visible pause.
 */
export function movedOnly(before: GraphData, after: GraphData): NodePosition[] | null {
  if (before.backboneK !== after.backboneK || before.windowDays !== after.windowDays) return null;
  if (
    before.nodes.length !== after.nodes.length ||
    before.ties.length !== after.ties.length ||
    before.recorded.length !== after.recorded.length
  )
    return null;
  if (!before.ties.every((t, i) => sameRecord(t, after.ties[i], NOTHING))) return null;
  if (!before.recorded.every((r, i) => sameRecord(r, after.recorded[i], NOTHING))) return null;
  const moved: NodePosition[] = [];
  for (let i = 0; i < before.nodes.length; i++) {
    const a = before.nodes[i];
    const b = after.nodes[i];
    if (!sameRecord(a, b, DRAWN_FROM_LOAD)) return null;
    if (a.x === b.x && a.y === b.y) continue;
    // A contact the database no longer places would need the layout: that is a new picture.
    if (b.x === null || b.y === null) return null;
    moved.push({ contactId: b.contactId, x: b.x, y: b.y });
  }
  return moved;
}
