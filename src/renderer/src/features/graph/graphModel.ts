import Graph from 'graphology';
import type { Layer } from '../../../../shared/strength/model';
import type { GraphData, GraphNodeDto } from '../../../../shared/strength/schemas';
import { cityKey } from '../../../../shared/contacts/location';
import { organisationKey } from '../../../../shared/contacts/career';
import type { NodePosition } from './positions';

export const ME_KEY = 'me';

export type EdgeMode = 'backbone' | 'all';
export type ColorMode = 'circle' | 'community';

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Contact id, 0 for the user. */
  contactId: number;
  t: number;
  layer: Layer | null;
  circles: string[];
  tags: string[];
  organisation: string | null;
  city: string | null;
  primaryCircle: string | null;
  /** Kept where it is by the layout: the user, and contacts placed in an earlier session. */
  fixed: boolean;
  /** Whether the position came from the database (false: placed now, to be laid out). */
  saved: boolean;
  community?: number;
}

export interface EdgeAttrs {
  weight: number;
  size: number;
  color: string;
  /**
   * The user's own tie (strength T), a tie between two contacts (shared meetings W), or a
   * relationship the user recorded between two contacts who share no drawn tie.
   */
  kind: 'user' | 'tie' | 'recorded';
  /** For a recorded one: "Ana Souza reports to Ben Lee". */
  sentence: string | null;
}

/** Circles in the order that decides a contact's colour when they are in several. */
export const circleOrder = ['sponsor', 'mentor', 'mentee', 'colleague', 'peer', 'friend', 'other'] as const;
export const circleColors: Record<string, string> = {
  sponsor: '#e8590c',
  mentor: '#7048e8',
  mentee: '#1098ad',
  colleague: '#1c7ed6',
  peer: '#37b24d',
  friend: '#d6336c',
  other: '#868e96',
};
export const NO_CIRCLE_COLOR = '#adb5bd';
export const ME_COLOR = '#212529';
export const USER_EDGE_COLOR = '#ced4da';
export const TIE_EDGE_COLOR = '#a5b4fc';
export const RECORDED_EDGE_COLOR = '#f59f00';
/** What a recorded relationship weighs in the layout: the 'known' layer's floor, as for introductions. */
const RECORDED_EDGE_WEIGHT = 0.3;
export const communityPalette = [
  '#1c7ed6',
  '#e8590c',
  '#37b24d',
  '#7048e8',
  '#d6336c',
  '#1098ad',
  '#f59f00',
  '#5c940d',
  '#862e9c',
  '#495057',
];

/** Where each contact's node is now. */
export function contactPositions(graph: Graph<NodeAttrs, EdgeAttrs>): NodePosition[] {
  const positions: NodePosition[] = [];
  graph.forEachNode((_key, attrs) => {
    if (attrs.contactId > 0) positions.push({ contactId: attrs.contactId, x: attrs.x, y: attrs.y });
  });
  return positions;
}

/**
 * Puts these contacts' nodes at these places (those not in the graph aside), as placed: the
 * layout keeps them there.
 */
export function placeContacts(graph: Graph<NodeAttrs, EdgeAttrs>, positions: readonly NodePosition[]): void {
  for (const p of positions) {
    const key = String(p.contactId);
    if (graph.hasNode(key)) graph.mergeNodeAttributes(key, { x: p.x, y: p.y, saved: true, fixed: true });
  }
}

/** Where a never-placed contact starts: further out the weaker the tie, spread by a golden angle. */
const layerRadius: Record<Layer, number> = { inner: 40, close: 80, active: 140, known: 200, dormant: 260 };

export function initialPosition(contactId: number, layer: Layer): { x: number; y: number } {
  const angle = contactId * 2.399963229728653;
  const r = layerRadius[layer] * (0.85 + (0.3 * ((contactId * 7919) % 101)) / 100);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

export function nodeSize(t: number): number {
  return Math.min(22, 3 + 4 * Math.sqrt(Math.max(0, t)));
}

export function primaryCircle(circles: readonly string[]): string | null {
  return circleOrder.find((c) => circles.includes(c)) ?? circles[0] ?? null;
}

export interface BuildOptions {
  edgeMode: EdgeMode;
  /** In "all" mode, contact-to-contact ties below this weight are left out. */
  minTie: number;
  /** Draw the relationships the user recorded (on unless turned off). */
  showRecorded?: boolean;
}

/** The graphology graph the view draws: the user at the centre, contacts, and the chosen ties. */
export function buildGraph(data: GraphData, opts: BuildOptions): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  graph.addNode(ME_KEY, {
    label: 'You',
    x: 0,
    y: 0,
    size: 14,
    color: ME_COLOR,
    contactId: 0,
    t: 0,
    layer: null,
    circles: [],
    tags: [],
    organisation: null,
    city: null,
    primaryCircle: null,
    fixed: true,
    saved: true,
  });
  for (const n of data.nodes) addContact(graph, n);
  for (const n of data.nodes) {
    if (n.t <= 0) continue;
    graph.addEdge(ME_KEY, String(n.contactId), {
      weight: n.t,
      size: Math.min(4, 0.5 + Math.sqrt(n.t) / 2),
      color: USER_EDGE_COLOR,
      kind: 'user',
      sentence: null,
    });
  }
  for (const tie of data.ties) {
    if (opts.edgeMode === 'backbone' ? !tie.backbone : tie.w < opts.minTie) continue;
    const a = String(tie.a);
    const b = String(tie.b);
    if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
    graph.addEdge(a, b, {
      weight: tie.w,
      size: Math.min(4, 0.5 + Math.sqrt(tie.w)),
      color: TIE_EDGE_COLOR,
      kind: 'tie',
      sentence: null,
    });
  }
  if (opts.showRecorded === false) return graph;
  for (const pair of data.recorded) {
    const a = String(pair.a);
    const b = String(pair.b);
    // A pair already tied by meetings keeps that tie: it says more than the record does.
    if (!graph.hasNode(a) || !graph.hasNode(b) || graph.hasEdge(a, b)) continue;
    graph.addEdge(a, b, {
      weight: RECORDED_EDGE_WEIGHT,
      size: 2,
      color: RECORDED_EDGE_COLOR,
      kind: 'recorded',
      sentence: pair.sentence,
    });
  }
  return graph;
}

function addContact(graph: Graph<NodeAttrs, EdgeAttrs>, n: GraphNodeDto): void {
  const saved = n.x !== null && n.y !== null;
  const pos = saved ? { x: n.x!, y: n.y! } : initialPosition(n.contactId, n.layer);
  const circle = primaryCircle(n.circles);
  graph.addNode(String(n.contactId), {
    label: n.label,
    x: pos.x,
    y: pos.y,
    size: nodeSize(n.t),
    color: circle ? (circleColors[circle] ?? NO_CIRCLE_COLOR) : NO_CIRCLE_COLOR,
    contactId: n.contactId,
    t: n.t,
    layer: n.layer,
    circles: n.circles,
    tags: n.tags,
    organisation: n.organisation,
    city: n.city,
    primaryCircle: circle,
    fixed: saved,
    saved,
  });
}

export interface NodeFilter {
  circle: string | null;
  tag: string | null;
  organisation: string | null;
  /** Compared ignoring case: people write their city as they like. */
  city: string | null;
  layer: Layer | null;
  minStrength: number;
}

export const noFilter: NodeFilter = {
  circle: null,
  tag: null,
  organisation: null,
  city: null,
  layer: null,
  minStrength: 0,
};

/** Whether a contact passes the filters; the user always does. */
export function passes(attrs: NodeAttrs, f: NodeFilter): boolean {
  if (attrs.contactId === 0) return true;
  if (f.circle && !attrs.circles.includes(f.circle)) return false;
  if (f.tag && !attrs.tags.includes(f.tag)) return false;
  if (f.organisation && organisationKey(attrs.organisation) !== organisationKey(f.organisation)) return false;
  if (f.city && (attrs.city === null || cityKey(attrs.city) !== cityKey(f.city))) return false;
  if (f.layer && attrs.layer !== f.layer) return false;
  return attrs.t >= f.minStrength;
}

export interface GraphFacets {
  circles: string[];
  tags: string[];
  organisations: string[];
  cities: string[];
}

/** The distinct circles, tags, organisations and cities (one spelling each) present, for the filter menus. */
export function facets(data: GraphData): GraphFacets {
  const circles = new Set<string>();
  const tags = new Set<string>();
  const organisations = new Map<string, string>();
  const cities = new Map<string, string>();
  for (const n of data.nodes) {
    n.circles.forEach((c) => circles.add(c));
    n.tags.forEach((t) => tags.add(t));
    const organisation = organisationKey(n.organisation);
    if (organisation && !organisations.has(organisation)) organisations.set(organisation, n.organisation!);
    if (n.city && !cities.has(cityKey(n.city))) cities.set(cityKey(n.city), n.city);
  }
  const sorted = (s: Iterable<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return {
    circles: circleOrder.filter((c) => circles.has(c)),
    tags: sorted(tags),
    organisations: sorted(organisations.values()),
    cities: sorted(cities.values()),
  };
}

/**
 * Louvain communities over the contact-to-contact ties (the user, tied to everyone, would join
 * them all into one), with a fixed random source so the colours do not change between renders.
 */
export function communitiesOf(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  louvain: (g: Graph, o: { getEdgeWeight: string; rng: () => number }) => Record<string, number>,
): Map<string, number> {
  const ties = new Graph({ type: 'undirected' });
  graph.forEachNode((key) => {
    if (key !== ME_KEY) ties.addNode(key);
  });
  graph.forEachEdge((_edge, attrs, source, target) => {
    if (attrs.kind === 'tie') ties.addEdge(source, target, { weight: attrs.weight });
  });
  if (ties.size === 0) return new Map();
  let seed = 42;
  const rng = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return new Map(Object.entries(louvain(ties, { getEdgeWeight: 'weight', rng })));
}
