import type { UserEditablePart } from '../../shared/journal/schemas';
import { userEditedColumns } from '../db/migrations/016_interaction_user_edits';

/** The flags that mark a part of an imported interaction as the user's (migrations 002 and 016). */
export const userEditFlags = ['notes_edited', ...userEditedColumns] as const;
export type UserEditFlag = (typeof userEditFlags)[number];

/** Each flag's part, as the journal names it to the user. */
const partOfFlag: Record<UserEditFlag, UserEditablePart> = {
  notes_edited: 'notes',
  kind_edited: 'kind',
  title_edited: 'title',
  location_edited: 'location',
  time_edited: 'time',
  initiator_edited: 'initiator',
  people_edited: 'people',
};

/** The parts a row's flags mark as the user's, in the journal's order. */
export function changedParts(row: Record<UserEditFlag, number>): UserEditablePart[] {
  return userEditFlags.filter((flag) => row[flag] === 1).map((flag) => partOfFlag[flag]);
}

/** The columns of an interaction an edit can change, in the order a calendar import writes them. */
export const editableColumns = [
  'kind',
  'title',
  'notes',
  'location',
  'starts_at',
  'ends_at',
  'all_day',
  'duration_minutes',
  'initiated_by',
] as const;
export type EditableColumn = (typeof editableColumns)[number];

/**
 * The flag that makes each column the user's: the journal sets it when the column changes, a
 * calendar import and its undo leave a flagged column as it is. The four columns of the time go
 * together.
 */
export const flagOfColumn: Record<EditableColumn, UserEditFlag> = {
  kind: 'kind_edited',
  title: 'title_edited',
  notes: 'notes_edited',
  location: 'location_edited',
  starts_at: 'time_edited',
  ends_at: 'time_edited',
  all_day: 'time_edited',
  duration_minutes: 'time_edited',
  initiated_by: 'initiator_edited',
};

type EditableRow = Record<EditableColumn, unknown>;

interface ListedPerson {
  contact_id: number;
  role: string;
}

/** Who the entry lists, in any order; people @mentioned in the notes follow the notes. */
function listedKey(people: ListedPerson[]): string {
  return people
    .filter((p) => p.role !== 'mentioned')
    .map((p) => `${p.contact_id}:${p.role}`)
    .sort()
    .join(',');
}

/**
 * The parts of an imported entry this edit changes, as the flags to set. A flag is never
 * cleared: a part the user once made their own stays theirs, even if they later write the
 * calendar's value back, so the next import of that calendar leaves it alone.
 */
export function userEdits(
  before: EditableRow,
  after: EditableRow,
  peopleBefore: ListedPerson[],
  peopleAfter: ListedPerson[],
): Partial<Record<UserEditFlag, 1>> {
  const flags: Partial<Record<UserEditFlag, 1>> = {};
  for (const column of editableColumns) if (before[column] !== after[column]) flags[flagOfColumn[column]] = 1;
  if (listedKey(peopleBefore) !== listedKey(peopleAfter)) flags.people_edited = 1;
  return flags;
}
