import type BetterSqlite3 from 'better-sqlite3';
import { normalizePhone } from '../contacts/repository';
import { AppError } from '../../shared/ipc/envelope';
import type { Circle } from '../../shared/contacts/schemas';
import type {
  ImportOutcome,
  ImportRecord,
  ParsedContacts,
  RowWarning,
  UndoOutcome,
} from '../../shared/interop/types';
import type { Plan, PlannedItem } from './plan';
import { urlKey } from './incoming';
import { jobChangeEntry, known, type Role } from '../../shared/contacts/jobChange';
import { withBulkFts, withBulkTriggers, type BulkTriggerWork } from '../db/liftedTriggers';

/**
 * Writes a planned contacts import in ONE transaction with prepared statements (the hot
 * path: 10,000 people in well under a second), records it in `imports`, and logs per
 * contact what it created or how the contact was before, so `undoContactsImport` can put
 * everything back exactly.
 */

export interface CommitOptions {
  circle: Circle;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

interface Snapshot {
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  organisation: string | null;
  title: string | null;
  /** Missing in snapshots taken before locations existed: an undo then leaves the location as it is. */
  location?: string | null;
  notes: string | null;
  birthday: string | null;
  updated_at: string;
  emails: Array<[number, string, string | null, number]>;
  phones: Array<[number, string, string, string | null, number]>;
  links: Array<[number, string, string, number]>;
  /** Missing in snapshots taken before custom fields existed: an undo then leaves them as they are. */
  customFields?: Array<[number, string, string, number]>;
  /** Missing in snapshots taken before important dates existed: an undo then leaves them as they are. */
  importantDates?: Array<[number, string, string, number]>;
  tagIds: number[];
  hadPhoto: boolean;
}

/** What a snapshot holds beside the contact's own row. */
type SnapshotLists =
  'emails' | 'phones' | 'links' | 'customFields' | 'importantDates' | 'tagIds' | 'hadPhoto';

function statements(sqlite: BetterSqlite3.Database) {
  return {
    insertImport: sqlite.prepare(
      `INSERT INTO imports (kind, file_name, sha256, stats, started_at) VALUES (?, ?, ?, '{}', ?)`,
    ),
    finishImport: sqlite.prepare(`UPDATE imports SET stats = ?, finished_at = ? WHERE id = ?`),
    insertContact: sqlite.prepare(
      `INSERT INTO contacts (display_name, given_name, family_name, organisation, title, location, notes, birthday, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertCircle: sqlite.prepare(`INSERT OR IGNORE INTO contact_circles (contact_id, circle) VALUES (?, ?)`),
    insertEmail: sqlite.prepare(
      `INSERT INTO contact_emails (contact_id, email, label, position) VALUES (?, ?, ?, ?)`,
    ),
    insertPhone: sqlite.prepare(
      `INSERT INTO contact_phones (contact_id, phone, normalized, label, position) VALUES (?, ?, ?, ?, ?)`,
    ),
    insertLink: sqlite.prepare(
      `INSERT INTO contact_links (contact_id, kind, url, position) VALUES (?, ?, ?, ?)`,
    ),
    // Labels are told apart by `labelKey`, which lower-cases by the user's locale; the table's
    // NOCASE index folds ASCII only. Where the two disagree (Turkish "ID" and "id") the stored one stays.
    insertCustomField: sqlite.prepare(
      `INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    // Told apart by `labelKey` as custom fields are, with the same NOCASE caveat.
    insertImportantDate: sqlite.prepare(
      `INSERT INTO contact_important_dates (contact_id, label, date, position) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    insertTag: sqlite.prepare(
      `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id`,
    ),
    insertContactTag: sqlite.prepare(`INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)`),
    insertPhoto: sqlite.prepare(
      `INSERT OR REPLACE INTO contact_photos (contact_id, mime, data, updated_at)
       VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    ),
    logChange: sqlite.prepare(
      `INSERT INTO contact_import_changes (import_id, contact_id, action, before) VALUES (?, ?, ?, ?)`,
    ),
    contactRow: sqlite.prepare(
      `SELECT display_name, given_name, family_name, organisation, title, location, notes, birthday, updated_at FROM contacts WHERE id = ?`,
    ),
    emails: sqlite
      .prepare(`SELECT id, email, label, position FROM contact_emails WHERE contact_id = ? ORDER BY position`)
      .raw(true),
    phones: sqlite
      .prepare(
        `SELECT id, phone, normalized, label, position FROM contact_phones WHERE contact_id = ? ORDER BY position`,
      )
      .raw(true),
    links: sqlite
      .prepare(`SELECT id, kind, url, position FROM contact_links WHERE contact_id = ? ORDER BY position`)
      .raw(true),
    customFields: sqlite
      .prepare(
        `SELECT id, label, value, position FROM contact_custom_fields WHERE contact_id = ? ORDER BY position`,
      )
      .raw(true),
    importantDates: sqlite
      .prepare(
        `SELECT id, label, date, position FROM contact_important_dates WHERE contact_id = ? ORDER BY position`,
      )
      .raw(true),
    tagIds: sqlite.prepare(`SELECT tag_id FROM contact_tags WHERE contact_id = ?`).pluck(),
    hasPhoto: sqlite.prepare(`SELECT count(*) FROM contact_photos WHERE contact_id = ?`).pluck(),
    maxPosition: sqlite
      .prepare(
        `SELECT (SELECT coalesce(max(position) + 1, 0) FROM contact_emails WHERE contact_id = @id),
              (SELECT coalesce(max(position) + 1, 0) FROM contact_phones WHERE contact_id = @id),
              (SELECT coalesce(max(position) + 1, 0) FROM contact_links WHERE contact_id = @id),
              (SELECT coalesce(max(position) + 1, 0) FROM contact_custom_fields WHERE contact_id = @id),
              (SELECT coalesce(max(position) + 1, 0) FROM contact_important_dates WHERE contact_id = @id)`,
      )
      .raw(true),
    insertInteraction: sqlite.prepare(
      `INSERT INTO interactions (kind, title, notes, starts_at, all_day, initiated_by, source, import_id, source_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'unknown', 'linkedin', ?, ?, ?, ?)`,
    ),
    insertParticipant: sqlite.prepare(
      `INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, ?, ?)`,
    ),
    roleOf: sqlite.prepare(`SELECT organisation, title FROM contacts WHERE id = ?`),
    insertPreviousRole: sqlite.prepare(
      `INSERT INTO previous_roles (interaction_id, organisation, title) VALUES (?, ?, ?)`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;

function tagId(st: Statements, cache: Map<string, number>, name: string): number {
  const key = name.toLowerCase();
  let id = cache.get(key);
  if (id === undefined) {
    id = (st.insertTag.get(name) as { id: number }).id;
    cache.set(key, id);
  }
  return id;
}

/**
 * The "before" of every contact the import will update, read in a few set queries rather than
 * six per contact. Only valid until the contact is first written; later reads go per contact.
 */
function snapshotsOf(sqlite: BetterSqlite3.Database, ids: number[]): Map<number, Snapshot> {
  const out = new Map<number, Snapshot>();
  if (ids.length === 0) return out;
  const list = JSON.stringify(ids);
  const inList = `IN (SELECT value FROM json_each(?))`;
  const contacts = sqlite
    .prepare(
      `SELECT id, display_name, given_name, family_name, organisation, title, location, notes, birthday, updated_at,
              EXISTS (SELECT 1 FROM contact_photos p WHERE p.contact_id = c.id) AS has_photo
       FROM contacts c WHERE id ${inList}`,
    )
    .all(list) as Array<
    Omit<Snapshot, SnapshotLists> & {
      id: number;
      has_photo: number;
    }
  >;
  for (const { id, has_photo, ...row } of contacts) {
    out.set(id, {
      ...row,
      emails: [],
      phones: [],
      links: [],
      customFields: [],
      importantDates: [],
      tagIds: [],
      hadPhoto: has_photo > 0,
    });
  }
  const fill = (sql: string, add: (snap: Snapshot, rest: unknown[]) => void) => {
    for (const [contactId, ...rest] of sqlite.prepare(sql).raw(true).iterate(list) as Iterable<unknown[]>) {
      const snap = out.get(contactId as number);
      if (snap) add(snap, rest);
    }
  };
  fill(
    `SELECT contact_id, id, email, label, position FROM contact_emails WHERE contact_id ${inList} ORDER BY contact_id, position`,
    (snap, r) => snap.emails.push(r as Snapshot['emails'][number]),
  );
  fill(
    `SELECT contact_id, id, phone, normalized, label, position FROM contact_phones WHERE contact_id ${inList} ORDER BY contact_id, position`,
    (snap, r) => snap.phones.push(r as Snapshot['phones'][number]),
  );
  fill(
    `SELECT contact_id, id, kind, url, position FROM contact_links WHERE contact_id ${inList} ORDER BY contact_id, position`,
    (snap, r) => snap.links.push(r as Snapshot['links'][number]),
  );
  fill(
    `SELECT contact_id, id, label, value, position FROM contact_custom_fields WHERE contact_id ${inList} ORDER BY contact_id, position`,
    (snap, r) => snap.customFields?.push(r as NonNullable<Snapshot['customFields']>[number]),
  );
  fill(
    `SELECT contact_id, id, label, date, position FROM contact_important_dates WHERE contact_id ${inList} ORDER BY contact_id, position`,
    (snap, r) => snap.importantDates?.push(r as NonNullable<Snapshot['importantDates']>[number]),
  );
  fill(`SELECT contact_id, tag_id FROM contact_tags WHERE contact_id ${inList}`, (snap, r) =>
    snap.tagIds.push(r[0] as number),
  );
  return out;
}

type Positions = [number, number, number, number, number];

/** Next free list positions, as `maxPosition` would read them, from a snapshot. */
function nextPositions(snap: Snapshot): Positions {
  const next = (rows: unknown[][]) =>
    rows.reduce((max, r) => Math.max(max, (r[r.length - 1] as number) + 1), 0);
  return [
    next(snap.emails),
    next(snap.phones),
    next(snap.links),
    next(snap.customFields ?? []),
    next(snap.importantDates ?? []),
  ];
}

function snapshot(st: Statements, id: number): Snapshot {
  const row = st.contactRow.get(id) as Omit<Snapshot, SnapshotLists>;
  return {
    ...row,
    emails: st.emails.all(id) as Snapshot['emails'],
    phones: st.phones.all(id) as Snapshot['phones'],
    links: st.links.all(id) as Snapshot['links'],
    customFields: st.customFields.all(id) as Snapshot['customFields'],
    importantDates: st.importantDates.all(id) as Snapshot['importantDates'],
    tagIds: st.tagIds.all(id) as number[],
    hadPhoto: (st.hasPhoto.get(id) as number) > 0,
  };
}

function addLists(
  st: Statements,
  tags: Map<string, number>,
  contactId: number,
  lists: Pick<
    PlannedItem['incoming'],
    'emails' | 'phones' | 'links' | 'tags' | 'customFields' | 'importantDates' | 'photo'
  >,
  taken: Set<string>,
  start: Positions,
): void {
  let [e, p, l, f, d] = start;
  for (const email of lists.emails)
    if (!taken.has(email.email)) st.insertEmail.run(contactId, email.email, email.label, e++);
  for (const phone of lists.phones)
    st.insertPhone.run(contactId, phone.phone, normalizePhone(phone.phone), phone.label, p++);
  for (const link of lists.links) st.insertLink.run(contactId, link.kind, link.url, l++);
  for (const tag of lists.tags) st.insertContactTag.run(contactId, tagId(st, tags, tag));
  for (const field of lists.customFields) st.insertCustomField.run(contactId, field.label, field.value, f++);
  for (const date of lists.importantDates) st.insertImportantDate.run(contactId, date.label, date.date, d++);
  if (lists.photo) st.insertPhoto.run(contactId, lists.photo.mime, Buffer.from(lists.photo.base64, 'base64'));
}

function connectedKey(item: PlannedItem): string | null {
  const profile = item.incoming.links.find((l) => l.kind === 'linkedin');
  const id = profile ? urlKey(profile.url) : item.incoming.emails[0]?.email;
  return id ? `linkedin-connected:${id}` : null;
}

/** Turns SQLite's own failures into messages a person can act on. */
function storageError(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') {
    throw new AppError(
      'IMPORT',
      'The disk is full: the import was not written and nothing changed. Free some space and try again.',
    );
  }
  throw error;
}

export function commitContactsImport(
  sqlite: BetterSqlite3.Database,
  parsed: Pick<ParsedContacts, 'fileName' | 'format'> & { sha256: string },
  plan: Plan,
  options: CommitOptions,
): ImportOutcome & { warnings: RowWarning[] } {
  const st = statements(sqlite);
  const now = options.now.toISOString();
  const tags = new Map<string, number>();
  const warnings: RowWarning[] = [];
  const total = plan.items.length;
  const updateSql = new Map<string, BetterSqlite3.Statement>();
  const write = (lifted: BulkTriggerWork): ImportOutcome => {
    const willUpdate = plan.items
      .filter(
        (item) =>
          item.preview.action === 'update' &&
          item.update &&
          (item.preview.changes.length > 0 || item.preview.jobChange),
      )
      .map((item) => (item.preview.match as { contactId: number }).contactId);
    const before = snapshotsOf(sqlite, [...new Set(willUpdate)]);
    const keys = plan.items.map((item) => (item.incoming.connectedOn ? connectedKey(item) : null));
    // Recorded already, or recorded before and deleted by the user since: neither is written again.
    const connected = new Set(
      sqlite
        .prepare(
          `WITH incoming(key) AS (SELECT value FROM json_each(?))
           SELECT source_key FROM interactions WHERE source_key IN (SELECT key FROM incoming)
           UNION SELECT source_key FROM deleted_imports WHERE source_key IN (SELECT key FROM incoming)`,
        )
        .pluck()
        .all(JSON.stringify(keys.filter((k) => k !== null))) as string[],
    );
    const importId = Number(
      st.insertImport.run(`contacts:${parsed.format}`, parsed.fileName, parsed.sha256, now).lastInsertRowid,
    );
    const outcome: ImportOutcome = {
      importId,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: plan.skipped.length,
      interactions: 0,
    };
    const step = Math.max(1, Math.floor(total / 100));
    plan.items.forEach((item, i) => {
      if (i % step === 0) options.onProgress?.(i, total);
      const { incoming: c, preview } = item;
      const taken = new Set(item.takenEmails);
      for (const email of item.takenEmails) {
        warnings.push({
          row: c.row,
          message: `${email} already belongs to another contact; it was not added to ${c.displayName}.`,
        });
      }
      let contactId: number;
      let previousRole: Role | undefined;
      if (preview.action === 'skip') {
        outcome.skipped++;
        return;
      } else if (preview.action === 'create') {
        contactId = Number(
          st.insertContact.run(
            c.displayName,
            c.givenName,
            c.familyName,
            c.organisation,
            c.title,
            c.location,
            c.notes,
            c.birthday,
            now,
            now,
          ).lastInsertRowid,
        );
        st.insertCircle.run(contactId, options.circle);
        addLists(st, tags, contactId, c, taken, [0, 0, 0, 0, 0]);
        st.logChange.run(importId, contactId, 'created', null);
        outcome.created++;
      } else {
        contactId = (preview.match as { contactId: number }).contactId;
        const update = item.update;
        if (!update || (preview.changes.length === 0 && !preview.jobChange)) {
          outcome.unchanged++;
        } else {
          // The role the job change ends, as stored right before this row changes it.
          previousRole = preview.jobChange ? (st.roleOf.get(contactId) as Role) : undefined;
          const first = before.get(contactId);
          before.delete(contactId);
          const snap = first ?? snapshot(st, contactId);
          st.logChange.run(importId, contactId, 'updated', JSON.stringify(snap));
          const columns = Object.keys(update.scalars);
          const values = Object.values(update.scalars);
          const sql = `UPDATE contacts SET ${[...columns, 'updated_at'].map((k) => `${k} = ?`).join(', ')} WHERE id = ?`;
          let updateStmt = updateSql.get(sql);
          if (!updateStmt) {
            updateStmt = sqlite.prepare(sql);
            updateSql.set(sql, updateStmt);
          }
          updateStmt.run(...values, now, contactId);
          addLists(
            st,
            tags,
            contactId,
            update,
            taken,
            first ? nextPositions(first) : (st.maxPosition.get({ id: contactId }) as Positions),
          );
          outcome.updated++;
        }
        if (preview.jobChange) {
          const { from, to } = preview.jobChange;
          const { title, notes } = jobChangeEntry(
            { organisation: from, title: null },
            { organisation: to, title: c.title },
          );
          const iid = st.insertInteraction.run(
            'job_change',
            title,
            notes,
            now,
            0,
            importId,
            null,
            now,
            now,
          ).lastInsertRowid;
          // News about them, not time with them: on the timeline, but it does not reset "last contact".
          st.insertParticipant.run(iid, contactId, 'mentioned', now);
          st.insertPreviousRole.run(iid, known(previousRole?.organisation), known(previousRole?.title));
          lifted.participant(Number(iid), contactId, 'mentioned', now);
          outcome.interactions++;
        }
      }
      const key = keys[i];
      if (c.connectedOn && key && !connected.has(key)) {
        connected.add(key);
        const iid = st.insertInteraction.run(
          'connected',
          'Connected on LinkedIn',
          '',
          c.connectedOn,
          1,
          importId,
          key,
          now,
          now,
        ).lastInsertRowid;
        st.insertParticipant.run(iid, contactId, 'participant', c.connectedOn);
        lifted.participant(Number(iid), contactId, 'participant', c.connectedOn);
        outcome.interactions++;
      }
    });
    options.onProgress?.(total, total);
    const { importId: _id, ...stats } = outcome;
    st.finishImport.run(
      JSON.stringify({ ...stats, format: parsed.format, warnings: warnings.length }),
      new Date().toISOString(),
      importId,
    );
    return outcome;
  };
  // Thousands of "connected" lines: their journal index and participant triggers run once, set-wise.
  const run = sqlite.transaction(() => withBulkFts(sqlite, () => withBulkTriggers(sqlite, write)));
  // Thousands of rows touch every index of the contact tables: keep their pages in memory meanwhile.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -131072');
  try {
    return { ...run.immediate(), warnings };
  } catch (error) {
    return storageError(error);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Removes what an import created and puts back what it changed, in one transaction. */
export function undoContactsImport(sqlite: BetterSqlite3.Database, importId: number, now: Date): UndoOutcome {
  const record = sqlite.prepare(`SELECT kind, undone_at FROM imports WHERE id = ?`).get(importId) as
    { kind: string; undone_at: string | null } | undefined;
  if (!record || !record.kind.startsWith('contacts:'))
    throw new AppError('NOT_FOUND', `There is no contacts import ${importId}.`);
  if (record.undone_at) throw new AppError('CONFLICT', `Import ${importId} was already undone.`);
  const st = statements(sqlite);
  return sqlite.transaction(() => {
    const deletedInteractions = sqlite
      .prepare(`DELETE FROM interactions WHERE import_id = ?`)
      .run(importId).changes;
    const changes = sqlite
      .prepare(`SELECT contact_id, action, before FROM contact_import_changes WHERE import_id = ?`)
      .all(importId) as Array<{ contact_id: number; action: string; before: string | null }>;
    let deletedContacts = 0;
    let restoredContacts = 0;
    const deleteContact = sqlite.prepare(`DELETE FROM contacts WHERE id = ?`);
    for (const change of changes) {
      if (change.action === 'created') deletedContacts += deleteContact.run(change.contact_id).changes;
    }
    for (const change of changes) {
      if (change.action !== 'updated' || !change.before) continue;
      const before = JSON.parse(change.before) as Snapshot;
      const found = sqlite
        .prepare(
          `UPDATE contacts SET display_name = ?, given_name = ?, family_name = ?, organisation = ?, title = ?,
             location = iif(?, ?, location), notes = ?, birthday = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          before.display_name,
          before.given_name,
          before.family_name,
          before.organisation,
          before.title,
          before.location === undefined ? 0 : 1,
          before.location ?? null,
          before.notes,
          before.birthday,
          before.updated_at,
          change.contact_id,
        ).changes;
      if (found === 0) continue;
      // The import only added rows: drop the ones it added, put back any since removed, same ids.
      const restoreRows = (table: string, columns: string[], rows: unknown[][]) => {
        const ids = rows.map((r) => r[0] as number);
        sqlite
          .prepare(`DELETE FROM ${table} WHERE contact_id = ? AND id NOT IN (SELECT value FROM json_each(?))`)
          .run(change.contact_id, JSON.stringify(ids));
        const insert = sqlite.prepare(
          `INSERT OR IGNORE INTO ${table} (id, contact_id, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
        );
        for (const [id, ...rest] of rows) insert.run(id, change.contact_id, ...rest);
      };
      restoreRows('contact_emails', ['email', 'label', 'position'], before.emails);
      restoreRows('contact_phones', ['phone', 'normalized', 'label', 'position'], before.phones);
      restoreRows('contact_links', ['kind', 'url', 'position'], before.links);
      if (before.customFields !== undefined)
        restoreRows('contact_custom_fields', ['label', 'value', 'position'], before.customFields);
      if (before.importantDates !== undefined)
        restoreRows('contact_important_dates', ['label', 'date', 'position'], before.importantDates);
      sqlite
        .prepare(
          `DELETE FROM contact_tags WHERE contact_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))`,
        )
        .run(change.contact_id, JSON.stringify(before.tagIds));
      for (const tag of before.tagIds) st.insertContactTag.run(change.contact_id, tag);
      if (!before.hadPhoto)
        sqlite.prepare(`DELETE FROM contact_photos WHERE contact_id = ?`).run(change.contact_id);
      restoredContacts++;
    }
    sqlite.prepare(`UPDATE imports SET undone_at = ? WHERE id = ?`).run(now.toISOString(), importId);
    return { importId, deletedContacts, restoredContacts, deletedInteractions };
  })();
}

export function listContactImports(sqlite: BetterSqlite3.Database): ImportRecord[] {
  const rows = sqlite
    .prepare(
      `SELECT id, kind, file_name, started_at, finished_at, undone_at, stats FROM imports WHERE kind LIKE 'contacts:%' ORDER BY id DESC`,
    )
    .all() as Array<{
    id: number;
    kind: string;
    file_name: string;
    started_at: string;
    finished_at: string | null;
    undone_at: string | null;
    stats: string;
  }>;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    stats: JSON.parse(r.stats) as Record<string, unknown>,
  }));
}
