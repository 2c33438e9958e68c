import type Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/**
 * ForceAtlas2's settings for the network graph. Its inferred defaults pull the strongest ties,
 * which are drawn as the largest discs, into one heap around the user: on the demo network
 * 330 pairs of discs overlapped, and inner, close, active and known contacts all sat about as
 * far from the user. `adjustSizes` keeps discs apart; a strong gravity and a low scaling ratio
 * keep the extent from drifting outwards as the layout runs, so discs that do not overlap in
 * layout units do not overlap once sigma fits the graph to the view; and distance from the
 * user then follows strength, layer by layer.
 */
export function layoutSettings(graph: Graph): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 500,
    adjustSizes: true,
    gravity: 1,
    scalingRatio: 2,
  };
}
