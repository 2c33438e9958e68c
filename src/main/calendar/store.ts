import type BetterSqlite3 from 'better-sqlite3';
import type { CalendarImportRecord, CalendarUndoResult } from '../../shared/calendar/schemas';
import type { Circle } from '../../shared/contacts/schemas';
import { AppError } from '../../shared/ipc/envelope';
import { withBulkFts, withBulkTriggers } from '../db/liftedTriggers';
import { AddressBook } from './addressBook';
import { withRollbackJournal } from '../db/rollbackJournal';
import { addByName, sameContact, type ContactsByName, type NamedContact } from './byName';
import type { ExistingState, ImportPlan, PlannedInteraction } from './plan';
import type { StoredMeeting } from './vanished';
import { meetingId, sourceOrigin } from './sameMeeting';
import { editableColumns, flagOfColumn, userEditFlags, type UserEditFlag } from '../journal/userEdits';

type Db = BetterSqlite3.Database;

/** Kind, title, notes, location, start, end, all day, duration and initiator: `editableColumns`, in order. */
type OccurrenceColumns = readonly [
  string,
  string,
  string,
  string | null,
  string,
  string | null,
  number,
  number | null,
  string,
];

/** The columns an occurrence sets, in the order both the insert and the update list them first. */
function occurrenceColumns({ occurrence: o, initiatedBy }: PlannedInteraction): OccurrenceColumns {
  return [
    o.kind,
    o.title,
    o.notes,
    o.location,
    o.startsAt,
    o.endsAt,
    o.allDay ? 1 : 0,
    o.durationMinutes,
    initiatedBy,
  ];
}

/** An occurrence's columns for a stored interaction, with each part the user changed in Rapport as they left it. */
function keepingUserEdits(
  columns: OccurrenceColumns,
  stored: Omit<Snapshot, 'participants'>,
  edits: Record<UserEditFlag, number>,
): OccurrenceColumns {
  return editableColumns.map((column, i) =>
    edits[flagOfColumn[column]] === 1 ? stored[column] : columns[i],
  ) as unknown as OccurrenceColumns;
}

/** SQL: every flag clear, the interaction as the import left it. */
const NOT_EDITED = userEditFlags.map((flag) => `${flag} = 0`).join(' AND ');

export function loadExisting(sqlite: Db): ExistingState {
  const contactByEmail = new AddressBook<{ id: number; name: string }>();
  const rows = sqlite
    .prepare(
      `SELECT e.email AS email, c.id AS id, c.display_name AS name
       FROM contact_emails e JOIN contacts c ON c.id = e.contact_id`,
    )
    .all() as Array<{ email: string; id: number; name: string }>;
  for (const row of rows) contactByEmail.set(row.email, { id: row.id, name: row.name });
  const interactions: ExistingState['interactions'] = new Map();
  const byMeeting: ExistingState['byMeeting'] = new Map();
  const stored = sqlite
    .prepare(
      `SELECT id, source_key, source_hash, starts_at FROM interactions
       WHERE source = 'ics' AND source_key IS NOT NULL`,
    )
    .all() as Array<{
    id: number;
    source_key: string;
    source_hash: string | null;
    starts_at: string;
  }>;
  for (const row of stored) {
    const interaction = {
      id: row.id,
      sourceHash: row.source_hash,
      startsAt: row.starts_at,
    };
    interactions.set(row.source_key, interaction);
    const origin = sourceOrigin(row.source_key);
    if (origin) {
      byMeeting.set(meetingId(origin.uid, row.starts_at), { ...interaction, ...origin });
    }
  }
  const deletedByUser = new Set<string>();
  const deletedMeetings = new Set<string>();
  for (const row of sqlite
    .prepare(
      `SELECT source_key, meeting FROM deleted_imports d
       WHERE NOT EXISTS (SELECT 1 FROM interactions i WHERE i.source_key = d.source_key)`,
    )
    .all() as Array<{ source_key: string; meeting: string | null }>) {
    deletedByUser.add(row.source_key);
    // Held again by an interaction from another calendar: that one is the meeting now.
    if (row.meeting !== null && !byMeeting.has(row.meeting)) deletedMeetings.add(row.meeting);
  }
  return {
    contactByEmail,
    contactsByName: loadContactsByName(sqlite),
    interactions,
    byMeeting,
    deletedByUser,
    deletedMeetings,
    removedFromCalendars: removedFromCalendars(sqlite),
    renamedBefore: renamedBefore(sqlite),
    storedMeetings: (ids) => storedMeetings(sqlite, ids),
  };
}

/** The title and contacts of these interactions (`ExistingState.storedMeetings`). */
function storedMeetings(sqlite: Db, ids: readonly number[]): Map<number, StoredMeeting> {
  const meetings = new Map<number, { title: string; contacts: number[] }>();
  if (ids.length === 0) return meetings;
  const list = JSON.stringify(ids);
  const titles = sqlite
    .prepare(`SELECT id, title FROM interactions WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(list) as Array<[number, string]>;
  for (const [id, title] of titles) meetings.set(id, { title, contacts: [] });
  const participants = sqlite
    .prepare(
      `SELECT interaction_id, contact_id FROM interaction_participants
       WHERE interaction_id IN (SELECT value FROM json_each(?)) AND role != 'mentioned'`,
    )
    .raw()
    .all(list) as Array<[number, number]>;
  for (const [id, contactId] of participants) meetings.get(id)?.contacts.push(contactId);
  return meetings;
}

/** What imports not undone took calendars for (`ExistingState.renamedBefore`): their stats say. */
function renamedBefore(sqlite: Db): Map<string, string> {
  const taken = sqlite
    .prepare(
      `SELECT json_extract(stats, '$.renamed') FROM imports
       WHERE kind = 'ics' AND undone_at IS NULL AND json_extract(stats, '$.renamed') IS NOT NULL
       ORDER BY id`,
    )
    .pluck()
    .all() as string[];
  const renamed = new Map<string, string>();
  for (const json of taken) {
    for (const [calendar, storedAs] of Object.entries(JSON.parse(json) as Record<string, unknown>)) {
      if (typeof storedAs === 'string') renamed.set(calendar, storedAs);
    }
  }
  return renamed;
}

/** Calendars imported meetings were removed from (`ExistingState.removedFromCalendars`). */
function removedFromCalendars(sqlite: Db): Set<string> {
  const gone = sqlite
    .prepare(
      `SELECT json_extract(before, '$.row.source_key') FROM import_changes
       WHERE entity = 'interaction' AND action = 'deleted'
       UNION SELECT source_key FROM deleted_imports`,
    )
    .pluck()
    .all() as Array<string | null>;
  const calendars = new Set<string>();
  for (const key of gone) {
    const calendar = key === null ? undefined : sourceOrigin(key)?.calendar;
    if (calendar !== undefined) calendars.add(calendar);
  }
  return calendars;
}

/** Every contact not archived, by name key, so a person from a calendar can be matched by name. */
function loadContactsByName(sqlite: Db): ContactsByName {
  const byName: ContactsByName = new Map();
  const rows = sqlite
    .prepare(
      `SELECT id, display_name AS name,
         (SELECT email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY position, id LIMIT 1) AS email
       FROM contacts c WHERE archived = 0`,
    )
    .all() as NamedContact[];
  for (const row of rows) addByName(byName, row.name, row, sameContact);
  return byName;
}

/**
 * Changes whenever the database may have changed: a commit by another connection moves
 * `data_version`, one by this connection moves `total_changes()`.
 */
export function storeVersion(sqlite: Db): string {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${changes}`;
}

/**
 * Of the given imported interactions, those the user has not made their own: nothing changed
 * in Rapport (notes, kind, title, place, time, initiator, people), no tags. Only these are taken
 * back when the calendar shows them cancelled, or removed with a series the user leaves out.
 */
export function untouchedInteractions(sqlite: Db, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT id FROM interactions i WHERE id IN (SELECT value FROM json_each(?)) AND ${NOT_EDITED}
         AND NOT EXISTS (SELECT 1 FROM interaction_tags t WHERE t.interaction_id = i.id) ORDER BY id`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

/** How many of the given interactions the user changed in Rapport (an update keeps those parts). */
export function countUserEdited(sqlite: Db, ids: number[]): number {
  if (ids.length === 0) return 0;
  return sqlite
    .prepare(
      `SELECT count(*) FROM interactions WHERE id IN (SELECT value FROM json_each(?)) AND NOT (${NOT_EDITED})`,
    )
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** How many meetings the preview names of those an import would remove. */
const NAMED_MEETINGS = 5;

/** The earliest of these interactions, by title and start, for the preview to name. */
export function firstMeetings(sqlite: Db, ids: number[]): Array<{ title: string; startsAt: string }> {
  if (ids.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT title, starts_at AS startsAt FROM interactions WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY starts_at, id LIMIT ${NAMED_MEETINGS}`,
    )
    .all(JSON.stringify(ids)) as Array<{ title: string; startsAt: string }>;
}

/**
 * The columns of an interaction a withdrawn one is kept by in import_changes, for undo to put
 * back. The edit flags of migration 016 are not among them: only interactions the user left
 * alone are withdrawn, so theirs are all 0, the columns' default; snapshots kept before it lack
 * them, and undo must still read those.
 */
const INTERACTION_COLUMNS = [
  'id',
  ...editableColumns,
  'source',
  'import_id',
  'source_key',
  'source_hash',
  'approximate_time',
  'notes_edited',
  'created_at',
  'updated_at',
] as const;

/** An interaction an import took back, whole: its row and who took part. */
interface WithdrawnSnapshot {
  row: Record<(typeof INTERACTION_COLUMNS)[number], unknown>;
  participants: Array<[number, string, string | null, string]>;
}

export interface NewPerson {
  email: string;
  name: string;
  circle: Circle | null;
}

/** A new person's address, added to a contact the user already has. */
export interface LinkedPerson {
  email: string;
  contactId: number;
}

/** What undo needs of a contact an import added addresses to (import_changes' `before`). */
interface AddedAddresses {
  addedEmails: string[];
  /** The contact's `updated_at` before, and the one the import gave it (absent in older records). */
  updatedAt?: { before: string; set: string };
}

export interface WriteInput {
  fileName: string;
  sha256: string;
  now: string;
  plan: ImportPlan;
  newPeople: NewPerson[];
  linkedPeople: LinkedPerson[];
  /** Imported interactions to take back (the plan's `withdrawn` the user let go); touched ones stay. */
  withdraw: number[];
  /** Interactions imported before from series the user now leaves out, to remove; touched ones stay. */
  takeOut: number[];
  /** Interactions imported before that the calendar no longer holds, to remove; touched ones stay. */
  deleted: number[];
  /** Interactions imported before that the user never answered, now left out, to remove; touched ones stay. */
  unanswered: number[];
  stats: Record<string, unknown>;
  progress(done: number, total: number): void;
}

export interface WriteResult {
  importId: number;
  contactsCreated: number;
  addressesAdded: number;
  /**
   * Interactions taken back: cancelled since they were imported, or the user was not there (declined,
   * delegated, only copied) or it was an out-of-office notice.
   */
  withdrawn: number;
  /** Interactions removed as their series is left out now. */
  seriesRemoved: number;
  /** Interactions removed as the calendar no longer holds them. */
  deletedRemoved: number;
  /** Interactions removed as the user never answered them and now leaves them out. */
  unansweredRemoved: number;
}

/** A participant row as an update compares and records it: contact, role, response. */
type ParticipantRow = [number, string, string | null];

/** Whether two meetings' participant rows are the same, in any order. */
function sameParticipants(a: ParticipantRow[], b: ParticipantRow[]): boolean {
  if (a.length !== b.length) return false;
  const key = (rows: ParticipantRow[]) =>
    rows
      .map((r) => r.join('\u001f'))
      .sort()
      .join('\u001e');
  return key(a) === key(b);
}

interface Snapshot {
  kind: string;
  title: string;
  notes: string;
  location: string | null;
  starts_at: string;
  ends_at: string | null;
  all_day: number;
  duration_minutes: number | null;
  initiated_by: string;
  approximate_time: number;
  source_hash: string | null;
  /** Absent in what imports before the moved-series pairing recorded. */
  source_key?: string;
  participants: ParticipantRow[];
}

/**
 * Runs `write` with the secondary indexes of `table` dropped, then builds them again (one sort
 * each) from their stored definitions, inside the caller's transaction. Rows go in newest
 * meeting first, so the (contact, start) indexes of participants take each row at a random
 * place: at 100,000 events (730,000 rows) that costs three times the rows themselves, where
 * building the index afterwards costs a fraction; the interactions' indexes gain less, but
 * still gain. Only when the write adds at least as many rows as the table holds (rebuilding a
 * large index for a small import would cost more) and deletes none: the last-contact delete
 * trigger looks participants up by contact, which without the index is a scan. Unique
 * constraints keep their indexes, so they are checked row by row as ever.
 */
function withBulkIndexes<T>(
  sqlite: Db,
  table: 'interactions' | 'interaction_participants',
  newRows: number,
  write: () => T,
): T {
  if (newRows === 0) return write();
  const existing = sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (newRows < existing) return write();
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all(table) as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  const result = write();
  for (const index of indexes) sqlite.exec(index.sql);
  return result;
}

/**
 * Rows inserted many per statement: a 20,000-event import writes about 29,000 interactions and
 * 115,000 participants, and one statement per row spends more in the statement call than in
 * SQLite. Rows queued in `before` (the rows these refer to) are always written first, so foreign
 * keys and triggers see the order of a row-by-row write. Plain INSERT for participants
 * (duplicates are removed before): OR IGNORE doubles the cost of every row because it carries
 * into the journal's and the strength cache's triggers.
 */
class RowBatch {
  private readonly statements = new Map<number, BetterSqlite3.Statement>();
  private values: unknown[] = [];

  constructor(
    private readonly sqlite: Db,
    /** `INSERT INTO table (columns) VALUES`, completed with one group per row. */
    private readonly insert: string,
    /** One row's placeholders, such as `(?, ?, 'ics')`; `width` of them are `?`. */
    private readonly row: string,
    private readonly width: number,
    private readonly rowsPerStatement: number,
    private readonly before?: RowBatch,
  ) {}

  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    if (this.values.length === this.rowsPerStatement * this.width) this.flush();
  }

  flush(): void {
    this.before?.flush();
    const rows = this.values.length / this.width;
    if (rows === 0) return;
    let statement = this.statements.get(rows);
    if (!statement) {
      statement = this.sqlite.prepare(
        `${this.insert} ${Array.from({ length: rows }, () => this.row).join(', ')}`,
      );
      this.statements.set(rows, statement);
    }
    statement.run(...this.values);
    this.values = [];
  }
}

/**
 * Writes a planned import in one transaction with prepared statements (the hot path of a
 * 20,000-event import), recording what it created and the prior state of what it updated.
 */
export function writeImport(sqlite: Db, input: WriteInput): WriteResult {
  const insertImport = sqlite.prepare(
    `INSERT INTO imports (kind, file_name, sha256, stats, started_at) VALUES ('ics', ?, ?, '{}', ?)`,
  );
  const finishImport = sqlite.prepare(`UPDATE imports SET stats = ?, finished_at = ? WHERE id = ?`);
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)`,
  );
  const insertEmail = sqlite.prepare(
    `INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, 0)`,
  );
  const insertCircle = sqlite.prepare(`INSERT INTO contact_circles (contact_id, circle) VALUES (?, ?)`);
  const appendEmail = sqlite.prepare(
    `INSERT INTO contact_emails (contact_id, email, position)
     SELECT @contactId, @email, coalesce(max(position) + 1, 0) FROM contact_emails WHERE contact_id = @contactId`,
  );
  const contactExists = sqlite.prepare(`SELECT 1 FROM contacts WHERE id = ?`).pluck();
  const contactUpdatedAt = sqlite.prepare(`SELECT updated_at FROM contacts WHERE id = ?`).pluck();
  const touchContact = sqlite.prepare(`UPDATE contacts SET updated_at = ? WHERE id = ?`);
  const record = sqlite.prepare(
    `INSERT INTO import_changes (import_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?)`,
  );
  // Ids are given, not taken from each insert, so interactions can go in many per statement.
  const insertedInteractions = new RowBatch(
    sqlite,
    `INSERT INTO interactions (id, kind, title, notes, location, starts_at, ends_at, all_day, duration_minutes,
       initiated_by, source, import_id, source_key, source_hash, approximate_time, created_at, updated_at)
     VALUES`,
    `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ics', ?, ?, ?, ?, ?, ?)`,
    16,
    50,
  );
  const participantRows = new RowBatch(
    sqlite,
    `INSERT INTO interaction_participants (interaction_id, contact_id, role, response, starts_at) VALUES`,
    `(?, ?, ?, ?, ?)`,
    5,
    100,
    insertedInteractions,
  );
  const updateInteraction = sqlite.prepare(
    `UPDATE interactions SET kind = ?, title = ?, notes = ?, location = ?, starts_at = ?, ends_at = ?,
       all_day = ?, duration_minutes = ?, initiated_by = ?, source_hash = ?, approximate_time = ?, updated_at = ?
     WHERE id = ?`,
  );
  // Title, notes and location left as they are, so the search index is not rewritten for nothing.
  const updateKeepingText = sqlite.prepare(
    `UPDATE interactions SET kind = ?, starts_at = ?, ends_at = ?, all_day = ?, duration_minutes = ?,
       initiated_by = ?, source_hash = ?, approximate_time = ?, updated_at = ?
     WHERE id = ?`,
  );
  const selectRow = sqlite.prepare(
    `SELECT kind, title, notes, location, starts_at, ends_at, all_day, duration_minutes, initiated_by,
       approximate_time, source_hash, source_key FROM interactions WHERE id = ?`,
  );
  const selectEdits = sqlite.prepare(`SELECT ${userEditFlags.join(', ')} FROM interactions WHERE id = ?`);
  const rekey = sqlite.prepare(`UPDATE interactions SET source_key = ? WHERE id = ?`);
  const selectParticipants = sqlite.prepare(
    `SELECT contact_id, role, response FROM interaction_participants WHERE interaction_id = ?`,
  );
  const deleteParticipants = sqlite.prepare(`DELETE FROM interaction_participants WHERE interaction_id = ?`);
  const selectEmail = sqlite.prepare(`SELECT contact_id FROM contact_emails WHERE email = ?`).pluck();

  if (input.plan.interactions.some((p) => p.action !== 'unchanged' && p.sourceHash === null)) {
    throw new Error('writeImport needs a plan made for writing, not a preview plan.');
  }
  const creates = input.plan.interactions.filter((p) => p.action === 'create');
  const onlyCreates =
    input.withdraw.length + input.takeOut.length + input.deleted.length === 0 &&
    creates.length === input.plan.interactions.filter((p) => p.action !== 'unchanged').length;
  const newParticipants = creates.reduce((n, p) => n + p.participants.length, 0);
  const run = sqlite.transaction((): WriteResult =>
    withBulkIndexes(sqlite, 'interaction_participants', onlyCreates ? newParticipants : 0, () =>
      withBulkIndexes(sqlite, 'interactions', onlyCreates ? creates.length : 0, () =>
        withBulkFts(sqlite, () =>
          withBulkTriggers(sqlite, (lifted) => {
            const { now, plan } = input;
            const importId = Number(insertImport.run(input.fileName, input.sha256, now).lastInsertRowid);
            let nextId =
              (sqlite.prepare(`SELECT coalesce(max(id), 0) FROM interactions`).pluck().get() as number) + 1;
            const contactIds = new AddressBook<{ id: number }>();
            for (const row of sqlite.prepare(`SELECT email, contact_id FROM contact_emails`).all() as Array<{
              email: string;
              contact_id: number;
            }>) {
              contactIds.set(row.email, { id: row.contact_id });
            }
            let contactsCreated = 0;
            for (const person of input.newPeople) {
              if (contactIds.has(person.email) || selectEmail.get(person.email) !== undefined) continue;
              const id = Number(insertContact.run(person.name, now, now).lastInsertRowid);
              insertEmail.run(id, person.email);
              if (person.circle !== null) insertCircle.run(id, person.circle);
              record.run(importId, 'contact', id, 'created', null);
              contactIds.set(person.email, { id });
              contactsCreated++;
            }
            const added = new Map<number, string[]>();
            for (const { email, contactId } of input.linkedPeople) {
              if (contactIds.has(email)) continue;
              if (contactExists.get(contactId) === undefined) {
                throw new AppError('NOT_FOUND', `There is no contact #${contactId} to add ${email} to.`);
              }
              appendEmail.run({ contactId, email });
              contactIds.set(email, { id: contactId });
              added.set(contactId, [...(added.get(contactId) ?? []), email]);
            }
            for (const [contactId, addedEmails] of added) {
              // A new address is a change to the contact: "recently updated" lists them.
              const before: AddedAddresses = {
                addedEmails,
                updatedAt: { before: contactUpdatedAt.get(contactId) as string, set: now },
              };
              touchContact.run(now, contactId);
              record.run(importId, 'contact', contactId, 'updated', JSON.stringify(before));
            }
            const addressesAdded = [...added.values()].reduce((n, e) => n + e.length, 0);
            // In key order: the unique index on source_key then takes each new key at its end, where
            // keys in file or time order (random, as calendar UIDs are) land all over it and cost
            // about as much again as the rows themselves.
            const work = plan.interactions
              .filter((p) => p.action !== 'unchanged')
              .sort((a, b) => (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0));
            const total = work.length;
            const step = Math.max(1, Math.floor(total / 100));
            /**
             * Adds a row for each contact taking part, once (one may have two of the addresses in a
             * meeting); with `listInto`, lists the rows there instead. One loop for both, without an
             * array or a callback per participant: either raised a 20,000-event import's peak
             * memory by 15 to 25 MB.
             */
            const addParticipants = (id: number, p: PlannedInteraction, listInto?: ParticipantRow[]) => {
              const added = new Set<number>();
              for (const person of p.participants) {
                const contactId = contactIds.get(person.email)?.id;
                if (contactId === undefined || added.has(contactId)) continue;
                added.add(contactId);
                if (listInto) listInto.push([contactId, person.role, person.response]);
                else {
                  participantRows.add(id, contactId, person.role, person.response, p.occurrence.startsAt);
                  lifted.participant(id, contactId, person.role, p.occurrence.startsAt);
                }
              }
            };
            /**
             * Who takes part in a stored meeting after this import: the calendar's people and those
             * the user @mentioned in their notes; or, once the user has said who was there, theirs.
             */
            const participantsAfter = (
              id: number,
              p: PlannedInteraction,
              stored: ParticipantRow[],
              usersOwn: boolean,
            ): ParticipantRow[] => {
              if (usersOwn) return stored;
              const rows: ParticipantRow[] = [];
              addParticipants(id, p, rows);
              const listed = new Set(rows.map(([contactId]) => contactId));
              for (const row of stored) if (row[1] === 'mentioned' && !listed.has(row[0])) rows.push(row);
              return rows;
            };
            let done = 0;
            for (const p of work) {
              const o = p.occurrence;
              if (p.action === 'create') {
                const id = nextId++;
                insertedInteractions.add(
                  id,
                  ...occurrenceColumns(p),
                  importId,
                  p.sourceKey,
                  p.sourceHash,
                  o.approximate ? 1 : 0,
                  now,
                  now,
                );
                addParticipants(id, p);
              } else {
                const id = p.existingId!;
                const before = selectRow.get(id) as Omit<Snapshot, 'participants'>;
                const participants = (
                  selectParticipants.all(id) as Array<{
                    contact_id: number;
                    role: string;
                    response: string | null;
                  }>
                ).map((r): ParticipantRow => [r.contact_id, r.role, r.response]);
                record.run(
                  importId,
                  'interaction',
                  id,
                  'updated',
                  JSON.stringify({ ...before, participants }),
                );
                const edits = selectEdits.get(id) as Record<UserEditFlag, number>;
                const columns = keepingUserEdits(occurrenceColumns(p), before, edits);
                const [kind, title, notes, location, startsAt] = columns;
                const approximate = o.approximate ? 1 : 0;
                if (before.title === title && before.location === location && before.notes === notes) {
                  const [, , , , ...times] = columns;
                  updateKeepingText.run(kind, ...times, p.sourceHash, approximate, now, id);
                } else updateInteraction.run(...columns, p.sourceHash, approximate, now, id);
                if (p.movedFrom !== null) rekey.run(p.sourceKey, id);
                const rows = participantsAfter(id, p, participants, edits.people_edited === 1);
                // The same people keep their rows: a new start reaches them through the start-moved trigger.
                if (!sameParticipants(participants, rows)) {
                  // Rows still queued go in first, so every trigger sees the order of a row-by-row write.
                  participantRows.flush();
                  deleteParticipants.run(id);
                  for (const [contactId, role, response] of rows) {
                    participantRows.add(id, contactId, role, response, startsAt);
                    lifted.participant(id, contactId, role, startsAt);
                  }
                }
              }
              done++;
              if (done % step === 0 || done === total) input.progress(done, total);
            }
            participantRows.flush();
            const withdrawn = withdrawInteractions(sqlite, importId, input.withdraw);
            const seriesRemoved = withdrawInteractions(sqlite, importId, input.takeOut);
            const deletedRemoved = withdrawInteractions(sqlite, importId, input.deleted);
            const unansweredRemoved = withdrawInteractions(sqlite, importId, input.unanswered);
            const counts = {
              contactsCreated,
              addressesAdded,
              withdrawn,
              seriesRemoved,
              deletedRemoved,
              unansweredRemoved,
            };
            finishImport.run(JSON.stringify({ ...input.stats, ...counts }), now, importId);
            return { importId, ...counts };
          }),
        ),
      ),
    ),
  );
  return withJournalForSize(sqlite, creates.length * BYTES_PER_MEETING, () => withBulkCache(sqlite, run));
}

/**
 * Deletes the interactions the user has not made their own (checked again here, inside the
 * import's transaction), each recorded whole for undo; returns how many went.
 */
function withdrawInteractions(sqlite: Db, importId: number, ids: number[]): number {
  const untouched = untouchedInteractions(sqlite, ids);
  // Most imports take nothing back: no statements to prepare, twice per import.
  if (untouched.length === 0) return 0;
  const selectRow = sqlite.prepare(`SELECT ${INTERACTION_COLUMNS.join(', ')} FROM interactions WHERE id = ?`);
  const selectParticipants = sqlite
    .prepare(
      `SELECT contact_id, role, response, starts_at FROM interaction_participants WHERE interaction_id = ?`,
    )
    .raw(true);
  const record = sqlite.prepare(
    `INSERT INTO import_changes (import_id, entity, entity_id, action, before) VALUES (?, 'interaction', ?, 'deleted', ?)`,
  );
  const remove = sqlite.prepare(`DELETE FROM interactions WHERE id = ?`);
  for (const id of untouched) {
    const snapshot: WithdrawnSnapshot = {
      row: selectRow.get(id) as WithdrawnSnapshot['row'],
      participants: selectParticipants.all(id) as WithdrawnSnapshot['participants'],
    };
    record.run(importId, id, JSON.stringify(snapshot));
    remove.run(id);
  }
  return untouched.length;
}

/**
 * Puts back an interaction an import took back, under its old id when that is free, with its
 * participants through undo's `insertParticipant` (those whose contact still exists). Not when
 * a later import has brought the same meeting back (it is already there), nor when the import
 * that made it has been undone since. Statements are prepared once for all of an undo's.
 */
function reinstater(sqlite: Db, insertParticipant: BetterSqlite3.Statement) {
  const keyTaken = sqlite.prepare(`SELECT 1 FROM interactions WHERE source_key = ?`).pluck();
  const madeBy = sqlite.prepare(`SELECT undone_at FROM imports WHERE id = ?`);
  const idTaken = sqlite.prepare(`SELECT 1 FROM interactions WHERE id = ?`).pluck();
  const insert = sqlite.prepare(
    `INSERT INTO interactions (${INTERACTION_COLUMNS.join(', ')})
     VALUES (${INTERACTION_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  return ({ row, participants }: WithdrawnSnapshot): boolean => {
    if (keyTaken.get(row.source_key) !== undefined) return false;
    const made = madeBy.get(row.import_id) as { undone_at: string | null } | undefined;
    if (made?.undone_at) return false;
    const id = Number(
      insert.run({
        ...row,
        id: idTaken.get(row.id) === undefined ? row.id : null,
        import_id: made !== undefined ? row.import_id : null,
      }).lastInsertRowid,
    );
    for (const [contactId, role, response, startsAt] of participants) {
      insertParticipant.run(id, contactId, role, response, startsAt, contactId);
    }
    return true;
  };
}

/** About what one imported meeting adds to the file, with its participants and indexes. */
const BYTES_PER_MEETING = 1024;

/** A write of `newBytes` into a file at most a quarter its size goes through a rollback journal. */
function withJournalForSize<T>(sqlite: Db, newBytes: number, write: () => T): T {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  return pages * pageSize * 4 > newBytes ? write() : withRollbackJournal(sqlite, write);
}

/** Page cache (KiB) for a bulk write: at 100,000 events the default 16 MB thrashes and costs a third more. */
const BULK_CACHE_KIB = 64 * 1024;

function withBulkCache<T>(sqlite: Db, write: () => T): T {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  // Negative sizes are KiB; a positive (page count) setting was chosen on purpose and is left alone.
  const raise = previous < 0 && -previous < BULK_CACHE_KIB;
  if (raise) sqlite.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
  try {
    return write();
  } finally {
    if (raise) sqlite.pragma(`cache_size = ${previous}`);
  }
}

/** Removes what one import created and puts back what it updated, in one transaction. */
export function undoImport(sqlite: Db, importId: number, now: string): CalendarUndoResult {
  return sqlite.transaction((): CalendarUndoResult => {
    const row = sqlite.prepare(`SELECT kind, undone_at FROM imports WHERE id = ?`).get(importId) as
      { kind: string; undone_at: string | null } | undefined;
    if (!row || row.kind !== 'ics')
      throw new AppError('NOT_FOUND', `There is no calendar import #${importId}.`);
    if (row.undone_at) throw new AppError('CONFLICT', `Calendar import #${importId} was already undone.`);
    const changes = sqlite
      .prepare(`SELECT entity, entity_id, action, before FROM import_changes WHERE import_id = ?`)
      .all(importId) as Array<{ entity: string; entity_id: number; action: string; before: string | null }>;
    // What the user changed in Rapport since stays theirs: only the calendar's parts go back.
    const restoreUnlessEdited = editableColumns
      .map((column) => `${column} = CASE WHEN ${flagOfColumn[column]} = 1 THEN ${column} ELSE ? END`)
      .join(', ');
    const restore = sqlite.prepare(
      `UPDATE interactions SET ${restoreUnlessEdited}, approximate_time = ?, source_hash = ?, updated_at = ?
       WHERE id = ?`,
    );
    const restoredRow = sqlite.prepare(
      `SELECT starts_at, notes_edited, people_edited FROM interactions WHERE id = ?`,
    );
    const mentionsNow = sqlite
      .prepare(
        `SELECT contact_id, role, response FROM interaction_participants WHERE interaction_id = ? AND role = 'mentioned'`,
      )
      .raw(true);
    // A meeting of a moved series goes back to its old key, unless a later import has taken it since.
    const restoreKey = sqlite.prepare(
      `UPDATE interactions SET source_key = @key
       WHERE id = @id AND NOT EXISTS (SELECT 1 FROM interactions WHERE source_key = @key)`,
    );
    const deleteParticipants = sqlite.prepare(
      `DELETE FROM interaction_participants WHERE interaction_id = ?`,
    );
    const insertParticipant = sqlite.prepare(
      `INSERT OR IGNORE INTO interaction_participants (interaction_id, contact_id, role, response, starts_at)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?)`,
    );
    let restored = 0;
    for (const change of changes) {
      if (change.entity !== 'interaction' || change.action !== 'updated' || !change.before) continue;
      const b = JSON.parse(change.before) as Snapshot;
      const result = restore.run(
        ...editableColumns.map((column) => b[column]),
        b.approximate_time,
        b.source_hash,
        now,
        change.entity_id,
      );
      if (result.changes === 0) continue;
      if (b.source_key !== undefined) restoreKey.run({ key: b.source_key, id: change.entity_id });
      const current = restoredRow.get(change.entity_id) as {
        starts_at: string;
        notes_edited: number;
        people_edited: number;
      };
      if (current.people_edited === 0) {
        // People @mentioned follow the notes that stay: the user's own, or the restored ones.
        const mentions =
          current.notes_edited === 1
            ? (mentionsNow.all(change.entity_id) as ParticipantRow[])
            : b.participants.filter(([, role]) => role === 'mentioned');
        deleteParticipants.run(change.entity_id);
        for (const [contactId, role, response] of [
          ...b.participants.filter(([, r]) => r !== 'mentioned'),
          ...mentions,
        ]) {
          insertParticipant.run(change.entity_id, contactId, role, response, current.starts_at, contactId);
        }
      }
      restored++;
    }
    const removed = sqlite
      .prepare(`DELETE FROM interactions WHERE import_id = ? AND source = 'ics'`)
      .run(importId).changes;
    // A created contact goes only if nothing else has come to refer to it since.
    const removeContact = sqlite.prepare(
      `DELETE FROM contacts WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM interaction_participants WHERE contact_id = contacts.id)`,
    );
    const removeEmail = sqlite.prepare(`DELETE FROM contact_emails WHERE contact_id = ? AND email = ?`);
    const untouchContact = sqlite.prepare(
      `UPDATE contacts SET updated_at = ? WHERE id = ? AND updated_at = ?`,
    );
    const reinstate = reinstater(sqlite, insertParticipant);
    let reinstated = 0;
    for (const change of changes) {
      if (change.entity === 'interaction' && change.action === 'deleted' && change.before) {
        if (reinstate(JSON.parse(change.before) as WithdrawnSnapshot)) reinstated++;
      }
    }
    let contactsRemoved = 0;
    let addressesRemoved = 0;
    for (const change of changes) {
      if (change.entity !== 'contact') continue;
      if (change.action === 'created') contactsRemoved += removeContact.run(change.entity_id).changes;
      else if (change.before) {
        // An address moved to another contact since, or removed, is left as it now is.
        const { addedEmails, updatedAt } = JSON.parse(change.before) as AddedAddresses;
        for (const email of addedEmails) addressesRemoved += removeEmail.run(change.entity_id, email).changes;
        // Changed again since, the contact keeps that change's time.
        if (updatedAt) untouchContact.run(updatedAt.before, change.entity_id, updatedAt.set);
      }
    }
    sqlite.prepare(`DELETE FROM import_changes WHERE import_id = ?`).run(importId);
    sqlite.prepare(`UPDATE imports SET undone_at = ? WHERE id = ?`).run(now, importId);
    return { importId, removed, restored, reinstated, contactsRemoved, addressesRemoved };
  })();
}

export function listImports(sqlite: Db): CalendarImportRecord[] {
  const rows = sqlite
    .prepare(
      `SELECT id, file_name, started_at, finished_at, undone_at, stats FROM imports
       WHERE kind = 'ics' ORDER BY started_at DESC, id DESC`,
    )
    .all() as Array<{
    id: number;
    file_name: string;
    started_at: string;
    finished_at: string | null;
    undone_at: string | null;
    stats: string;
  }>;
  return rows.map((r) => {
    let stats: Record<string, unknown> = {};
    try {
      stats = JSON.parse(r.stats) as Record<string, unknown>;
    } catch {
      stats = {};
    }
    const n = (key: string) => (typeof stats[key] === 'number' ? (stats[key] as number) : 0);
    return {
      id: r.id,
      fileName: r.file_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      undoneAt: r.undone_at,
      created: n('created'),
      updated: n('updated'),
      contactsCreated: n('contactsCreated'),
      addressesAdded: n('addressesAdded'),
      withdrawn: n('withdrawn'),
      seriesRemoved: n('seriesRemoved'),
      deletedRemoved: n('deletedRemoved'),
      unansweredRemoved: n('unansweredRemoved'),
    };
  });
}
