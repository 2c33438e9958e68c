import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import {
  readJsonExport,
  restoreJsonExport,
  writeJsonExport,
  type ExportTables,
} from '../../../src/main/interop/jsonExport';
import { readExportLines, type LazyExport } from '../../../src/main/interop/jsonLines';
import { tempStore, type TempStore } from '../../support/store';
import { seedNetwork } from './seed';

let t: TempStore;
let out: string;

/** The document a lazily read file stands for, every row parsed. */
function materialise(lazy: LazyExport | null): unknown {
  if (lazy === null) return null;
  const tables = Object.fromEntries(
    Object.entries(lazy.tables).map(([name, d]) => [name, { columns: d.columns, rows: [...d.rows] }]),
  );
  return { ...lazy.header, tables };
}

/** What a restore would read from a file, rows included. */
function restored(doc: ExportTables): unknown {
  return Object.fromEntries(Object.entries(doc.tables).map(([name, d]) => [name, [...d.rows]]));
}

/** `readExportLines` of a file holding `content`. */
function linesOf(content: string | Buffer, chunkBytes?: number): LazyExport | null {
  const path = join(t.dir, 'lines.json');
  writeFileSync(path, content);
  return readExportLines(path, chunkBytes);
}

function writeAndRead(text: string): ExportTables {
  const path = join(t.dir, 'layout.json');
  writeFileSync(path, text);
  return readJsonExport(path);
}
beforeEach(async () => {
  t = await tempStore();
  seedNetwork(t.store, 12, 3);
  // Text that looks like the layout's own punctuation, escapes, and characters outside Latin-1.
  t.store.sqlite
    .prepare(`UPDATE contacts SET notes = ? WHERE id = 1`)
    .run('ends like a table ]]},\n"quoted" \\ back\tslash ]}}} Yılmaz 🌍');
  t.store.sqlite.prepare(`UPDATE contacts SET notes = ? WHERE id = 2`).run(']},');
  out = join(t.dir, 'export.json');
  writeJsonExport(t.store.sqlite, out, new Date('2026-02-02T00:00:00Z'));
});
afterEach(async () => {
  await t.cleanup();
});

describe('reading an export line by line', () => {
  it('gives exactly what JSON.parse gives for the writer’s own files, empty tables included', () => {
    const bytes = readFileSync(out);
    const expected = JSON.parse(bytes.toString('utf8')) as { tables: Record<string, { rows: unknown[] }> };
    expect(Object.values(expected.tables).some((d) => d.rows.length === 0)).toBe(true);
    const doc = readExportLines(out);
    expect(doc).not.toBeNull();
    expect(materialise(doc)).toEqual(expected);
    // Read through a buffer smaller than a line: lines cross reads, and the buffer grows for them.
    for (const chunk of [1, 7, 64]) expect(materialise(readExportLines(out, chunk))).toEqual(expected);
    expect(restored(readJsonExport(out))).toEqual(
      Object.fromEntries(Object.entries(expected.tables).map(([name, d]) => [name, d.rows])),
    );
  });

  it('declines other layouts of the same document, which are then parsed whole to the same result', () => {
    const text = readFileSync(out, 'utf8');
    const expected = JSON.parse(text) as { tables: Record<string, { rows: unknown[] }> };
    const rows = Object.fromEntries(Object.entries(expected.tables).map(([name, d]) => [name, d.rows]));
    const layouts = [
      JSON.stringify(expected),
      JSON.stringify(expected, null, 2),
      text.replace(/\n/g, '\r\n'),
      text.replace('"rows":[\n[', '"rows":[ \n['),
    ];
    for (const layout of layouts) {
      expect(linesOf(layout)).toBeNull();
      expect(restored(writeAndRead(layout))).toEqual(rows);
    }
  });

  it('declines a repeated table (JSON keeps the last one) and a document cut short', () => {
    const text = readFileSync(out, 'utf8');
    const repeated = text.replace(
      '\n"contacts":{',
      '\n"contact_tags":{"columns":[],"rows":[]},\n"contacts":{',
    );
    expect(repeated).not.toBe(text);
    expect(linesOf(repeated)).toBeNull();
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    expect(linesOf(cut.slice(0, cut.lastIndexOf('\n')))).toBeNull();
    expect(() => writeAndRead(cut)).toThrow(/does not parse/);
  });

  it('refuses a file whose row, found only when the restore reaches it, does not parse, writing nothing', async () => {
    const lines = readFileSync(out, 'utf8').split('\n');
    const opening = lines.findIndex((l) => l.startsWith('"contacts":'));
    const broken = [...lines];
    broken[opening + 3] = '[oops],';
    const short = [...lines];
    short[opening + 2] = '[1],';
    const fresh = await openStore(join(t.dir, 'fresh.sqlite'));
    try {
      expect(() => restoreJsonExport(fresh.sqlite, writeAndRead(broken.join('\n')))).toThrow(
        /row 3 of table contacts does not parse/,
      );
      expect(() => restoreJsonExport(fresh.sqlite, writeAndRead(short.join('\n')))).toThrow(
        /table contacts has a row whose length does not match/,
      );
      for (const table of ['contacts', 'contact_circles', 'interactions']) {
        expect(fresh.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      }
      // And the untouched file still restores completely.
      restoreJsonExport(fresh.sqlite, readJsonExport(out));
      expect(fresh.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(12);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a file changed between its check and its restore, writing nothing', async () => {
    const doc = readJsonExport(out);
    const lines = readFileSync(out, 'utf8').split('\n');
    const opening = lines.findIndex((l) => l.startsWith('"interactions":'));
    // The interactions' rows replaced by a line that is no row, after the layout was checked.
    writeFileSync(out, [...lines.slice(0, opening + 1), 'not a row', ...lines.slice(opening + 1)].join('\n'));
    const fresh = await openStore(join(t.dir, 'fresh.sqlite'));
    try {
      expect(() => restoreJsonExport(fresh.sqlite, doc)).toThrow(
        /row 1 of table \w+ does not parse \(the file changed while it was being read\)/,
      );
      expect(fresh.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('agrees with JSON.parse on any rows the writer could write (property)', () => {
    const cell = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(']},', ']]}}}', '],', '\n', '"', null),
      fc.record({ $base64: fc.base64String() }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 96 }),
        (rows, chunkBytes) => {
          const path = join(t.dir, 'rows.json');
          const doc = JSON.parse(readFileSync(out, 'utf8')) as {
            tables: Record<string, { columns: string[]; rows: unknown[] }>;
          };
          // Laid out as the writer does, with the generated rows in a two-column table.
          const tables = { ...doc.tables, contact_circles: { columns: ['contact_id', 'circle'], rows } };
          const header = JSON.stringify({ ...doc, tables: undefined }).slice(0, -1);
          const body = Object.entries(tables)
            .map(
              ([name, d]) =>
                `\n${JSON.stringify(name)}:{"columns":${JSON.stringify(d.columns)},"rows":[` +
                d.rows.map((r, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('') +
                ']}',
            )
            .join(',');
          writeFileSync(path, `${header},"tables":{${body}}}\n`);
          const bytes = readFileSync(path);
          expect(materialise(readExportLines(path, chunkBytes))).toEqual(JSON.parse(bytes.toString('utf8')));
        },
      ),
      { numRuns: 100 },
    );
  });
});
