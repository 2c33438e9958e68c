import { notifications } from '@mantine/notifications';
import type Graph from 'graphology';
import type { RapportError } from '../../api/client';
import type { EdgeAttrs, NodeAttrs } from './graphModel';
import type { NodePosition } from './positions';

/** One notice however many saves fail in a row (each drag, each run of key presses is a save). */
const NOTICE_ID = 'graph-positions-not-saved';

/**
 * Says that places on the graph were not saved: the screen shows them where they were put, but
 * the next visit will show them where they were saved before, and the user should know now.
 */
export function showSaveFailed(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  positions: readonly NodePosition[],
  error: RapportError,
): void {
  const key = String(positions[0]?.contactId);
  const who =
    positions.length === 1 && graph.hasNode(key)
      ? `Where you put ${graph.getNodeAttribute(key, 'label')}`
      : "The graph's new layout";
  notifications.show({
    id: NOTICE_ID,
    color: 'red',
    title: 'Not saved',
    message: `${who} could not be saved: ${error.message.replace(/\.$/, '')}. Your next visit shows the places saved before.`,
    autoClose: 10_000,
  });
}
