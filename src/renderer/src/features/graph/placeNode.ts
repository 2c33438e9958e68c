import type Sigma from 'sigma';
import type { Coordinates } from 'sigma/types';
import { graphExtent } from 'sigma/utils';
import type { EdgeAttrs, NodeAttrs } from './graphModel';
import type { NodePosition } from './positions';

type Renderer = Sigma<NodeAttrs, EdgeAttrs>;

/**
 * Keeps the frame still while a node is moved by hand: sigma fits the view to the nodes'
 * extent, which the move changes. The extent is read from the graph: sigma's own (getBBox) is
 * a placeholder while a redraw is pending, as one is after the hover that comes before a press.
 */
export function holdFrame(sigma: Renderer): void {
  if (!sigma.getCustomBBox()) sigma.setCustomBBox(graphExtent(sigma.getGraph()));
}

/** Puts a node under a point of the view. */
export function moveNodeTo(sigma: Renderer, key: string, viewport: Coordinates): void {
  const at = sigma.viewportToGraph(viewport);
  sigma.getGraph().mergeNodeAttributes(key, { x: at.x, y: at.y });
}

/** Marks a node placed where it is (the layout keeps it there) and says where that is, to save. */
export function settleNode(sigma: Renderer, key: string): NodePosition {
  const graph = sigma.getGraph();
  graph.mergeNodeAttributes(key, { saved: true, fixed: true });
  const { contactId, x, y } = graph.getNodeAttributes(key);
  return { contactId, x, y };
}
