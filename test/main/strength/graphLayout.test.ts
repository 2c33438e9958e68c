import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork, writeNetwork } from '../../../src/main/demo/generator';
import { writeDemoJournal } from '../../../src/main/demo/journalGenerator';
import { graphData } from '../../../src/main/strength/service';
import {
  buildGraph,
  ME_KEY,
  type EdgeAttrs,
  type EdgeMode,
  type NodeAttrs,
} from '../../../src/renderer/src/features/graph/graphModel';
import { layoutSettings } from '../../../src/renderer/src/features/graph/layoutSettings';
import type { GraphData } from '../../../src/shared/strength/schemas';
import { tempStore, type TempStore } from '../../support/store';

/** The graph view's shorter side, in pixels, once sigma's 30-pixel padding is taken off. */
const VIEW_PX = 560;
const LAYERS = ['inner', 'close', 'active', 'known', 'dormant'] as const;

/** Where each disc is drawn when sigma fits the graph to the view: centre and radius in pixels. */
function drawn(graph: Graph<NodeAttrs, EdgeAttrs>) {
  const xs = graph.mapNodes((_k, a) => a.x);
  const ys = graph.mapNodes((_k, a) => a.y);
  const scale = VIEW_PX / Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return graph.mapNodes((key, a) => ({ key, layer: a.layer, x: a.x * scale, y: a.y * scale, r: a.size }));
}

function overlappingPairs(discs: ReturnType<typeof drawn>): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < discs.length; i++) {
    for (let j = i + 1; j < discs.length; j++) {
      const [a, b] = [discs[i], discs[j]];
      // A tenth of slack: discs that only touch read as two.
      if (Math.hypot(a.x - b.x, a.y - b.y) < 0.9 * (a.r + b.r)) pairs.push(`${a.key}/${b.key}`);
    }
  }
  return pairs;
}

/** Mean distance from the user, in pixels, of each layer's contacts, strongest layer first (empty layers left out). */
function meanDistanceByLayer(discs: ReturnType<typeof drawn>): number[] {
  const me = discs.find((d) => d.key === ME_KEY)!;
  return LAYERS.flatMap((layer) => {
    const ds = discs.filter((d) => d.layer === layer).map((d) => Math.hypot(d.x - me.x, d.y - me.y));
    return ds.length === 0 ? [] : [ds.reduce((sum, d) => sum + d, 0) / ds.length];
  });
}

describe('the network graph layout over the demo network', () => {
  let temp: TempStore;
  let data: GraphData;

  beforeAll(async () => {
    temp = await tempStore();
    const network = generateNetwork();
    writeDemoJournal(temp.store, network, writeNetwork(temp.store, network));
    data = graphData(temp.store.sqlite, Date.now());
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  // The layout runs in its worker for as long as the machine gives it, so it must hold early and late.
  for (const mode of ['backbone', 'all'] satisfies EdgeMode[]) {
    it(`keeps discs apart and stronger ties nearer the user (${mode} ties), early and late in the run`, () => {
      const graph = buildGraph(data, { edgeMode: mode, minTie: 0 });
      graph.forEachNode((key) => graph.setNodeAttribute(key, 'fixed', key === ME_KEY));
      expect(graph.order).toBeGreaterThan(200);
      for (const iterations of [300, 2700]) {
        forceAtlas2.assign(graph, { iterations, settings: layoutSettings(graph), getEdgeWeight: 'weight' });
        const discs = drawn(graph);
        expect(overlappingPairs(discs)).toEqual([]);
        const distances = meanDistanceByLayer(discs);
        expect(distances.length).toBeGreaterThanOrEqual(4);
        for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeGreaterThan(distances[i - 1]);
      }
    });
  }

  it('would fail with ForceAtlas2 inferred defaults, which heap the strongest ties on each other', () => {
    const graph = buildGraph(data, { edgeMode: 'all', minTie: 0 });
    graph.forEachNode((key) => graph.setNodeAttribute(key, 'fixed', key === ME_KEY));
    forceAtlas2.assign(graph, {
      iterations: 300,
      settings: forceAtlas2.inferSettings(graph),
      getEdgeWeight: 'weight',
    });
    expect(overlappingPairs(drawn(graph)).length).toBeGreaterThan(100);
  });
});
