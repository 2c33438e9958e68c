import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/ipc/envelope';
import { fromJsonCell, toJsonCell, type JsonCell } from '../db/jsonCell';
import { retargetMentions, mentionScheme } from '../../shared/journal/mentions';
import type { MergeableField, MergeResult } from '../../shared/journal/views';

type Row = Record<string, unknown>;

const fieldColumns: Record<MergeableField, string> = {
  displayName: 'display_name',
  givenName: 'given_name',
  familyName: 'family_name',
  organisation: 'organisation',
  title: 'title',
  howWeMet: 'how_we_met',
  notes: 'notes',
  cadenceDays: 'cadence_days',
  birthday: 'birthday',
  location: 'location',
};

interface ContactRef {
  table: string;
  column: string;
  /** `rowid` for ordinary tables, the primary key columns for WITHOUT ROWID ones. */
  key: string[];
}

interface TableSnapshot extends ContactRef {
  /** Keys of the kept contact's own rows before the merge (they must survive an undo). */
  keptKeys: string[];
  /** The removed contact's rows as they were, to put back on undo. */
  removed: Row[];
}

interface MergeSnapshot {
  kept: Row;
  removed: Row;
  tables: TableSnapshot[];
  notes: Array<{ id: number; notes: string }>;
  /** The kept contact's own photo, when the removed one's replaced it. */
  keptPhoto?: Row;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every column in the schema that points at a contact, found from the foreign keys, so rows
 * added by later features (goal links, graph positions) move without this code knowing them.
 */
export function contactReferences(sqlite: BetterSqlite3.Database): ContactRef[] {
  const found = sqlite
    .prepare(
      `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'contacts' ORDER BY m.name, f."from"`,
    )
    .all() as Array<{ tbl: string; col: string }>;
  return found.map(({ tbl, col }) => {
    let key: string[];
    try {
      sqlite.prepare(`SELECT rowid FROM ${q(tbl)} LIMIT 0`).all();
      // A contact's own row (a photo, a pin, a place on the graph) is keyed by the contact: its
      // rowid, which moves with it, so an undo must look for it under the kept contact's id.
      key = isRowidAlias(sqlite, tbl, col) ? [col] : ['rowid'];
    } catch {
      key = (
        sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(tbl) as Array<{
          name: string;
        }>
      ).map((r) => r.name);
    }
    return { table: tbl, column: col, key };
  });
}

/** Whether `column` is the table's INTEGER PRIMARY KEY, another name for its rowid. */
function isRowidAlias(sqlite: BetterSqlite3.Database, table: string, column: string): boolean {
  const keys = sqlite
    .prepare('SELECT name, type FROM pragma_table_info(?) WHERE pk > 0')
    .all(table) as Array<{ name: string; type: string }>;
  return keys.length === 1 && keys[0].name === column && keys[0].type.toUpperCase() === 'INTEGER';
}

/** A row as the undo snapshot's JSON holds it (a photo's bytes as base64), and back. */
const toSnapshotRow = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, toJsonCell(value)]));
const fromSnapshotRow = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, fromSnapshotCell(value)]));

/** Snapshots written before blobs were base64 hold a photo as Node's `Buffer#toJSON`. */
function fromSnapshotCell(value: unknown): unknown {
  const legacy = value as { type?: unknown; data?: unknown } | null;
  if (legacy?.type === 'Buffer' && Array.isArray(legacy.data)) return Buffer.from(legacy.data as number[]);
  return fromJsonCell(value as JsonCell);
}

function keyOf(row: Row, key: string[], override?: [string, unknown]): string {
  return JSON.stringify(key.map((k) => (override && override[0] === k ? override[1] : row[k])));
}

function selectRows(sqlite: BetterSqlite3.Database, ref: ContactRef, contactId: number): Row[] {
  const rowid = ref.key[0] === 'rowid' ? 'rowid AS rowid, ' : '';
  return sqlite
    .prepare(`SELECT ${rowid}* FROM ${q(ref.table)} WHERE ${q(ref.column)} = ?`)
    .all(contactId) as Row[];
}

function insertRow(sqlite: BetterSqlite3.Database, table: string, row: Row): void {
  const cols = Object.keys(row);
  const sqlText = `INSERT OR REPLACE INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  try {
    sqlite.prepare(sqlText).run(...cols.map((c) => row[c]));
  } catch (error) {
    // The row pointed at something deleted since the merge (an interaction, a goal): leave it out.
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
  }
}

function contactRow(sqlite: BetterSqlite3.Database, id: number): Row | undefined {
  return sqlite.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as Row | undefined;
}

/**
 * Folds `removeId` into `keepId` in one transaction: picked fields copied over, every row
 * that points at the removed contact moved (rows the kept contact already has, such as a
 * shared circle or meeting, are dropped), @mentions retargeted, the removed contact deleted.
 * Of two photos the kept contact's stays, unless `photo` is 'remove'. A snapshot written in the
 * same transaction makes it undoable.
 */
export function mergeContacts(
  sqlite: BetterSqlite3.Database,
  keepId: number,
  removeId: number,
  pick: Partial<Record<MergeableField, 'keep' | 'remove'>>,
  now: Date,
  photo: 'keep' | 'remove' = 'keep',
): MergeResult {
  if (keepId === removeId) {
    throw new AppError('VALIDATION', 'A contact cannot be merged with itself.', [
      { path: ['removeId'], message: 'Same as the kept contact' },
    ]);
  }
  return sqlite.transaction((): MergeResult => {
    const kept = contactRow(sqlite, keepId);
    const removed = contactRow(sqlite, removeId);
    if (!kept) throw new AppError('NOT_FOUND', `There is no contact with id ${keepId}.`);
    if (!removed) throw new AppError('NOT_FOUND', `There is no contact with id ${removeId}.`);

    const refs = contactReferences(sqlite);
    const link = `%${mentionScheme}${removeId})%`;
    const snapshot: MergeSnapshot = {
      kept,
      removed,
      tables: refs.map((ref) => ({
        ...ref,
        keptKeys: selectRows(sqlite, ref, keepId).map((r) => keyOf(r, ref.key)),
        removed: selectRows(sqlite, ref, removeId).map(toSnapshotRow),
      })),
      notes: sqlite.prepare('SELECT id, notes FROM interactions WHERE notes LIKE ?').all(link) as Array<{
        id: number;
        notes: string;
      }>,
    };

    const updates = (Object.keys(pick) as MergeableField[]).filter((f) => pick[f] === 'remove');
    if (updates.length > 0) {
      const sets = updates.map((f) => `${fieldColumns[f]} = ?`).join(', ');
      sqlite
        .prepare(`UPDATE contacts SET ${sets}, updated_at = ? WHERE id = ?`)
        .run(...updates.map((f) => removed[fieldColumns[f]]), now.toISOString(), keepId);
    } else {
      sqlite.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?').run(now.toISOString(), keepId);
    }

    if (photo === 'remove') {
      const photoOf = sqlite.prepare('SELECT * FROM contact_photos WHERE contact_id = ?');
      const keptPhoto = photoOf.get(keepId) as Row | undefined;
      // Made room for: the removed contact's photo then moves over like any of their rows.
      if (keptPhoto && photoOf.get(removeId)) {
        snapshot.keptPhoto = toSnapshotRow(keptPhoto);
        sqlite.prepare('DELETE FROM contact_photos WHERE contact_id = ?').run(keepId);
      }
    }

    const moved: Record<string, number> = {};
    for (const ref of refs) {
      const changes = sqlite
        .prepare(`UPDATE OR IGNORE ${q(ref.table)} SET ${q(ref.column)} = ? WHERE ${q(ref.column)} = ?`)
        .run(keepId, removeId).changes;
      if (changes > 0) moved[ref.table] = (moved[ref.table] ?? 0) + changes;
    }
    // A link between the two (a relationship, "introduced by") would now point from the person to themself.
    const byTable = new Map<string, string[]>();
    for (const ref of refs) byTable.set(ref.table, [...(byTable.get(ref.table) ?? []), ref.column]);
    for (const [table, cols] of byTable) {
      if (cols.length < 2) continue;
      sqlite
        .prepare(`DELETE FROM ${q(table)} WHERE ${cols.map((c) => `${q(c)} = ?`).join(' AND ')}`)
        .run(...cols.map(() => keepId));
    }
    const retarget = sqlite.prepare('UPDATE interactions SET notes = ? WHERE id = ?');
    for (const n of snapshot.notes) retarget.run(retargetMentions(n.notes, removeId, keepId), n.id);

    sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(removeId);
    const token = sqlite
      .prepare("INSERT INTO undo_snapshots (kind, payload, created_at) VALUES ('merge', ?, ?)")
      .run(JSON.stringify(snapshot), now.toISOString()).lastInsertRowid;
    return { keptId: keepId, undoToken: Number(token), moved };
  })();
}

/**
 * Reverses a merge in one transaction: the removed contact comes back with its id and its
 * rows, the kept contact gets its own fields back; rows it already had stay where they are.
 */
export function undoMerge(
  sqlite: BetterSqlite3.Database,
  token: number,
): { keptId: number; removedId: number } {
  return sqlite.transaction(() => {
    const snap = sqlite
      .prepare("SELECT payload FROM undo_snapshots WHERE id = ? AND kind = 'merge'")
      .get(token) as { payload: string } | undefined;
    if (!snap)
      throw new AppError('NOT_FOUND', 'There is nothing to undo: the merge is too old or already undone.');
    const s = JSON.parse(snap.payload) as MergeSnapshot;
    const keptId = s.kept.id as number;
    const removedId = s.removed.id as number;
    if (!contactRow(sqlite, keptId)) {
      throw new AppError(
        'CONFLICT',
        'The merged contact has been deleted since, so the merge cannot be undone.',
      );
    }
    if (contactRow(sqlite, removedId)) {
      throw new AppError('CONFLICT', 'The merge has already been undone.');
    }
    const keptCols = Object.keys(s.kept).filter((c) => c !== 'id');
    sqlite
      .prepare(`UPDATE contacts SET ${keptCols.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`)
      .run(...keptCols.map((c) => s.kept[c]), keptId);
    insertRow(sqlite, 'contacts', s.removed);

    for (const t of s.tables) {
      const keptKeys = new Set(t.keptKeys);
      const where = t.key.map((k) => `${k === 'rowid' ? 'rowid' : q(k)} = ?`).join(' AND ');
      const remove = sqlite.prepare(`DELETE FROM ${q(t.table)} WHERE ${where}`);
      for (const row of t.removed.map(fromSnapshotRow)) {
        const movedKey = keyOf(row, t.key, [t.column, keptId]);
        if (!keptKeys.has(movedKey)) {
          remove.run(...(JSON.parse(movedKey) as unknown[]));
        }
        insertRow(sqlite, t.table, row);
      }
    }
    if (s.keptPhoto) insertRow(sqlite, 'contact_photos', fromSnapshotRow(s.keptPhoto));
    const restore = sqlite.prepare('UPDATE interactions SET notes = ? WHERE id = ?');
    for (const n of s.notes) restore.run(n.notes, n.id);
    sqlite.prepare('DELETE FROM undo_snapshots WHERE id = ?').run(token);
    return { keptId, removedId };
  })();
}
