import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/ipc/envelope';
import { appVersion } from '../appVersion';
import { fromJsonCell, toJsonCell, type JsonCell } from '../db/jsonCell';
import { withRollbackJournal } from '../db/rollbackJournal';
import { fsyncPath } from './fsync';
import { readExportLines } from './jsonLines';

/**
 * The complete JSON export: every ordinary table of the database, found in the schema at
 * run time so tables added by later migrations are included without touching this file.
 * Full-text indexes are left out: they are external-content FTS5 tables, rebuilt on restore.
 * Documented in docs/json-export.md.
 */
export const exportFormatName = 'rapport-export';
export const exportFormatVersion = 1;

interface TableDump {
  columns: string[];
  rows: JsonCell[][];
}

/** What a restore reads: a whole parsed document, or rows parsed one at a time as they are written. */
export interface ExportTables {
  schemaVersion: number;
  tables: Record<string, { columns: string[]; rows: Iterable<unknown> }>;
}

export interface JsonExportDocument {
  format: typeof exportFormatName;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  tables: Record<string, TableDump>;
}

/** Tables worth exporting: ordinary tables of `main`, not SQLite's own, not FTS shadow tables. */
export function dataTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.pragma('table_list') as Array<{ schema: string; name: string; type: string }>;
  return rows
    .filter((r) => r.schema === 'main' && r.type === 'table' && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
    .sort();
}

/** Writable columns in declaration order (generated columns cannot be inserted). */
export function tableColumns(sqlite: BetterSqlite3.Database, table: string): string[] {
  const rows = sqlite.pragma(`table_xinfo(${quoteIdent(table)})`) as Array<{ name: string; hidden: number }>;
  return rows.filter((r) => r.hidden === 0).map((r) => r.name);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Parents before children, so triggers that read a parent see it even with deferred keys. */
function orderByForeignKeys(sqlite: BetterSqlite3.Database, tables: string[]): string[] {
  const parents = new Map<string, Set<string>>();
  for (const t of tables) {
    const fks = sqlite.pragma(`foreign_key_list(${quoteIdent(t)})`) as Array<{ table: string }>;
    parents.set(t, new Set(fks.map((f) => f.table).filter((p) => p !== t && tables.includes(p))));
  }
  const done = new Set<string>();
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * Streams the export to `outPath` (through a temporary name, renamed when complete) inside
 * one read transaction, so the file is a consistent snapshot even while the app writes.
 */
export function writeJsonExport(
  sqlite: BetterSqlite3.Database,
  outPath: string,
  now: Date = new Date(),
): number {
  const tmp = `${outPath}.tmp`;
  const fd = openSync(tmp, 'w');
  let buffer = '';
  let bytes = 0;
  const flush = (force = false) => {
    if (buffer.length > (force ? 0 : 1 << 20)) {
      bytes += writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    const snapshot = sqlite.transaction(() => {
      const header = {
        format: exportFormatName,
        formatVersion: exportFormatVersion,
        schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
        appVersion,
        exportedAt: now.toISOString(),
      };
      buffer += `${JSON.stringify(header).slice(0, -1)},"tables":{`;
      dataTables(sqlite).forEach((table, ti) => {
        const columns = tableColumns(sqlite, table);
        buffer += `${ti === 0 ? '' : ','}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`;
        const stmt = sqlite
          .prepare(`SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)}`)
          .raw(true);
        let first = true;
        for (const row of stmt.iterate() as Iterable<unknown[]>) {
          const cells = row.some((v) => typeof v === 'object' && v !== null) ? row.map(toJsonCell) : row;
          buffer += `${first ? '\n' : ',\n'}${JSON.stringify(cells)}`;
          first = false;
          flush();
        }
        buffer += ']}';
      });
      buffer += '}}\n';
    });
    // A deferred transaction that only reads: a stable snapshot in WAL mode, blocking no writer.
    snapshot.deferred();
    flush(true);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  fsyncPath(tmp);
  renameSync(tmp, outPath);
  return bytes;
}

function invalid(message: string): AppError {
  return new AppError('IMPORT', `This is not a Rapport JSON export it can restore: ${message}`);
}

/** Checks the envelope (everything but the rows) before a single row is written. */
function checkHeader(doc: unknown): void {
  if (typeof doc !== 'object' || doc === null) throw invalid('it is not an object.');
  const d = doc as Partial<JsonExportDocument>;
  if (d.format !== exportFormatName) throw invalid(`"format" is ${JSON.stringify(d.format)}.`);
  if (d.formatVersion !== exportFormatVersion) {
    throw invalid(`format version ${String(d.formatVersion)} is not ${exportFormatVersion}.`);
  }
  if (d.schemaVersion === undefined) throw invalid('"schemaVersion" is missing.');
  if (!Number.isInteger(d.schemaVersion) || d.schemaVersion < 1)
    throw invalid(`"schemaVersion" ${JSON.stringify(d.schemaVersion)} is not a schema version.`);
}

function checkColumns(name: string, columns: unknown): asserts columns is string[] {
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
    throw invalid(`table ${name} is malformed.`);
}

/** Checks the document's shape before a single row is written. */
function checkShape(doc: unknown): JsonExportDocument {
  checkHeader(doc);
  const d = doc as Partial<JsonExportDocument>;
  if (typeof d.tables !== 'object' || d.tables === null) throw invalid('"tables" is missing.');
  for (const [name, dump] of Object.entries(d.tables)) {
    checkColumns(name, dump?.columns);
    if (!Array.isArray(dump?.rows)) throw invalid(`table ${name} is malformed.`);
    for (const row of dump.rows) {
      if (!Array.isArray(row) || row.length !== dump.columns.length) {
        throw invalid(`table ${name} has a row whose length does not match its columns.`);
      }
    }
  }
  return d as JsonExportDocument;
}

export function parseJsonExport(text: string): JsonExportDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw invalid(`the JSON does not parse (${(error as Error).message}).`);
  }
  return checkShape(doc);
}

/**
 * Reads an export file for a restore: line by line, rows parsed as they are written, when it
 * has the layout this writer gives it (see jsonLines.ts); otherwise parsed whole.
 */
export function readJsonExport(path: string): ExportTables {
  const lazy = readExportLines(path);
  if (lazy === null) return parseJsonExport(readFileSync(path, 'utf8'));
  checkHeader(lazy.header);
  for (const [name, table] of Object.entries(lazy.tables)) checkColumns(name, table.columns);
  return {
    schemaVersion: lazy.header.schemaVersion as number,
    tables: lazy.tables as ExportTables['tables'],
  };
}

/** Each row checked as it is read: a lazily read file finds a bad row only when it gets there. */
function* checkedRows(table: string, dump: ExportTables['tables'][string]): Generator<unknown[]> {
  const rows = dump.rows[Symbol.iterator]();
  for (let n = 1; ; n++) {
    let next: IteratorResult<unknown>;
    try {
      next = rows.next();
    } catch (error) {
      throw invalid(`row ${n} of table ${table} does not parse (${(error as Error).message}).`);
    }
    if (next.done) return;
    const row = next.value;
    if (!Array.isArray(row) || row.length !== dump.columns.length) {
      throw invalid(`table ${table} has a row whose length does not match its columns.`);
    }
    yield row;
  }
}

/** Whether the database holds anything a user made (migrations may seed settings; those do not count). */
export function isEmptyDatabase(sqlite: BetterSqlite3.Database): boolean {
  const count = (t: string) =>
    sqlite
      .prepare(`SELECT count(*) FROM ${quoteIdent(t)}`)
      .pluck()
      .get() as number;
  // A database at an old export's schema may have no interactions table yet (schema 1).
  const tables = new Set(dataTables(sqlite));
  return ['contacts', 'interactions'].every((t) => !tables.has(t) || count(t) === 0);
}

/** Rows per INSERT: many rows to one statement saves a native call per row, within SQLite's parameter limit. */
function batchRows(columnCount: number): number {
  return Math.max(1, Math.min(200, Math.floor(32_000 / Math.max(1, columnCount))));
}

/** Writes a table's rows as they come, a batch at a time; returns how many there were. */
function insertRows(
  sqlite: BetterSqlite3.Database,
  table: string,
  dump: ExportTables['tables'][string],
): number {
  const width = dump.columns.length;
  const head = `INSERT INTO ${quoteIdent(table)} (${dump.columns.map(quoteIdent).join(', ')}) VALUES `;
  const tuple = `(${dump.columns.map(() => '?').join(', ')})`;
  const prepare = (n: number) => sqlite.prepare(head + Array.from({ length: n }, () => tuple).join(', '));
  const per = batchRows(width);
  let full: BetterSqlite3.Statement | null = null;
  const values: unknown[] = [];
  let inBatch = 0;
  let written = 0;
  for (const row of checkedRows(table, dump)) {
    for (let c = 0; c < width; c++) values.push(fromJsonCell(row[c] as JsonCell));
    if (++inBatch === per) {
      (full ??= prepare(per)).run(values);
      values.length = 0;
      written += inBatch;
      inBatch = 0;
    }
  }
  if (inBatch > 0) prepare(inBatch).run(values);
  return written + inBatch;
}

/**
 * Restores a JSON export into an empty database, in one transaction: every table in the
 * export replaces what migrations seeded in it; a table or column this version does not
 * know is refused before anything is written, so nothing is silently dropped.
 */
export function restoreJsonExport(sqlite: BetterSqlite3.Database, doc: ExportTables): Record<string, number> {
  const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
  if (doc.schemaVersion > schemaVersion) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `The export was written by a newer Rapport (schema ${doc.schemaVersion}; this one knows up to ${schemaVersion}). Update Rapport to restore it.`,
    );
  }
  if (!isEmptyDatabase(sqlite)) {
    throw new AppError('CONFLICT', 'A JSON export can only be restored into an empty database.');
  }
  const known = new Set(dataTables(sqlite));
  for (const [table, dump] of Object.entries(doc.tables)) {
    if (!known.has(table)) throw invalid(`it has a table "${table}" this version of Rapport does not have.`);
    const columns = new Set(tableColumns(sqlite, table));
    const unknown = dump.columns.filter((c) => !columns.has(c));
    if (unknown.length > 0)
      throw invalid(`table ${table} has columns this version does not have: ${unknown.join(', ')}.`);
  }
  const counts: Record<string, number> = {};
  const tables = orderByForeignKeys(sqlite, Object.keys(doc.tables));
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL`)
    .all() as Array<{ name: string; sql: string }>;
  // Secondary indexes are built once at the end (a sort) rather than row by row; constraint
  // indexes (primary keys, UNIQUE) have no SQL of their own and stay, so they still check.
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
    .all() as Array<{ name: string; sql: string }>;
  const ftsTables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`,
    )
    .pluck()
    .all() as string[];
  // A restore writes every index at once: a cache the size of a typical database keeps it in memory.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  const write = sqlite.transaction(() => {
    // Rows arrive table by table; references are checked once, at commit.
    sqlite.pragma('defer_foreign_keys = ON');
    // Triggers would add rows of their own (change logs, counters) on top of the exported
    // ones, so the tables are written as exported with triggers off, all inside this
    // transaction; the full-text indexes they maintain are rebuilt at the end.
    for (const trigger of triggers) sqlite.prepare(`DROP TRIGGER ${quoteIdent(trigger.name)}`).run();
    for (const index of indexes) sqlite.prepare(`DROP INDEX ${quoteIdent(index.name)}`).run();
    for (const table of [...tables].reverse()) sqlite.prepare(`DELETE FROM ${quoteIdent(table)}`).run();
    for (const table of tables) {
      const dump = doc.tables[table];
      counts[table] = insertRows(sqlite, table, dump);
    }
    for (const index of indexes) sqlite.exec(index.sql);
    for (const trigger of triggers) sqlite.exec(trigger.sql);
    for (const fts of ftsTables)
      sqlite.prepare(`INSERT INTO ${quoteIdent(fts)} (${quoteIdent(fts)}) VALUES ('rebuild')`).run();
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw invalid(`${violations.length} rows refer to rows that are not in it.`);
  });
  // The database is empty, so every page of the restore is new: written once through a rollback journal.
  try {
    withRollbackJournal(sqlite, write);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return counts;
}
