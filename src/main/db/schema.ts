import type { Generated } from 'kysely';
import type { RelationshipKind } from '../../shared/relationships/kinds';

/**
 * Kysely's view of the SQLite file. Booleans are 0/1 here; repositories convert them.
 * Timestamps are UTC ISO-8601 strings; all-day dates are `YYYY-MM-DD`.
 */

export interface ContactsTable {
  id: Generated<number>;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  organisation: string | null;
  title: string | null;
  how_we_met: string | null;
  notes: string | null;
  cadence_days: number | null;
  archived: Generated<number>;
  snoozed_until: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (vCard). */
  birthday: string | null;
  /** Free text ("Berlin, Germany"); the part before the first comma is the city. */
  location: string | null;
  /** Kept by triggers: the contact's custom field values, one per line, for the full-text index. */
  custom_field_values: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface ContactCirclesTable {
  contact_id: number;
  circle: string;
}

export interface ContactEmailsTable {
  id: Generated<number>;
  contact_id: number;
  email: string;
  label: string | null;
  position: number;
}

export interface ContactPhonesTable {
  id: Generated<number>;
  contact_id: number;
  phone: string;
  normalized: string;
  label: string | null;
  position: number;
}

export interface ContactCustomFieldsTable {
  id: Generated<number>;
  contact_id: number;
  label: string;
  value: string;
  position: number;
}

export interface ContactImportantDatesTable {
  id: Generated<number>;
  contact_id: number;
  label: string;
  /** `YYYY-MM-DD`, or `--MM-DD` without the year. */
  date: string;
  position: number;
}

export interface ContactLinksTable {
  id: Generated<number>;
  contact_id: number;
  kind: string;
  url: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
}

export interface ContactTagsTable {
  contact_id: number;
  tag_id: number;
}

export interface RelationshipsTable {
  id: Generated<number>;
  from_contact_id: number;
  to_contact_id: number;
  kind: RelationshipKind;
  note: Generated<string>;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SelfEmailsTable {
  email: string;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  stats: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

export interface InteractionsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  notes: string;
  location: string | null;
  starts_at: string;
  ends_at: string | null;
  all_day: Generated<number>;
  duration_minutes: number | null;
  initiated_by: Generated<string>;
  source: Generated<string>;
  import_id: number | null;
  source_key: string | null;
  source_hash: string | null;
  approximate_time: Generated<number>;
  notes_edited: Generated<number>;
  kind_edited: Generated<number>;
  title_edited: Generated<number>;
  location_edited: Generated<number>;
  time_edited: Generated<number>;
  initiator_edited: Generated<number>;
  people_edited: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InteractionParticipantsTable {
  interaction_id: number;
  contact_id: number;
  role: Generated<string>;
  response: string | null;
  starts_at: string;
}

export interface InteractionTagsTable {
  interaction_id: number;
  tag_id: number;
}

export interface ContactPhotosTable {
  contact_id: number;
  mime: string;
  data: Buffer;
  /** ISO-8601 when set; '' for photos stored before migration 019. */
  updated_at: Generated<string>;
}

export interface ContactImportChangesTable {
  import_id: number;
  contact_id: number;
  action: 'created' | 'updated';
  /** The contact as it was before an update (JSON), so undo can put it back. */
  before: string | null;
}

export interface StrengthPinsTable {
  contact_id: number;
  layer: string;
  pinned_at: string;
}

export interface GraphPositionsTable {
  contact_id: number;
  x: number;
  y: number;
  updated_at: string;
}

export interface StrengthDirtyTable {
  interaction_id: number;
}

export interface ImportChangesTable {
  import_id: number;
  entity: 'interaction' | 'contact';
  entity_id: number;
  action: 'created' | 'updated' | 'deleted';
  before: string | null;
}

export interface FollowUpsTable {
  id: Generated<number>;
  contact_id: number;
  text: string;
  /** A local calendar day, `YYYY-MM-DD`. */
  due_on: string | null;
  done_at: string | null;
  created_at: string;
}

export interface Database {
  contact_photos: ContactPhotosTable;
  contact_import_changes: ContactImportChangesTable;
  contacts: ContactsTable;
  contact_circles: ContactCirclesTable;
  contact_emails: ContactEmailsTable;
  contact_phones: ContactPhonesTable;
  contact_links: ContactLinksTable;
  contact_custom_fields: ContactCustomFieldsTable;
  contact_important_dates: ContactImportantDatesTable;
  tags: TagsTable;
  contact_tags: ContactTagsTable;
  relationships: RelationshipsTable;
  follow_ups: FollowUpsTable;
  settings: SettingsTable;
  self_emails: SelfEmailsTable;
  imports: ImportsTable;
  import_changes: ImportChangesTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  interaction_tags: InteractionTagsTable;
  goals: GoalsTable;
  goal_contacts: GoalContactsTable;
  goal_milestones: GoalMilestonesTable;
  goal_checkins: GoalCheckinsTable;
  strength_pins: StrengthPinsTable;
  graph_positions: GraphPositionsTable;
  strength_dirty: StrengthDirtyTable;
  undo_snapshots: UndoSnapshotsTable;
  keep_in_touch_off: KeepInTouchOffTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  saved_views: SavedViewsTable;
  deleted_imports: DeletedImportsTable;
  job_change_dismissals: JobChangeDismissalsTable;
  previous_roles: PreviousRolesTable;
}

/** A job change (a `job_change` interaction) the user dismissed from New jobs. */
export interface JobChangeDismissalsTable {
  interaction_id: number;
  dismissed_at: string;
}

/** The role someone held until the job change (a `job_change` interaction) that ended it. */
export interface PreviousRolesTable {
  interaction_id: number;
  organisation: string | null;
  title: string | null;
}

/** An imported interaction the user deleted, by its import key, so no import brings it back. */
export interface DeletedImportsTable {
  source_key: string;
  /** For a calendar's meeting, its `meetingId` (UID and start), to know it in another calendar. */
  meeting: string | null;
  deleted_at: string;
}

export interface SavedViewsTable {
  id: Generated<number>;
  name: string;
  /** The contacts list's address query (`shared/contacts/listState.ts`). */
  params: string;
  created_at: string;
  /** Where the user put the view among the others, from 0; a new one goes last. */
  position: Generated<number>;
}

export interface UndoSnapshotsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  created_at: string;
}

export interface KeepInTouchOffTable {
  contact_id: number;
}

export interface DuplicateDismissalsTable {
  low_id: number;
  high_id: number;
}

export interface GoalsTable {
  id: Generated<number>;
  title: string;
  why: string;
  start_date: string;
  due_date: string | null;
  status: string;
  measure: string;
  target: number | null;
  period: string;
  people_source: string;
  target_layer: string | null;
  filter_kinds: string;
  filter_circles: string;
  filter_tags: string;
  filter_organisations: string;
  /** JSON array of cities (a location's part before its first comma). */
  filter_cities: string;
  filter_mode: string;
  template: string | null;
  created_at: string;
  updated_at: string;
}

export interface GoalContactsTable {
  id: Generated<number>;
  goal_id: number;
  contact_id: number;
}

export interface GoalMilestonesTable {
  id: Generated<number>;
  goal_id: number;
  position: number;
  title: string;
  contact_id: number | null;
  kinds: string;
  keyword: string | null;
  done_at: string | null;
  created_at: string;
}

export interface GoalCheckinsTable {
  id: Generated<number>;
  goal_id: number;
  occurred_on: string;
  amount: number;
  note: string;
  created_at: string;
}
