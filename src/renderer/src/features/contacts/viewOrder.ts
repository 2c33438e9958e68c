/** The ids with `id` taken out and put back at `to` (clamped to the ends); the same array when it does not move. */
export function movedTo(ids: readonly number[], id: number, to: number): readonly number[] {
  const from = ids.indexOf(id);
  const at = Math.max(0, Math.min(ids.length - 1, to));
  if (from < 0 || from === at) return ids;
  const rest = ids.filter((other) => other !== id);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** The drag's data type: a view's id, and nothing a drop from elsewhere could carry. */
export const VIEW_DRAG_TYPE = 'application/x-rapport-view';
