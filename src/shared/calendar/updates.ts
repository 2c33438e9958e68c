import { count } from '../text/count';
import type { CalendarPreview } from './schemas';

/**
 * What the preview says of the meetings to update, besides their number: those moved (with their
 * series, or deleted and created again), and those the user changed in Rapport ("2 keep your
 * changes"), whose changed parts the import leaves alone. Empty when neither.
 */
export function updateParts(p: Pick<CalendarPreview, 'moved' | 'updatedYours'>): string[] {
  return [
    ...(p.moved > 0 ? [`${count(p.moved, 'meeting')} moved`] : []),
    ...(p.updatedYours > 0
      ? [`${p.updatedYours} ${p.updatedYours === 1 ? 'keeps' : 'keep'} your changes`]
      : []),
  ];
}
