import type { Role } from '../contacts/jobChange';
import type { Circle, LinkKind } from '../contacts/schemas';

/** The file formats the contacts importer recognises. */
export const contactFormats = ['linkedin', 'google', 'outlook', 'csv', 'vcard'] as const;
export type ContactFormat = (typeof contactFormats)[number];

/** One person read from a file, before matching; `row` is the 1-based data row or card number. */
export interface IncomingContact {
  row: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  organisation: string | null;
  title: string | null;
  /** "City, region, country" from an address, the city first. */
  location: string | null;
  notes: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  emails: Array<{ email: string; label: string | null }>;
  phones: Array<{ phone: string; label: string | null }>;
  links: Array<{ kind: LinkKind; url: string }>;
  tags: string[];
  /** The user's own fields ("Team: Platform"), in file order, one per label (`labelKey`). */
  customFields: Array<{ label: string; value: string }>;
  /**
   * Yearly dates beside the birthday ("Anniversary: --06-14"), in file order, one per label
   * (`labelKey`), each date stored as `birthday` is.
   */
  importantDates: Array<{ label: string; date: string }>;
  photo: { mime: string; base64: string } | null;
  /** LinkedIn's "Connected On", `YYYY-MM-DD`. */
  connectedOn: string | null;
}

export const skipReasons = ['empty', 'no_name', 'duplicate_in_file', 'broken', 'too_long'] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  message: string;
}

export interface RowWarning {
  row: number;
  message: string;
}

/** Why a file was refused as a whole; nothing is written when this happens. */
export const fileErrorCodes = [
  'UNREADABLE',
  'UNKNOWN_FORMAT',
  'MISSING_COLUMNS',
  'ZIP',
  'TOO_LARGE',
  'PARSE',
] as const;
export type FileErrorCode = (typeof fileErrorCodes)[number];

export interface ParsedContacts {
  fileName: string;
  format: ContactFormat;
  /** The text encoding the file was read in (utf-8, utf-16le, windows-1252, ...). */
  encoding: string;
  contacts: IncomingContact[];
  skipped: SkippedRow[];
  warnings: RowWarning[];
}

/** How an incoming person was matched to a stored contact, strongest first. */
export const matchKinds = ['email', 'linkedin', 'phone', 'url', 'name_company', 'name'] as const;
export type MatchKind = (typeof matchKinds)[number];

export type ContactAction = 'create' | 'update' | 'skip';

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface PreviewItem {
  row: number;
  displayName: string;
  organisation: string | null;
  title: string | null;
  emails: string[];
  /** The stored contact this row matched, if any. */
  match: { contactId: number; displayName: string; by: MatchKind } | null;
  /** What commit does by default: exact matches update, weaker ones are only suggested. */
  action: ContactAction;
  /** The fields an update would change (empty for a new contact or a match with nothing new). */
  changes: FieldChange[];
  /** The organisation or title changed, recorded as a job change (LinkedIn's, or one taken). */
  jobChange: { from: string | null; to: string | null } | null;
  /**
   * A file other than LinkedIn's says another organisation or title than Rapport has: taken, as a job
   * change, only for the rows the commit names in `takeRoles` (the file may be older than what the user
   * knows).
   */
  roleInFile: { from: Role; to: Role } | null;
}

export interface ContactsPreview {
  /** Hands the parsed file to commit without sending it again. */
  previewId: string;
  fileName: string;
  sha256: string;
  format: ContactFormat;
  encoding: string;
  total: number;
  counts: { create: number; update: number; unchanged: number; review: number; skipped: number };
  items: PreviewItem[];
  skipped: SkippedRow[];
  warnings: RowWarning[];
}

export interface ContactDecision {
  row: number;
  action: ContactAction;
  /** Merge into this contact instead of the suggested one (or create when absent). */
  contactId?: number;
}

export interface ImportOutcome {
  importId: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  interactions: number;
}

export interface ImportRecord {
  id: number;
  kind: string;
  fileName: string;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  stats: Record<string, unknown>;
}

export interface UndoOutcome {
  importId: number;
  deletedContacts: number;
  restoredContacts: number;
  deletedInteractions: number;
}

/** `ics`: everyone's birthdays and important dates as a calendar of yearly events. */
export const exportFormats = ['vcard', 'csv', 'json', 'markdown', 'ics'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOutcome {
  format: ExportFormat;
  /** A file, or a folder for Markdown (one file per contact). */
  path: string;
  files: number;
  bytes: number;
  contacts: number;
}

export interface BackupInfo {
  name: string;
  path: string;
  /** UTC ISO time the backup was taken. */
  createdAt: string;
  reason: string;
  bytes: number;
}

export interface BackupsOverview {
  dir: string;
  backups: BackupInfo[];
  /** The sync service the data folder sits in (a risk for a live SQLite file), or null. */
  syncedFolder: string | null;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** The backup of the state just before the restore, so the restore itself can be undone. */
  safetyBackup: string | null;
}

export type ImportCircle = Circle;
