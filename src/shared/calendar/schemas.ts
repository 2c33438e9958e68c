import { z } from 'zod';
import { circleSchema } from '../contacts/schemas';
import { MAX_CALENDAR_FILES } from './calendarFiles';
import type { Peopleless } from './peopleless';
import type { CappedSeries, ImportError, OccurrenceKind, SkipReason, Skipped, Warning } from './types';

/** Largest file the bridge accepts, base64-encoded (about 256 MB of calendar). */
const MAX_BASE64 = 350_000_000;

const email = z.string().trim().max(320);

export const calendarFileInput = z.strictObject({
  name: z.string().min(1).max(500),
  /** The file's bytes, base64: .ics, or a .zip of them. */
  data: z.string().max(MAX_BASE64),
});

export const calendarPreviewInput = z.strictObject({
  files: z.array(calendarFileInput).min(1).max(MAX_CALENDAR_FILES),
  /** Occurrences after this instant are left out; defaults to now. */
  windowEnd: z.iso.datetime({ offset: true }).optional(),
  /** Occurrences before this instant are left out; by default the whole history is taken. */
  windowStart: z.iso.datetime({ offset: true }).optional(),
  /** Overrides the saved "my email addresses" for this preview (and the commit that follows). */
  selfEmails: z.array(email).max(100).optional(),
  /** Meetings larger than this do not propose new contacts. */
  maxMeetingSize: z.number().int().min(2).max(10_000).optional(),
  /**
   * Calendars to leave out, by their name in the preview's `files` (a zip's entry as
   * "export.zip/Holidays.ics"): a colleague's shared calendar, the public holidays.
   */
  skipFiles: z.array(z.string().max(1000)).max(500).optional(),
  /**
   * UIDs of recurring series to leave out (the preview's `series`): an all-hands, a team
   * stand-up. By default, those left out in earlier imports.
   */
  skipSeries: z.array(z.string().max(2000)).max(10_000).optional(),
  /**
   * Leave out the invitations the user never answered (neither accepted nor declined). By
   * default, as the last import chose.
   */
  skipUnanswered: z.boolean().optional(),
  /** Import again the meetings the user deleted in Rapport after an earlier import; by default they stay deleted. */
  bringBackDeleted: z.boolean().optional(),
});

export const calendarCommitInput = z.strictObject({
  previewId: z.string().min(1).max(100),
  /** Addresses of proposed new people to create as contacts; the others are left out. */
  createPeople: z.array(email).max(100_000),
  /**
   * Proposed new people who are contacts the user already has (the preview's `sameNameAs`):
   * each address is added to that contact instead of making a new one.
   */
  linkPeople: z
    .array(z.strictObject({ email, contactId: z.number().int().positive() }))
    .max(100_000)
    .optional(),
  /** Saved as "my email addresses" when given (the preview's suggestion, confirmed). */
  selfEmails: z.array(email).max(100).optional(),
  /**
   * The circle of the contacts it creates: one for all, null for none, or "by_domain" (colleague
   * for those at the user's work domain, the preview's `workDomains`). None when absent.
   */
  newPeopleCircle: z
    .union([circleSchema, z.literal('by_domain')])
    .nullable()
    .optional(),
  /** Leave the meetings imported before that are now cancelled or not attended (the preview's `withdrawn`). */
  keepWithdrawn: z.boolean().optional(),
  /** Remove the meetings imported before from the series left out (the preview's `seriesImported`). */
  removeLeftOutSeries: z.boolean().optional(),
  /** Remove the meetings imported before that the user never answered, now left out (the preview's `unanswered.imported`). */
  removeUnanswered: z.boolean().optional(),
  /** Remove the meetings imported before that the calendar no longer holds (the preview's `deleted`). */
  removeDeleted: z.boolean().optional(),
});

export const calendarUndoInput = z.strictObject({ importId: z.number().int().positive() });

export const calendarHistoryInput = z.strictObject({});

export interface PreviewPerson {
  email: string;
  /** The contact's name, or for a new person the name they would be created under. */
  name: string;
  contactId: number | null;
  /** Meetings (occurrences) this person is in. */
  meetings: number;
  /** Proposed before and dropped by the user then: offered again, unticked. */
  droppedBefore: boolean;
  /**
   * For a new person, the one contact the user has under the same name (case, accents and word
   * order aside): most likely the same person at another address, offered to add it to.
   */
  sameNameAs: { id: number; name: string } | null;
  /**
   * For a new person, whether the calendars give them the user's own name (two words or more,
   * as at the user's addresses): most likely another address of the user's, not proposed ticked.
   */
  looksLikeYou: boolean;
  /**
   * The latest meeting with them in the files (its title, and its start as stored), so that a
   * name the user does not place can be: "last: Interview – Staff PM, 12 Mar 2025".
   */
  lastMeeting: { title: string; startsAt: string };
}

export interface PreviewCalendar {
  name: string;
  /** The calendar's own name (X-WR-CALNAME), or '' when it has none or was left out. */
  calendar: string;
  events: number;
  occurrences: number;
  /** Occurrences that would be interactions (as counted before a meeting in two files is one). */
  meetings: number;
  /** Of those, the meetings the user organised or was invited to: few suggests someone else's calendar. */
  withMe: number;
  /** Left out by the user: not read. */
  skipped: boolean;
  /**
   * The name an earlier import stored this calendar's meetings under, when it differs (renamed
   * since, or an export without a name in a file named otherwise): they update in place.
   */
  importedAs: string | null;
  /** Its events name no one (an export with too little detail, most often): nothing to import from it. */
  peopleless: Peopleless | null;
}

/** A recurring series in the window: the user may leave it out of the import. */
export interface PreviewSeries {
  uid: string;
  /** The title of its latest meeting: titles change over the years. */
  title: string;
  /** Its meetings in the window (the ones it would import, or would have). */
  meetings: number;
  /** The most people in one of its meetings, the user included. */
  largest: number;
  /** The first and the latest start (UTC ISO-8601, or a day for all-day meetings). */
  from: string;
  to: string;
  leftOut: boolean;
  /** Left out in an earlier import: left out again unless the user ticks it. */
  leftOutBefore: boolean;
  /** Of a series left out, its meetings imported before (0 for a series taken). */
  importedBefore: number;
}

export interface CalendarPreview {
  previewId: string;
  /** Every calendar in the files, in their order, the ones left out (`skipFiles`) included. */
  files: PreviewCalendar[];
  events: number;
  occurrences: number;
  toCreate: number;
  toUpdate: number;
  /**
   * Of `toUpdate`, meetings of a recurring series the organiser moved as a whole (a new time or
   * day for all of them), split off, or deleted and created again (`pairRecreatedMeetings`):
   * each updates the meeting imported before instead of adding a second.
   */
  moved: number;
  /**
   * Of `moved`, meetings now under a new invitation (deleted and created again, or split off their
   * series under a new UID), each updating the one imported before.
   */
  recreated: number;
  /**
   * Of `toUpdate`, meetings the user changed in Rapport: the import updates only the parts they
   * left alone (their notes, kind, title, place, time, initiator and people stay theirs).
   */
  updatedYours: number;
  unchanged: number;
  matchedPeople: PreviewPerson[];
  /** Unknown people proposed as contacts, most meetings first; none from large meetings only. */
  newPeople: PreviewPerson[];
  topPeople: PreviewPerson[];
  /**
   * People the files name without an address (Outlook writes "invalid:nomail" for some, and an
   * Exchange export its internal addresses), whose name is neither a contact's with an address
   * nor given with an address in the files: left out of their meetings. Most meetings first, the
   * first 200. One whose name is either is that person, among `matchedPeople` or `newPeople`.
   */
  unaddressed: Array<{ name: string; meetings: number }>;
  /** The recurring series, most meetings first (the first 2,000, and every one left out). */
  series: PreviewSeries[];
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** The first skipped items with their reasons (the counts above are complete). */
  skipped: Skipped[];
  capped: CappedSeries[];
  approximate: { occurrences: number; zones: string[] };
  /**
   * Meetings in the window the user was invited to and never answered (their PARTSTAT still
   * NEEDS-ACTION): often an FYI or an optional all-hands. Left out or not; and of those left
   * out, the ones an earlier import brought in: `remove` go if the commit says
   * `removeUnanswered`, `keep` stay in any case, as the user changed or tagged them.
   */
  unanswered: { meetings: number; leftOut: boolean; imported: { remove: number; keep: number } };
  /**
   * Meetings of these files the user deleted in Rapport after an earlier import: left out (and
   * counted as skipped) unless `broughtBack`, as the preview was asked with `bringBackDeleted`.
   */
  deletedByYou: { meetings: number; broughtBack: boolean };
  /** What reading the files noted (lines repaired, lines left out), series cut at the cap aside: those are `capped`. */
  warnings: Warning[];
  range: { from: string | null; to: string | null };
  /**
   * Meetings imported before that the files now show cancelled, or that the user declined:
   * `remove` are taken back by the import; `keep` stay, as the user changed or tagged them.
   */
  withdrawn: { remove: number; keep: number };
  /**
   * Meetings imported before from the series left out: `remove` go if the commit says
   * `removeLeftOutSeries`; `keep` stay in any case, as the user changed or tagged them.
   */
  seriesImported: { remove: number; keep: number };
  /**
   * Meetings imported before from these calendars that the files no longer hold, from each
   * calendar's first meeting in them up to the window end: deleted in the calendar since. Not a
   * series moved as a whole (`moved`), nor what a file could not read. `remove` go if the commit
   * says `removeDeleted`; `keep` stay in any case, as the user changed or tagged them;
   * `first` are the earliest of those to remove, for the user to recognise.
   */
  deleted: { remove: number; keep: number; first: Array<{ title: string; startsAt: string }> };
  /** Meetings per UTC month over the range, months without any as 0. */
  perMonth: Array<{ month: string; meetings: number }>;
  /** The same meetings by the kind of interaction each becomes, most first. */
  perKind: Array<{ kind: OccurrenceKind; meetings: number }>;
  windowEnd: string;
  /** Null when the whole history is taken. */
  windowStart: string | null;
  maxMeetingSize: number;
  selfEmails: string[];
  /** True when no addresses were saved and `selfEmails` is a guess: the address in the most meetings. */
  selfEmailsSuggested: boolean;
}

export interface CalendarCommitResult {
  /** Null when nothing changed: re-importing the same file writes nothing. */
  importId: number | null;
  created: number;
  updated: number;
  unchanged: number;
  contactsCreated: number;
  /** Addresses added to contacts the user already had (`linkPeople`). */
  addressesAdded: number;
  /** Meetings imported before and taken back: cancelled or declined since. */
  withdrawn: number;
  /** Meetings imported before and removed with the series left out. */
  seriesRemoved: number;
  /** Meetings imported before and removed as the calendar no longer holds them. */
  deletedRemoved: number;
  /** Meetings imported before and removed as the user never answered them. */
  unansweredRemoved: number;
  nothingNew: boolean;
}

export interface CalendarImportRecord {
  id: number;
  fileName: string;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  created: number;
  updated: number;
  contactsCreated: number;
  addressesAdded: number;
  withdrawn: number;
  seriesRemoved: number;
  deletedRemoved: number;
  unansweredRemoved: number;
}

export interface CalendarUndoResult {
  importId: number;
  removed: number;
  restored: number;
  /** Meetings the import had taken back (cancelled or declined since, left out, deleted), put back. */
  reinstated: number;
  contactsRemoved: number;
  /** Addresses the import had added to contacts the user already had. */
  addressesRemoved: number;
}

export type { ImportError };
