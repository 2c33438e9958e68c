/** What kind of contact an interaction was; the order is the order forms show them in. */
export const interactionKinds = [
  'meeting',
  'video',
  'call',
  'coffee',
  'message',
  'email',
  'event',
  'project',
  'note',
  'connected',
  'job_change',
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const interactionKindLabels: Record<InteractionKind, string> = {
  meeting: 'In-person meeting',
  video: 'Video call',
  call: 'Phone call',
  coffee: 'Coffee or meal',
  message: 'Message',
  email: 'Email',
  event: 'Company event',
  project: 'Team project',
  note: 'Note',
  connected: 'Connected',
  job_change: 'Job change',
};

/** Kinds the user logs by hand; `connected` and `job_change` are recorded by imports. */
export const loggableKinds = interactionKinds.filter((k) => k !== 'connected' && k !== 'job_change');

export const initiators = ['me', 'them', 'unknown'] as const;
export type Initiator = (typeof initiators)[number];

export const participantRoles = ['organizer', 'attendee', 'participant', 'mentioned'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** Where an entry came from: written in Rapport, or recorded by a calendar or LinkedIn import. */
export const interactionSources = ['manual', 'ics', 'linkedin'] as const;
export type InteractionSource = (typeof interactionSources)[number];

export const interactionSourceLabels: Record<InteractionSource, string> = {
  manual: 'Written in Rapport',
  ics: 'Calendar',
  linkedin: 'LinkedIn',
};
