import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import { ME_KEY, type EdgeAttrs, type NodeAttrs } from './graphModel';
import { holdFrame, moveNodeTo, settleNode } from './placeNode';
import type { NodePosition } from './positions';
import { useLatest } from './useLatest';

/** Alt and an arrow key: which way the selected contact moves on screen. */
const DIRECTIONS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
/** Screen pixels per press; with Shift as well, a finer step. */
const STEP_PX = 20;
const FINE_STEP_PX = 2;
/**
 * How long the keys rest before the place is saved: a held key repeats thirty times a second,
 * and a run of presses is one move to the user, so it is one save.
 */
export const SAVE_AFTER_MS = 400;

/**
 * The keyboard's way to place a contact, as a drag does: with the graph focused and a contact
 * selected (clicked, or found with Search), Alt and the arrow keys move them. Each move is handed
 * to `onMoved`, and where they end up to `onPlaced` (to save) once the keys rest, or at once when
 * the selection changes or the graph goes. The graph takes the focus like any control (Tab, or a click).
 */
export function useNodeKeys(
  selected: string | null,
  enabled: boolean,
  onMoved: (position: NodePosition) => void,
  onPlaced: (position: NodePosition) => void,
): void {
  const sigma = useSigma<NodeAttrs, EdgeAttrs>();
  const onMovedRef = useLatest(onMoved);
  const onPlacedRef = useLatest(onPlaced);

  useEffect(() => {
    const container = sigma.getContainer();
    container.tabIndex = 0;
    container.setAttribute('role', 'application');
    container.setAttribute(
      'aria-label',
      'Network graph. With a contact selected, Alt and the arrow keys move them (with Shift, a little).',
    );
  }, [sigma]);

  useEffect(() => {
    if (!enabled || selected === null || selected === ME_KEY) return;
    const container = sigma.getContainer();
    let unsaved: NodePosition | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      if (unsaved) onPlacedRef.current(unsaved);
      unsaved = null;
    };
    const onKey = (e: KeyboardEvent) => {
      const direction = DIRECTIONS[e.key];
      const graph = sigma.getGraph();
      if (!e.altKey || !direction || !graph.hasNode(selected)) return;
      // The keys are the graph's (a browser would take Alt+← for "back").
      e.preventDefault();
      holdFrame(sigma);
      const { x, y } = graph.getNodeAttributes(selected);
      const at = sigma.graphToViewport({ x, y });
      const step = e.shiftKey ? FINE_STEP_PX : STEP_PX;
      moveNodeTo(sigma, selected, { x: at.x + direction[0] * step, y: at.y + direction[1] * step });
      unsaved = settleNode(sigma, selected);
      onMovedRef.current(unsaved);
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_AFTER_MS);
    };
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('keydown', onKey);
      save();
    };
  }, [sigma, selected, enabled, onMovedRef, onPlacedRef]);
}
