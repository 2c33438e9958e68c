import type { Settings } from 'sigma/settings';
import { USER_EDGE_COLOR, type EdgeAttrs, type NodeAttrs } from './graphModel';
import { createLabelDrawer } from './labelDrawer';
import { EdgeQuadProgram, NodeDiscProgram } from './programs';

/**
 * GraphView's sigma settings, shared with the graph bench so it measures what the app draws.
 * The default node and edge types are sigma's names ('circle', 'line') mapped to the
 * non-instanced programs, which look the same and draw far faster in software WebGL.
 */
export const sigmaSettings: Partial<Settings<NodeAttrs, EdgeAttrs>> = {
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 9,
  zIndex: true,
  defaultEdgeColor: USER_EDGE_COLOR,
  labelDensity: 0.5,
  defaultDrawNodeLabel: createLabelDrawer<NodeAttrs, EdgeAttrs>(),
  nodeProgramClasses: { circle: NodeDiscProgram },
  edgeProgramClasses: { line: EdgeQuadProgram },
};
