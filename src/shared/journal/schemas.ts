import { z } from 'zod';
import { tagName } from '../tags/schemas';
import { circles, type Circle } from '../contacts/schemas';
import {
  initiators,
  interactionKinds,
  interactionSources,
  participantRoles,
  type InteractionKind,
  type Initiator,
} from './kinds';

const id = z.number().int().positive();

/** Notes are Markdown typed by a person; a megabyte is a long book, so anything larger is a mistake. */
export const maxNotesLength = 200_000;

/** Kinds that mean nothing without a name ("Quarterly planning"); a coffee or a call can stay untitled. */
export const kindsNeedingTitle: readonly InteractionKind[] = ['meeting', 'video', 'event', 'project'];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar day as `YYYY-MM-DD`, the schema every date field shares. */
export const isoDateString = z.string().refine(isIsoDate, 'Use a date as YYYY-MM-DD');

export function isIsoDateTime(value: string): boolean {
  return dateTimePattern.test(value) && !Number.isNaN(new Date(value).getTime());
}

const moment = z
  .string()
  .trim()
  .max(40)
  .refine((v) => isIsoDate(v) || isIsoDateTime(v), 'Not a date (YYYY-MM-DD) or an ISO date and time');

export const participantInput = z.strictObject({
  contactId: id,
  role: z.enum(participantRoles).default('participant'),
});

/** Everything the entry form sets. Participants and tags replace what is stored. */
export const interactionFieldsObject = z.strictObject({
  kind: z.enum(interactionKinds),
  startsAt: moment,
  endsAt: moment.nullable().optional(),
  allDay: z.boolean().default(false),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 14)
    .nullable()
    .optional(),
  title: z.string().trim().max(300).default(''),
  notes: z
    .string()
    .max(maxNotesLength, `Notes are limited to ${maxNotesLength.toLocaleString('en')} characters`)
    .default(''),
  location: z.string().trim().max(300).nullable().optional(),
  initiatedBy: z.enum(initiators).default('unknown'),
  participants: z.array(participantInput).max(2000).default([]),
  tags: z.array(tagName).max(50).default([]),
});

/** The rules across fields of an entry, for every schema built on `interactionFieldsObject`. */
export function checkInteraction(f: z.output<typeof interactionFieldsObject>, ctx: z.RefinementCtx): void {
  if (f.allDay && !isIsoDate(f.startsAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['startsAt'],
      message: 'An all-day entry starts on a date (YYYY-MM-DD)',
    });
  }
  if (!f.allDay && !isIsoDateTime(f.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'The start needs a date and a time' });
  }
  if (f.endsAt) {
    if (f.allDay !== isIsoDate(f.endsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be written like the start' });
    } else if (endMillis(f.endsAt) < endMillis(f.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end is before the start' });
    }
  }
  if (kindsNeedingTitle.includes(f.kind) && f.title === '') {
    ctx.addIssue({ code: 'custom', path: ['title'], message: 'This kind of entry needs a title' });
  }
  const seen = new Set<number>();
  f.participants.forEach((p, i) => {
    if (seen.has(p.contactId)) {
      ctx.addIssue({ code: 'custom', path: ['participants', i, 'contactId'], message: 'Listed twice' });
    }
    seen.add(p.contactId);
  });
}

export const interactionFields = interactionFieldsObject.superRefine(checkInteraction);
export type InteractionFieldsInput = z.input<typeof interactionFields>;
export type InteractionFields = z.output<typeof interactionFields>;

function endMillis(value: string): number {
  return new Date(isIsoDate(value) ? `${value}T00:00:00Z` : value).getTime();
}

export const interactionIdInput = z.strictObject({ id });
export const interactionUpdateInput = z.strictObject({ id, fields: interactionFields });
export const undoInput = z.strictObject({ token: id });

export const quickLogInput = z.strictObject({
  text: z.string().trim().min(1, 'Type what happened').max(500),
  contactId: id.optional(),
});

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const journalListInput = z.strictObject({
  contactId: id.optional(),
  circle: z.enum(circles).optional(),
  kind: z.enum(interactionKinds).optional(),
  source: z.enum(interactionSources).optional(),
  tag: tagName.optional(),
  from: z.string().refine(isIsoDate, 'Not a date').optional(),
  to: z.string().refine(isIsoDate, 'Not a date').optional(),
  ...page,
});
export type JournalListInput = z.input<typeof journalListInput>;

export const timelineInput = z.strictObject({ contactId: id, ...page });
export type TimelineInput = z.input<typeof timelineInput>;

export const mentionCandidatesInput = z.strictObject({
  query: z.string().max(100),
  limit: z.number().int().min(1).max(50).default(8),
});

export interface ParticipantRef {
  contactId: number;
  displayName: string;
  role: (typeof participantRoles)[number];
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

/** The parts of an imported meeting the user can make their own, so later imports leave them. */
export const userEditableParts = [
  'notes',
  'kind',
  'title',
  'location',
  'time',
  'initiator',
  'people',
] as const;
export type UserEditablePart = (typeof userEditableParts)[number];

export interface Interaction {
  id: number;
  kind: InteractionKind;
  title: string;
  notes: string;
  location: string | null;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  durationMinutes: number | null;
  initiatedBy: Initiator;
  source: string;
  /** For a meeting imported from a calendar file, that calendar's name; else null. */
  calendar: string | null;
  /** Of an imported entry, the parts the user changed in Rapport, which later imports leave alone. */
  changedByYou: UserEditablePart[];
  participants: ParticipantRef[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A row in a list: the first few participants by name and how many there were. */
export interface InteractionSummary {
  id: number;
  kind: InteractionKind;
  title: string;
  notesPreview: string;
  startsAt: string;
  allDay: boolean;
  durationMinutes: number | null;
  source: string;
  participants: ParticipantRef[];
  participantCount: number;
}

export interface InteractionPage {
  items: InteractionSummary[];
  total: number;
  offset: number;
}

export interface DeleteResult {
  deleted: true;
  /** Pass to `journal:undoDelete` to put the entry back exactly as it was. */
  undoToken: number;
}

export interface MentionCandidate {
  id: number;
  displayName: string;
  organisation: string | null;
}

export type { Circle };
