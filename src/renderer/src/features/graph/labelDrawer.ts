import type { Attributes } from 'graphology-types';
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from 'sigma/rendering';
import { placeLabels, type LabelBox } from './labelPlacement';

type Call<N extends Attributes, E extends Attributes> = Parameters<NodeLabelDrawingFunction<N, E>>;

/**
 * sigma's own label drawer, made to leave out labels that would cover another. Sigma picks
 * labels per cell of a grid, so two large nodes in neighbouring cells had their names drawn
 * over each other. It hands labels over one by one in grid order, within one synchronous
 * render: they are gathered, and once the render is done (a microtask later, before the frame
 * is shown) drawn biggest node first, each only where it covers none already drawn.
 */
export function createLabelDrawer<N extends Attributes, E extends Attributes>(): NodeLabelDrawingFunction<
  N,
  E
> {
  const pending = new Map<CanvasRenderingContext2D, Call<N, E>[]>();
  const flush = () => {
    for (const [context, calls] of pending) {
      const labels = calls.map((call) => ({ call, size: call[1].size, box: labelBox(...call) }));
      for (const { call } of placeLabels(labels)) drawDiscNodeLabel(...call);
      pending.delete(context);
    }
  };
  return (context, data, settings) => {
    if (!data.label) return;
    if (pending.size === 0) queueMicrotask(flush);
    const calls = pending.get(context) ?? [];
    calls.push([context, data, settings]);
    pending.set(context, calls);
  };
}

/** Where sigma's disc-node drawer puts a label: right of the disc, on a baseline a third below its centre. */
function labelBox<N extends Attributes, E extends Attributes>(
  ...[context, data, settings]: Call<N, E>
): LabelBox {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  return {
    x: data.x + data.size + 3,
    y: data.y + size / 3 - size,
    width: context.measureText(data.label ?? '').width,
    height: size * 1.25,
  };
}
