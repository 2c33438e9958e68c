import type { Circle, ContactSortKey, LinkKind } from '../../../../shared/contacts/schemas';

export const circleLabels: Record<Circle, string> = {
  colleague: 'Colleague',
  mentor: 'Mentor',
  sponsor: 'Sponsor',
  mentee: 'Mentee',
  peer: 'Peer',
  friend: 'Friend',
  other: 'Other',
};

export const linkKindLabels: Record<LinkKind, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  website: 'Website',
  other: 'Other',
};

/** The list orders offered to the user, each a sort key and a direction. */
export const sortOptions: Array<{
  value: string;
  label: string;
  sort: ContactSortKey;
  direction: 'asc' | 'desc';
}> = [
  { value: 'name', label: 'Name', sort: 'name', direction: 'asc' },
  { value: 'organisation', label: 'Organisation', sort: 'organisation', direction: 'asc' },
  { value: 'updated', label: 'Recently updated', sort: 'updated', direction: 'desc' },
  { value: 'created', label: 'Recently added', sort: 'created', direction: 'desc' },
  { value: 'strength', label: 'Strongest first', sort: 'strength', direction: 'desc' },
  { value: 'recent', label: 'Contacted recently', sort: 'lastContact', direction: 'desc' },
  { value: 'longest', label: 'Longest since contact', sort: 'lastContact', direction: 'asc' },
];

export function describeCadence(days: number | null): string {
  if (days === null) return 'No reminder';
  if (days === 1) return 'Every day';
  if (days === 7) return 'Every week';
  if (days === 14) return 'Every two weeks';
  if (days === 30 || days === 31) return 'Every month';
  if (days === 90 || days === 91) return 'Every quarter';
  if (days === 365) return 'Every year';
  return `Every ${days} days`;
}
