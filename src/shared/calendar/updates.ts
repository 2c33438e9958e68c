import { count } from '../text/count';
import type { CalendarPreview } from './schemas';

/**
 * What the preview says of the meetings to update, besides their number: those moved with their
 * series ("6 meetings moved"), those now under a new invitation ("2 under a new invitation": deleted and
 * created again, or split off a series under a new UID, as Apple Calendar does), and
 * those the user changed in Rapport ("2 keep your changes"), whose changed parts the import leaves
 * alone. Empty when none.
 */
export function updateParts(p: Pick<CalendarPreview, 'moved' | 'recreated' | 'updatedYours'>): string[] {
  const withSeries = p.moved - p.recreated;
  return [
    ...(withSeries > 0 ? [`${count(withSeries, 'meeting')} moved`] : []),
    ...(p.recreated > 0 ? [`${p.recreated} under a new invitation`] : []),
    ...(p.updatedYours > 0
      ? [`${p.updatedYours} ${p.updatedYours === 1 ? 'keeps' : 'keep'} your changes`]
      : []),
  ];
}
