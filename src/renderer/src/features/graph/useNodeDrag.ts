import { useSigma } from '@react-sigma/core';
import { useEffect, useRef, type RefObject } from 'react';
import type { SigmaNodeEventPayload, SigmaStageEventPayload } from 'sigma/types';
import { ME_KEY, type EdgeAttrs, type NodeAttrs } from './graphModel';
import { holdFrame, moveNodeTo, settleNode } from './placeNode';
import type { NodePosition } from './positions';
import { useLatest } from './useLatest';

/** How far (in screen pixels) the pointer must travel before a press on a node becomes a drag, not a click. */
const DRAG_THRESHOLD_PX = 4;

/**
 * Lets the user drag a contact's node to where they want it; on release `onPlaced` gets its
 * new position (to save). The user's own node stays in the middle. While `enabled` is false
 * (the layout is running and would move it back) a press pans the view as usual.
 *
 * The returned ref is true from a drag's release until the next press, so the click the
 * browser sends after it is not taken for a click on the node.
 */
export function useNodeDrag(
  enabled: boolean,
  onPlaced: (position: NodePosition) => void,
): RefObject<boolean> {
  const sigma = useSigma<NodeAttrs, EdgeAttrs>();
  const dragged = useRef(false);
  const onPlacedRef = useLatest(onPlaced);

  useEffect(() => {
    if (!enabled) return;
    let pressed: { node: string; x: number; y: number } | null = null;
    const container = sigma.getContainer();

    const down = (e: SigmaNodeEventPayload) => {
      dragged.current = false;
      if (e.node === ME_KEY) return;
      pressed = { node: e.node, x: e.event.x, y: e.event.y };
    };
    const move = (e: SigmaStageEventPayload) => {
      if (!pressed) return;
      // A press on a node moves the node, never the view under it.
      e.preventSigmaDefault();
      e.event.original.preventDefault();
      e.event.original.stopPropagation();
      if (!dragged.current) {
        if (Math.hypot(e.event.x - pressed.x, e.event.y - pressed.y) < DRAG_THRESHOLD_PX) return;
        dragged.current = true;
        holdFrame(sigma);
        container.style.cursor = 'grabbing';
      }
      moveNodeTo(sigma, pressed.node, e.event);
    };
    const up = () => {
      if (!pressed) return;
      const { node } = pressed;
      pressed = null;
      if (!dragged.current) return;
      container.style.cursor = '';
      if (sigma.getGraph().hasNode(node)) onPlacedRef.current(settleNode(sigma, node));
    };

    sigma.on('downNode', down);
    sigma.on('moveBody', move);
    sigma.on('upNode', up);
    sigma.on('upStage', up);
    return () => {
      sigma.off('downNode', down);
      sigma.off('moveBody', move);
      sigma.off('upNode', up);
      sigma.off('upStage', up);
      container.style.cursor = '';
    };
  }, [enabled, sigma, onPlacedRef]);

  return dragged;
}
