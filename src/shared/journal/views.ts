import { z } from 'zod';
import { circles, type Circle } from '../contacts/schemas';
import type { CadenceDefaults, CadenceSource } from './cadence';
import type { InteractionKind } from './kinds';
import type { InteractionSummary } from './schemas';

const id = z.number().int().positive();

/** Search, reconnect, duplicates and dashboard inputs and outputs. */

export const searchInput = z.strictObject({
  query: z.string().max(200),
  limit: z.number().int().min(1).max(100).default(20),
});

/** A snippet split into plain and matched runs, so the view never renders markup from data. */
export type SnippetPart = { text: string; hit: boolean };

export interface ContactHit {
  id: number;
  displayName: string;
  organisation: string | null;
  snippet: SnippetPart[];
}

export interface InteractionHit {
  id: number;
  kind: InteractionKind;
  title: string;
  startsAt: string;
  allDay: boolean;
  participants: string[];
  snippet: SnippetPart[];
}

export interface SearchResults {
  contacts: ContactHit[];
  interactions: InteractionHit[];
}

const cadenceValue = z.number().int().min(1).max(3650).nullable();

export const cadenceDefaultsInput = z.strictObject({
  defaults: z.strictObject(
    Object.fromEntries(circles.map((c) => [c, cadenceValue])) as Record<Circle, typeof cadenceValue>,
  ),
});

export const contactCadenceInput = z.strictObject({
  contactId: id,
  /** A number of days, 'none' (never remind) or 'default' (follow the circles). */
  cadence: z.union([z.number().int().min(1).max(3650), z.enum(['none', 'default'])]),
});

export const snoozeInput = z.strictObject({
  contactId: id,
  /** 0 wakes the contact up again. */
  days: z.number().int().min(0).max(366),
});

export const reconnectListInput = z.strictObject({
  limit: z.number().int().min(1).max(1000).default(50),
});

export const contactIdOnly = z.strictObject({ contactId: id });

export interface ReconnectItem {
  contactId: number;
  displayName: string;
  organisation: string | null;
  circles: Circle[];
  cadenceDays: number;
  cadenceSource: CadenceSource;
  /** Null when there has never been an interaction. */
  lastContactAt: string | null;
  daysSince: number;
  overdueRatio: number;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

export interface KeepInTouchStatus {
  contactId: number;
  cadenceDays: number | null;
  cadenceSource: CadenceSource;
  lastContactAt: string | null;
  dueAt: string | null;
  overdueRatio: number | null;
  snoozedUntil: string | null;
}

export type { CadenceDefaults };

export const duplicatesListInput = z.strictObject({
  limit: z.number().int().min(1).max(1000).default(200),
});

export type DuplicateReason = 'email' | 'phone' | 'same-name' | 'similar-name';

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  reasons: DuplicateReason[];
  /** 1 is certain; pairs are listed highest first. */
  score: number;
}

export interface DuplicateSide {
  id: number;
  displayName: string;
  organisation: string | null;
  emails: string[];
  interactionCount: number;
}

export const mergeableFields = [
  'displayName',
  'givenName',
  'familyName',
  'organisation',
  'title',
  'howWeMet',
  'notes',
  'cadenceDays',
  'birthday',
  'location',
] as const;
export type MergeableField = (typeof mergeableFields)[number];

export const mergeInput = z.strictObject({
  keepId: id,
  removeId: id,
  /** Which side each field comes from; a field left out keeps the kept contact's value. */
  pick: z.partialRecord(z.enum(mergeableFields), z.enum(['keep', 'remove'])).default({}),
  /** Whose photo the kept contact has when both have one; the kept one's unless 'remove'. */
  photo: z.enum(['keep', 'remove']).default('keep'),
});

export const dismissInput = z.strictObject({ aId: id, bId: id });

export interface MergeResult {
  keptId: number;
  undoToken: number;
  moved: Record<string, number>;
}

export const dashboardInput = z.strictObject({
  /** The viewer's offset from UTC in minutes (east positive), so days are the user's days. */
  tzOffsetMinutes: z.number().int().min(-840).max(840).default(0),
});

export interface UpcomingBirthday {
  contactId: number;
  displayName: string;
  /** The day it falls on, in the user's calendar (`YYYY-MM-DD`). */
  date: string;
  /** 0 is today. */
  daysUntil: number;
  /** The age reached, when the year of birth is known. */
  turns: number | null;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

/** An important date of someone's (`Contact.importantDates`) coming round. */
export interface UpcomingImportantDate {
  contactId: number;
  displayName: string;
  /** As the user named it: "Work anniversary". */
  label: string;
  /** The day it falls on, in the user's calendar (`YYYY-MM-DD`). */
  date: string;
  /** 0 is today. */
  daysUntil: number;
  /** How many years it marks that day, when the year is known. */
  years: number | null;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

/** Someone's latest job change (recorded by a LinkedIn re-import or an edit): a reason to say hello. */
export interface RecentJobChange {
  /** The timeline entry that records it. */
  interactionId: number;
  contactId: number;
  displayName: string;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
  /** As the timeline says it: "Moved from Acme to Globex". */
  title: string;
  /** When it was recorded, UTC ISO. */
  at: string;
  /** Whether the user has been in touch with them since (an interaction, not a mention, up to now). */
  inTouchSince: boolean;
}

export const JOB_CHANGE_WINDOW_DAYS = 60;

/** Takes a job change off New jobs (and the morning reminder), or with `dismissed: false` puts it back. */
export const jobChangeDismissInput = z.strictObject({
  interactionId: z.number().int().positive(),
  dismissed: z.boolean().default(true),
});

export interface Dashboard {
  reconnect: ReconnectItem[];
  reconnectTotal: number;
  recent: InteractionSummary[];
  circles: Array<{ circle: Circle; count: number }>;
  uncategorised: number;
  /** The cities with the most active contacts (most first, at most `TOP_CITIES`), and how many have no location. */
  cities: Array<{ city: string; count: number }>;
  unlocated: number;
  /** One entry per day with activity in the last 365 days (local days). */
  activity: Array<{ date: string; count: number }>;
  activityFrom: string;
  activityTo: string;
  /** Birthdays in the next `BIRTHDAY_WINDOW_DAYS` days, today included, soonest first. */
  birthdays: UpcomingBirthday[];
  /** Important dates in the same days, soonest first. */
  importantDates: UpcomingImportantDate[];
  /** The last `JOB_CHANGE_WINDOW_DAYS` days' job changes, those not followed by a contact first. */
  jobChanges: RecentJobChange[];
  /** How many of all those job changes (not only the ones listed) are not yet followed by a contact. */
  jobChangesWaiting: number;
}

export const BIRTHDAY_WINDOW_DAYS = 30;
export const TOP_CITIES = 8;
