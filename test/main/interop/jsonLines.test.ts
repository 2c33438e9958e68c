import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonExportBytes, writeJsonExport } from '../../../src/main/interop/jsonExport';
import { readExportLines } from '../../../src/main/interop/jsonLines';
import { tempStore, type TempStore } from '../../support/store';
import { seedNetwork } from './seed';

let t: TempStore;
let out: string;
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
    const doc = readExportLines(bytes);
    expect(doc).not.toBeNull();
    expect(doc).toEqual(expected);
    expect(parseJsonExportBytes(bytes)).toEqual(expected);
  });

  it('declines other layouts of the same document, which are then parsed whole to the same result', () => {
    const text = readFileSync(out, 'utf8');
    const expected: unknown = JSON.parse(text);
    const layouts = [
      JSON.stringify(expected),
      JSON.stringify(expected, null, 2),
      text.replace(/\n/g, '\r\n'),
      text.replace('"rows":[\n[', '"rows":[ \n['),
    ];
    for (const layout of layouts) {
      const bytes = Buffer.from(layout, 'utf8');
      expect(readExportLines(bytes)).toBeNull();
      expect(parseJsonExportBytes(bytes)).toEqual(expected);
    }
  });

  it('declines a repeated table (JSON keeps the last one) and a document cut short', () => {
    const text = readFileSync(out, 'utf8');
    const repeated = text.replace(
      '\n"contacts":{',
      '\n"contact_tags":{"columns":[],"rows":[]},\n"contacts":{',
    );
    expect(repeated).not.toBe(text);
    expect(readExportLines(Buffer.from(repeated))).toBeNull();
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    expect(readExportLines(Buffer.from(cut.slice(0, cut.lastIndexOf('\n'))))).toBeNull();
    expect(() => parseJsonExportBytes(Buffer.from(cut))).toThrow(/does not parse/);
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
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
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
        expect(readExportLines(bytes)).toEqual(JSON.parse(bytes.toString('utf8')));
      }),
      { numRuns: 100 },
    );
  });
});
