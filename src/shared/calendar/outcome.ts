import { count } from '../text/count';
import type { CalendarImportRecord } from './schemas';

/** What a calendar import wrote: a commit's result, or a row of the import history. */
export type ImportCounts = Pick<
  CalendarImportRecord,
  | 'created'
  | 'updated'
  | 'contactsCreated'
  | 'addressesAdded'
  | 'withdrawn'
  | 'seriesRemoved'
  | 'deletedRemoved'
  | 'unansweredRemoved'
>;

/**
 * What an import did, in one sentence without its full stop: after an import (the Import view
 * and the command line) in `full`, and in `short` for a row of the history, where the column
 * says they are meetings. Additions and removals are named only when there were some.
 */
export function importOutcome(c: ImportCounts, style: 'full' | 'short'): string {
  const full = style === 'full';
  // In the history, the column says they are meetings.
  const meetings = (n: number) => (full ? count(n, 'meeting') : String(n));
  const parts = [
    `${meetings(c.created)} created`,
    `${c.updated} updated`,
    count(c.contactsCreated, 'new contact'),
  ];
  if (c.addressesAdded > 0) {
    parts.push(
      `${count(c.addressesAdded, 'address', 'addresses')} added${full ? ' to contacts you had' : ''}`,
    );
  }
  if (c.withdrawn > 0) {
    parts.push(
      full
        ? `${count(c.withdrawn, 'meeting')} cancelled or not attended removed`
        : `${c.withdrawn} cancelled or not attended removed`,
    );
  }
  if (c.seriesRemoved > 0) parts.push(`${meetings(c.seriesRemoved)} of series left out removed`);
  if (c.deletedRemoved > 0) parts.push(`${meetings(c.deletedRemoved)} no longer in the calendar removed`);
  if (c.unansweredRemoved > 0) parts.push(`${meetings(c.unansweredRemoved)} never answered removed`);
  return parts.join(', ');
}
