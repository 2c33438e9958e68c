import { closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * A fast reader for exports laid out exactly as `writeJsonExport` writes them: the header on
 * the first line, then one line per table opening and one line per row. One `JSON.parse` of
 * the whole file decodes and scans a single two-byte string of tens of megabytes, then keeps
 * every row alive at once; here a first pass only checks the layout and notes where each
 * table's rows start, and rows are parsed one line at a time as the restore writes them, so
 * each is garbage as soon as it is in the database.
 *
 * Both passes read the file through one reused buffer of a megabyte rather than into one
 * buffer the size of the file: on our machines a fresh 68 MB buffer cost about 0.3 s to read
 * into and as much again the first time it was scanned (its pages are new to the process),
 * where the same file read a megabyte at a time took 30 ms.
 *
 * A file whose lines do not fit the layout (reformatted, hand-edited, CRLF line ends) is
 * declined (null) and the caller parses it whole. The layout is unambiguous: a row is an
 * array, so its line ends in `],` when more rows follow, `]]},` when its table ends and
 * `]]}}}` when the document does, and nothing else can end that way.
 */

const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;
const TABLES = ',"tables":{';
const TABLE_OPENING = /^("(?:[^"\\]|\\.)*"):\{"columns":(\[.*\]),"rows":\[(.*)$/;
const ROW_ENDINGS = { more: '],', tableEnd: ']]},', documentEnd: ']]}}}' } as const;
type RowEnding = keyof typeof ROW_ENDINGS;

export const DEFAULT_CHUNK_BYTES = 1 << 20;

export interface LazyTable {
  columns: unknown[];
  /** Each row parsed as it is read; a line that does not parse throws. */
  rows: Iterable<unknown>;
}

export interface LazyExport {
  header: Record<string, unknown>;
  tables: Record<string, LazyTable>;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function endsWith(bytes: Buffer, end: number, suffix: string): boolean {
  if (end - suffix.length < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    if (bytes[end - suffix.length + i] !== suffix.charCodeAt(i)) return false;
  }
  return true;
}

/** How a row's line ends, or null when it is no row line of the layout. */
function rowEnding(bytes: Buffer, start: number, end: number): RowEnding | null {
  if (bytes[start] !== OPEN_BRACKET) return null;
  if (endsWith(bytes, end, ROW_ENDINGS.documentEnd)) return 'documentEnd';
  if (endsWith(bytes, end, ROW_ENDINGS.tableEnd)) return 'tableEnd';
  if (endsWith(bytes, end, ROW_ENDINGS.more)) return 'more';
  return null;
}

/**
 * A file's lines from a byte offset, read through one reused buffer (grown for a line longer
 * than it). The current line is `bytes[start, end)`, without its newline, until `next()`.
 */
class LineReader {
  bytes: Buffer;
  start = 0;
  end = 0;
  private cursor = 0;
  private filled = 0;
  /** The bytes read so far: searched instead of `bytes`, whose end holds an earlier read's. */
  private view: Buffer;
  private done = false;

  constructor(
    private readonly path: string,
    private position: number,
    chunkBytes: number,
  ) {
    this.bytes = Buffer.allocUnsafe(chunkBytes);
    this.view = this.bytes.subarray(0, 0);
  }

  next(): boolean {
    for (;;) {
      const newline = this.view.indexOf(NEWLINE, this.cursor);
      if (newline >= 0) {
        this.start = this.cursor;
        this.end = newline;
        this.cursor = newline + 1;
        return true;
      }
      if (this.done) {
        if (this.cursor >= this.filled) return false;
        this.start = this.cursor;
        this.end = this.filled;
        this.cursor = this.filled;
        return true;
      }
      this.refill();
    }
  }

  /** Keeps the unfinished line at the front and reads after it. */
  private refill(): void {
    const kept = this.filled - this.cursor;
    if (kept === this.bytes.length) {
      const larger = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(larger, 0, this.cursor, this.filled);
      this.bytes = larger;
    } else this.bytes.copy(this.bytes, 0, this.cursor, this.filled);
    this.cursor = 0;
    this.filled = kept;
    // Opened for each read, so a reader left unfinished (a restore stopped by a bad row) holds no file.
    const fd = openSync(this.path, 'r');
    try {
      const read = readSync(fd, this.bytes, kept, this.bytes.length - kept, this.position);
      if (read === 0) this.done = true;
      this.filled += read;
      this.position += read;
      this.view = this.bytes.subarray(0, this.filled);
    } finally {
      closeSync(fd);
    }
  }

  /** Where in the file the line after the current one starts. */
  get offsetOfNext(): number {
    return this.position - this.filled + this.cursor;
  }

  text(from = this.start, to = this.end): string {
    return this.bytes.toString('utf8', from, to);
  }
}

/** The file as its layout was checked: read again for its rows only while it is still that file. */
interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

function stampOf(path: string): FileStamp {
  const { size, mtimeMs } = statSync(path);
  return { path, size, mtimeMs };
}

const CHANGED = 'the file changed while it was being read';

/** Rows of one table, read again from the file: `count` row lines from `offset`. */
class LineRows implements Iterable<unknown> {
  count = 0;
  constructor(
    private readonly file: FileStamp,
    private readonly offset: number,
    private readonly chunkBytes: number,
  ) {}

  *[Symbol.iterator](): Iterator<unknown> {
    const now = stampOf(this.file.path);
    if (now.size !== this.file.size || now.mtimeMs !== this.file.mtimeMs) throw new Error(CHANGED);
    const lines = new LineReader(this.file.path, this.offset, this.chunkBytes);
    for (let i = 0; i < this.count; i++) {
      const ending = lines.next() ? rowEnding(lines.bytes, lines.start, lines.end) : null;
      if (ending === null) throw new Error(CHANGED);
      // The row keeps its own closing bracket.
      yield JSON.parse(lines.text(lines.start, lines.end - ROW_ENDINGS[ending].length + 1)) as unknown;
    }
  }
}

export function readExportLines(path: string, chunkBytes = DEFAULT_CHUNK_BYTES): LazyExport | null {
  const file = stampOf(path);
  const lines = new LineReader(path, 0, chunkBytes);
  if (!lines.next()) return null;
  const first = lines.text();
  if (!first.startsWith('{') || !first.endsWith(TABLES)) return null;
  const header = parseOrUndefined(`${first.slice(0, -TABLES.length)}}`);
  if (typeof header !== 'object' || header === null || Array.isArray(header) || 'tables' in header) {
    return null;
  }
  const tables = new Map<string, { columns: unknown[]; rows: LineRows }>();
  let rows: LineRows | null = null;
  // After the header comes a table's opening line; after a row ending in "]," another row.
  let expectRow = false;
  let finished = false;
  while (lines.next()) {
    if (finished) {
      if (lines.end > lines.start) return null;
      continue;
    }
    let ending: RowEnding | null;
    if (expectRow) {
      ending = rowEnding(lines.bytes, lines.start, lines.end);
      if (ending === null) return null;
      rows!.count++;
    } else {
      const m = TABLE_OPENING.exec(lines.text());
      if (!m) return null;
      const name = parseOrUndefined(m[1]);
      const columns = parseOrUndefined(m[2]);
      // A repeated table is legal JSON (the last wins) but not something the writer does.
      if (typeof name !== 'string' || !Array.isArray(columns) || tables.has(name)) return null;
      rows = new LineRows(file, lines.offsetOfNext, chunkBytes);
      tables.set(name, { columns, rows });
      const rest = m[3];
      if (rest === '') {
        expectRow = true;
        continue;
      }
      // An empty table closes on its opening line.
      if (rest === ']},') ending = 'tableEnd';
      else if (rest === ']}}}') ending = 'documentEnd';
      else return null;
    }
    expectRow = ending === 'more';
    finished = ending === 'documentEnd';
  }
  if (!finished) return null;
  const lazy: Record<string, LazyTable> = {};
  for (const [name, t] of tables) lazy[name] = t;
  return { header: header as Record<string, unknown>, tables: lazy };
}
