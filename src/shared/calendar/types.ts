/** Why a calendar file was rejected as a whole; nothing is written when this happens. */
export const importErrorCodes = [
  'UNREADABLE',
  'NOT_ICALENDAR',
  'PARSE',
  'TOO_LARGE',
  'TOO_DEEP',
  'TIMEOUT',
  'MEMORY',
  'ZIP',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export interface ImportError {
  code: ImportErrorCode;
  message: string;
  /** 1-based physical line in the file, when the failure has one. */
  line?: number;
}

/** Why an event or an instance did not become an interaction. */
export const skipReasons = [
  'cancelled',
  'absence',
  'declined',
  'copied',
  'broken',
  'duplicate',
  'future',
  'unbounded',
  'excluded',
  'no_people',
  'earlier',
  'other_calendar',
  'series_left_out',
  'unanswered',
  'deleted_by_you',
] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface Skipped {
  reason: SkipReason;
  uid: string | null;
  title: string;
  message: string;
  line?: number;
}

export interface Warning {
  message: string;
  uid?: string;
  line?: number;
}

export type ParticipantRole = 'organizer' | 'attendee';

export interface OccurrencePerson {
  /** '' for someone the file names without an address (Outlook's "invalid:nomail"): known by `name` alone. */
  email: string;
  name: string | null;
  role: ParticipantRole;
  /** PARTSTAT, lower case (accepted, tentative, needs-action, ...), or null when absent. */
  response: string | null;
}

export type OccurrenceKind = 'video' | 'meeting' | 'call' | 'coffee';

/** One meeting as it happened: a single event, or one instance of a recurring series. */
export interface Occurrence {
  /** Stable identity: calendar, UID and RECURRENCE-ID (or instance start). */
  key: string;
  uid: string;
  title: string;
  notes: string;
  location: string | null;
  /** UTC ISO-8601, or `YYYY-MM-DD` when allDay. */
  startsAt: string;
  /** UTC ISO-8601, or the last day (inclusive) `YYYY-MM-DD` when allDay; null when unknown. */
  endsAt: string | null;
  allDay: boolean;
  durationMinutes: number | null;
  kind: OccurrenceKind;
  /** The time zone could not be resolved exactly; the time may be off by the zone difference. */
  approximate: boolean;
  organizer: string | null;
  /**
   * Attendees who declined or delegated, or were only copied for information; they are not in
   * `people`. The user among them means "skip".
   */
  declinedBy: string[];
  /** Of `declinedBy`, those who delegated (handed the invitation to someone else); absent when none did. */
  delegatedBy?: string[];
  /** Of `declinedBy`, those only copied for information (`ROLE=NON-PARTICIPANT`); absent when none were. */
  copiedBy?: string[];
  people: OccurrencePerson[];
  sequence: number;
  /** LAST-MODIFIED (or DTSTAMP) as UTC ISO, used to decide whether a later export is newer. */
  modifiedAt: string | null;
}

export interface CappedSeries {
  uid: string;
  title: string;
  limit: number;
}

/** Everything the parser learned from one file. Pure data: it crosses the worker boundary. */
export interface ParsedCalendar {
  fileName: string;
  calendar: string;
  /** VEVENT components read (masters and overrides). */
  events: number;
  occurrences: Occurrence[];
  skipped: Skipped[];
  warnings: Warning[];
  capped: CappedSeries[];
  /** Time zone names that were not recognised and fell back to another zone. */
  approximateZones: string[];
  /** Organiser addresses by how many events they organised, most first. */
  organizers: Array<{ email: string; count: number }>;
  /**
   * Keys of the single events and instances the file shows cancelled (or declined by the user):
   * an earlier import of one of them is a meeting that did not take place. A whole series
   * cancelled is not among them: its past instances may well have happened.
   */
  withdrawn: string[];
}
