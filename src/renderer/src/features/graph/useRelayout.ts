import { useSigma } from '@react-sigma/core';
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import { contactPositions, placeContacts, type EdgeAttrs, type NodeAttrs } from './graphModel';
import type { NodePosition } from './positions';
import type { LayoutRequest } from './useLayout';

/** What the graph calls when the layout is done, and when the user places a contact by hand. */
export interface Relayout {
  layoutDone: (positions: NodePosition[], done: LayoutRequest) => void;
  placedByHand: (position: NodePosition) => void;
}

/**
 * "Re-run layout" and its undo. A re-run places everyone afresh, the contacts the user dragged
 * into place too, so where everyone was is kept until the next re-run; undo puts them back
 * there and saves that, except the contacts the user has placed by hand since the re-run: they
 * stay where they were put. `relayout` and `undo` count the user's clicks; `onUndoable` says
 * whether there is a re-run to undo.
 */
export function useRelayout(
  relayout: number,
  undo: number,
  setLayoutRequest: Dispatch<SetStateAction<LayoutRequest | null>>,
  persist: (positions: NodePosition[]) => void,
  onUndoable: (undoable: boolean) => void,
): Relayout {
  const sigma = useSigma<NodeAttrs, EdgeAttrs>();
  const before = useRef<NodePosition[] | null>(null);
  // The clicks already acted on: an effect that runs again (its other inputs changed, or React's
  // development double run) must not lay out or undo a second time.
  const handled = useRef({ relayout: 0, undo: 0 });

  useEffect(() => {
    if (relayout === handled.current.relayout) return;
    handled.current.relayout = relayout;
    before.current = contactPositions(sigma.getGraph());
    onUndoable(false);
    setLayoutRequest((r) => ({
      token: (r?.token ?? 0) + 1,
      everyone: true,
      durationMs: 5000,
      relayout: true,
    }));
  }, [relayout, sigma, setLayoutRequest, onUndoable]);

  useEffect(() => {
    if (undo === handled.current.undo) return;
    handled.current.undo = undo;
    const positions = before.current;
    if (!positions) return;
    before.current = null;
    onUndoable(false);
    placeContacts(sigma.getGraph(), positions);
    sigma.setCustomBBox(null);
    persist(positions);
  }, [undo, sigma, persist, onUndoable]);

  const layoutDone = useCallback(
    (positions: NodePosition[], done: LayoutRequest) => {
      persist(positions);
      if (done.relayout && before.current) onUndoable(true);
    },
    [persist, onUndoable],
  );
  const placedByHand = useCallback((position: NodePosition) => {
    if (before.current) before.current = before.current.filter((p) => p.contactId !== position.contactId);
  }, []);
  return useMemo(() => ({ layoutDone, placedByHand }), [layoutDone, placedByHand]);
}
