import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../../../../src/shared/strength/schemas';
import {
  buildGraph,
  circleColors,
  communitiesOf,
  facets,
  initialPosition,
  ME_KEY,
  noFilter,
  passes,
  primaryCircle,
  RECORDED_EDGE_COLOR,
} from '../../../../src/renderer/src/features/graph/graphModel';

const node = (
  contactId: number,
  over: Partial<GraphData['nodes'][number]> = {},
): GraphData['nodes'][number] => ({
  contactId,
  label: `C${contactId}`,
  organisation: null,
  city: null,
  circles: [],
  tags: [],
  t: 1,
  layer: 'active',
  x: null,
  y: null,
  photo: null,
  ...over,
});

const data: GraphData = {
  nodes: [
    node(1, {
      circles: ['colleague', 'mentor'],
      organisation: 'Acme',
      city: 'Berlin',
      tags: ['ml'],
      t: 20,
      layer: 'inner',
      x: 5,
      y: 6,
    }),
    node(2, { circles: ['colleague'], organisation: 'ACME ', t: 2 }),
    node(3, { circles: ['friend'], city: 'berlin', t: 0, layer: 'dormant' }),
    node(4, { t: 0.5, layer: 'known' }),
  ],
  ties: [
    { a: 1, b: 2, w: 2, backbone: true },
    { a: 2, b: 3, w: 0.05, backbone: false },
    { a: 3, b: 4, w: 0.5, backbone: true },
  ],
  recorded: [],
  backboneK: 4,
  windowDays: null,
};

describe('graph model', () => {
  it('puts the user in the middle, tied to everyone with a strength', () => {
    const g = buildGraph(data, { edgeMode: 'backbone', minTie: 0 });
    expect(g.getNodeAttributes(ME_KEY)).toMatchObject({ x: 0, y: 0, fixed: true, label: 'You' });
    expect(g.order).toBe(5);
    // Contact 3 has no strength left: no tie from the user, but still in the network through others.
    expect(g.neighbors(ME_KEY).sort()).toEqual(['1', '2', '4']);
    expect(g.getEdgeAttributes(g.edge(ME_KEY, '1')!)).toMatchObject({ weight: 20, kind: 'user' });
  });

  it('draws the backbone by default and all ties above a minimum on request', () => {
    const backbone = buildGraph(data, { edgeMode: 'backbone', minTie: 0 });
    expect(backbone.hasEdge('1', '2')).toBe(true);
    expect(backbone.hasEdge('2', '3')).toBe(false);
    expect(buildGraph(data, { edgeMode: 'all', minTie: 0 }).hasEdge('2', '3')).toBe(true);
    const strong = buildGraph(data, { edgeMode: 'all', minTie: 1 });
    expect(strong.hasEdge('1', '2')).toBe(true);
    expect(strong.hasEdge('3', '4')).toBe(false);
  });

  it('draws recorded relationships where no tie is drawn, unless turned off', () => {
    const withRecords: GraphData = {
      ...data,
      recorded: [
        { a: 1, b: 4, sentence: 'C1 mentors C4' },
        // Tied by meetings in the backbone: the measured tie stays.
        { a: 1, b: 2, sentence: 'C1 works with C2' },
        // Not in the backbone: the record is drawn instead.
        { a: 2, b: 3, sentence: 'C2 knows C3' },
        // Someone not on the graph.
        { a: 4, b: 99, sentence: 'C4 knows C99' },
      ],
    };
    const g = buildGraph(withRecords, { edgeMode: 'backbone', minTie: 0 });
    const recorded = g.filterEdges((_e, attrs) => attrs.kind === 'recorded');
    expect(recorded.map((e) => g.extremities(e).join('-'))).toEqual(['1-4', '2-3']);
    expect(g.getEdgeAttributes(g.edge('1', '4')!)).toMatchObject({
      kind: 'recorded',
      sentence: 'C1 mentors C4',
      color: RECORDED_EDGE_COLOR,
      weight: 0.3,
    });
    expect(g.getEdgeAttributes(g.edge('1', '2')!)).toMatchObject({ kind: 'tie', weight: 2 });
    // With every tie drawn, 2-3 is a measured tie again.
    const all = buildGraph(withRecords, { edgeMode: 'all', minTie: 0 });
    expect(all.getEdgeAttribute(all.edge('2', '3')!, 'kind')).toBe('tie');
    const off = buildGraph(withRecords, { edgeMode: 'backbone', minTie: 0, showRecorded: false });
    expect(off.filterEdges((_e, attrs) => attrs.kind === 'recorded')).toEqual([]);
    // Communities come from meetings alone.
    const communities = communitiesOf(g, louvain as never);
    const tiesOnly = communitiesOf(buildGraph(data, { edgeMode: 'backbone', minTie: 0 }), louvain as never);
    expect(communities).toEqual(tiesOnly);
  });

  it('keeps saved positions fixed and places new contacts by layer', () => {
    const g = buildGraph(data, { edgeMode: 'backbone', minTie: 0 });
    expect(g.getNodeAttributes('1')).toMatchObject({ x: 5, y: 6, fixed: true, saved: true });
    const fresh = g.getNodeAttributes('2');
    expect(fresh).toMatchObject({ fixed: false, saved: false, ...initialPosition(2, 'active') });
    const r = (id: number, layer: 'inner' | 'dormant') =>
      Math.hypot(initialPosition(id, layer).x, initialPosition(id, layer).y);
    expect(r(7, 'inner')).toBeLessThan(r(7, 'dormant'));
  });

  it('sizes by strength and colours by the most telling circle', () => {
    const g = buildGraph(data, { edgeMode: 'backbone', minTie: 0 });
    expect(g.getNodeAttribute('1', 'size')).toBeGreaterThan(g.getNodeAttribute('2', 'size'));
    expect(primaryCircle(['colleague', 'mentor'])).toBe('mentor');
    expect(g.getNodeAttribute('1', 'color')).toBe(circleColors.mentor);
  });

  it('filters by circle, tag, organisation, city, layer and strength', () => {
    const g = buildGraph(data, { edgeMode: 'backbone', minTie: 0 });
    const shown = (f: Partial<typeof noFilter>) =>
      g.filterNodes((_k, a) => passes(a, { ...noFilter, ...f })).filter((k) => k !== ME_KEY);
    expect(shown({ circle: 'mentor' })).toEqual(['1']);
    expect(shown({ tag: 'ml' })).toEqual(['1']);
    // However each wrote where they work: one menu entry, both shown.
    expect(shown({ organisation: 'Acme' })).toEqual(['1', '2']);
    // However each wrote their city.
    expect(shown({ city: 'BERLIN' })).toEqual(['1', '3']);
    expect(shown({ layer: 'known' })).toEqual(['4']);
    expect(shown({ minStrength: 1 })).toEqual(['1', '2']);
    expect(passes(g.getNodeAttributes(ME_KEY), { ...noFilter, circle: 'mentor' })).toBe(true);
    expect(facets(data)).toEqual({
      circles: ['mentor', 'colleague', 'friend'],
      tags: ['ml'],
      organisations: ['Acme'],
      cities: ['Berlin'],
    });
  });

  it('takes a city beyond ASCII whatever its case or the composition of its letters', () => {
    const swiss = { ...data, nodes: [node(5, { city: 'ZÜRICH' }), node(6, { city: 'Zu\u0308rich' })] };
    const g = buildGraph({ ...swiss, ties: [] }, { edgeMode: 'backbone', minTie: 0 });
    const shown = g
      .filterNodes((_k, a) => passes(a, { ...noFilter, city: 'zürich' }))
      .filter((k) => k !== ME_KEY);
    expect(shown).toEqual(['5', '6']);
    expect(facets(swiss).cities).toEqual(['ZÜRICH']);
  });

  it('finds communities among contacts, leaving the user out', () => {
    const twoGroups: GraphData = {
      ...data,
      nodes: [1, 2, 3, 4, 5, 6].map((id) => node(id)),
      ties: [
        { a: 1, b: 2, w: 5, backbone: true },
        { a: 1, b: 3, w: 5, backbone: true },
        { a: 2, b: 3, w: 5, backbone: true },
        { a: 4, b: 5, w: 5, backbone: true },
        { a: 4, b: 6, w: 5, backbone: true },
        { a: 5, b: 6, w: 5, backbone: true },
        { a: 3, b: 4, w: 0.1, backbone: true },
      ],
    };
    const c = communitiesOf(buildGraph(twoGroups, { edgeMode: 'backbone', minTie: 0 }), louvain as never);
    expect(c.has(ME_KEY)).toBe(false);
    expect(c.get('1')).toBe(c.get('2'));
    expect(c.get('4')).toBe(c.get('6'));
    expect(c.get('1')).not.toBe(c.get('4'));
  });
});
