import { migration001 } from './001_contacts';
import { migration002 } from './002_journal';
import { migration003 } from './003_calendar';
import { migration004 } from './004_strength';
import { migration005 } from './005_goals';
import { migration006 } from './006_interop';
import { migration007 } from './007_journal_extras';
import { migration008 } from './008_interactions_fts_prefixes';
import { migration009 } from './009_relationships';
import { migration010 } from './010_follow_ups';
import { migration011 } from './011_contact_location';
import { migration012 } from './012_saved_views';
import { migration013 } from './013_goal_cities';
import { migration014 } from './014_fts_hashsize';
import { migration015 } from './015_import_changes_deleted';
import { migration016 } from './016_interaction_user_edits';
import { migration017 } from './017_deleted_imports';
import { migration018 } from './018_saved_view_order';
import { migration019 } from './019_contact_photo_stamp';
import { migration020 } from './020_job_change_dismissals';
import { migration021 } from './021_previous_roles';
import { migration022 } from './022_previous_roles_backfill';
import { migration023 } from './023_contact_custom_fields';
import { migration024 } from './024_important_dates';
import type { Migration } from './types';

/** Every migration, in order. Statically imported so the main bundle carries them. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
  migration023,
  migration024,
];

export const latestVersion = migrations[migrations.length - 1].version;
