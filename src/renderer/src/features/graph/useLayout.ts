import { useSigma } from '@react-sigma/core';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { useEffect, useState } from 'react';
import { contactPositions, type EdgeAttrs, type NodeAttrs } from './graphModel';
import { layoutSettings } from './layoutSettings';
import type { NodePosition } from './positions';
import { useLatest } from './useLatest';

export interface LayoutRequest {
  /** Changes to ask for a new run. */
  token: number;
  /** Move everyone (a fresh layout) rather than only contacts never placed before. */
  everyone: boolean;
  durationMs: number;
  /** Asked for by "Re-run layout" (which can be undone), not by contacts never placed before. */
  relayout?: boolean;
}

/**
 * Runs ForceAtlas2 in its web worker for a while, then hands back every contact's position so
 * the next session starts from it. Placed contacts stay fixed unless a full re-layout is asked for.
 */
export function useLayout(
  request: LayoutRequest | null,
  onDone: (positions: NodePosition[], request: LayoutRequest) => void,
): { running: boolean } {
  const sigma = useSigma<NodeAttrs, EdgeAttrs>();
  const [running, setRunning] = useState(false);
  const onDoneRef = useLatest(onDone);

  useEffect(() => {
    if (!request) return;
    const graph = sigma.getGraph();
    if (graph.order < 2) return;
    graph.forEachNode((key, attrs) => {
      graph.setNodeAttribute(key, 'fixed', key === 'me' || (!request.everyone && attrs.saved));
    });
    let anyFree = false;
    graph.forEachNode((_key, attrs) => {
      if (!attrs.fixed) anyFree = true;
    });
    if (!anyFree) return;
    // Nodes are about to move: let the view follow them, whatever frame a drag held still.
    sigma.setCustomBBox(null);
    const layout = new FA2LayoutSupervisor(graph, {
      settings: layoutSettings(graph),
      getEdgeWeight: 'weight',
    });
    setRunning(true);
    layout.start();
    const timer = window.setTimeout(() => {
      layout.stop();
      const positions = contactPositions(graph);
      graph.forEachNode((key) => {
        graph.setNodeAttribute(key, 'saved', true);
      });
      setRunning(false);
      onDoneRef.current(positions, request);
    }, request.durationMs);
    return () => {
      window.clearTimeout(timer);
      layout.kill();
      setRunning(false);
    };
  }, [request, sigma, onDoneRef]);

  return { running };
}
