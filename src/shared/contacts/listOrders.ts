import type { ContactSortKey } from './schemas';

/** One order the contacts list offers: a sort key in the direction that reads right. */
export interface ContactListOrder {
  /** Its name in the app's address (`?order=`). */
  value: string;
  /** Its name on the command line (`contacts list --sort`). */
  flag: string;
  label: string;
  sort: ContactSortKey;
  direction: 'asc' | 'desc';
}

/** The list's orders, the app's and the command line's alike; the first is the default. */
export const contactListOrders: ContactListOrder[] = [
  { value: 'name', flag: 'name', label: 'Name', sort: 'name', direction: 'asc' },
  {
    value: 'organisation',
    flag: 'organisation',
    label: 'Organisation',
    sort: 'organisation',
    direction: 'asc',
  },
  { value: 'updated', flag: 'updated', label: 'Recently updated', sort: 'updated', direction: 'desc' },
  { value: 'created', flag: 'created', label: 'Recently added', sort: 'created', direction: 'desc' },
  { value: 'strength', flag: 'strength', label: 'Strongest first', sort: 'strength', direction: 'desc' },
  {
    value: 'recent',
    flag: 'last-contact',
    label: 'Contacted recently',
    sort: 'lastContact',
    direction: 'desc',
  },
  {
    value: 'longest',
    flag: 'longest-since-contact',
    label: 'Longest since contact',
    sort: 'lastContact',
    direction: 'asc',
  },
];
