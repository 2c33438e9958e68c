import {
  MAX_BULK_IDS,
  type ContactIds,
  type ContactPage,
  type contactIdsInput,
  type contactListInput,
} from '../../shared/contacts/schemas';
import type { z } from 'zod';
import type { Store } from '../db/open';
import { contactStrengths, type ContactStrengths } from '../strength/service';
import { contactRows, isSqlSort, listContacts, listMatchingIds } from './repository';

type ListQuery = z.output<typeof contactListInput>;

/** By last contact in `direction`, those never contacted last whichever the direction. */
function byLastContact(strengths: ContactStrengths, direction: 'asc' | 'desc') {
  const sign = direction === 'desc' ? -1 : 1;
  return (a: number, b: number): number => {
    const x = strengths.lastAt(a);
    const y = strengths.lastAt(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  };
}

/**
 * One page of the contacts list, each row with its strength. Database orders page in SQL; an
 * order by strength or last contact, or a filter by layer, needs every matching id first (a few
 * milliseconds at 10,000 contacts), ordered and filtered in memory from the strength scores;
 * ties keep name order.
 */
export async function listContactPage(store: Store, now: number, query: ListQuery): Promise<ContactPage> {
  const strengths = contactStrengths(store.sqlite, now);
  const sort = query.sort;
  if (query.layer === undefined && isSqlSort(sort)) {
    const page = await listContacts(store.db, { ...query, sort });
    return { ...page, items: page.items.map((row) => ({ ...row, strength: strengths.summary(row.id) })) };
  }
  let ids = isSqlSort(sort)
    ? await listMatchingIds(store.db, query, sort, query.direction)
    : await listMatchingIds(store.db, query, 'name', 'asc');
  const layer = query.layer;
  if (layer !== undefined) ids = ids.filter((id) => strengths.layer(id) === layer);
  if (sort === 'strength') {
    const sign = query.direction === 'asc' ? 1 : -1;
    ids.sort((a, b) => sign * (strengths.t(a) - strengths.t(b)));
  } else if (sort === 'lastContact') ids.sort(byLastContact(strengths, query.direction));
  const rows = await contactRows(store.db, ids.slice(query.offset, query.offset + query.limit));
  return {
    items: rows.map((row) => ({ ...row, strength: strengths.summary(row.id) })),
    total: ids.length,
    offset: query.offset,
  };
}

/** Every contact the filters match (layer included), in name order, for "select all". */
export async function matchingContactIds(
  store: Store,
  now: number,
  query: z.output<typeof contactIdsInput>,
): Promise<ContactIds> {
  let ids = await listMatchingIds(store.db, query, 'name', 'asc');
  const layer = query.layer;
  if (layer !== undefined) {
    const strengths = contactStrengths(store.sqlite, now);
    ids = ids.filter((id) => strengths.layer(id) === layer);
  }
  return { ids: ids.slice(0, MAX_BULK_IDS), total: ids.length };
}
