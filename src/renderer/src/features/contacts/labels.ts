import type { Circle, LinkKind } from '../../../../shared/contacts/schemas';

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
