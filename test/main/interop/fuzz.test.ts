import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { AppError } from '../../../src/shared/ipc/envelope';
import { commitContactsImport, undoContactsImport } from '../../../src/main/interop/commit';
import { loadExisting } from '../../../src/main/interop/existing';
import { planImport } from '../../../src/main/interop/plan';
import { readContactsFile } from '../../../src/main/interop/read';
import { fixture } from './fixtures';

/**
 * Fuzzing the importers: structure-aware files and byte mutations of the real fixtures.
 * Every input must either be refused with an IMPORT error or import completely: the
 * number of contacts afterwards is exactly the number before plus those reported created.
 */
let store: Store;
let seeded = 0;
beforeAll(async () => {
  store = await openStore(':memory:');
  // A few stored people for the fuzzed rows to match against; everything imported is removed after each input.
  importOnce('seed.vcf', fixture('apple-3.0.vcf'));
  importOnce('seed.csv', fixture('google-contacts.csv'));
  seeded = store.sqlite.prepare('SELECT max(id) FROM contacts').pluck().get() as number;
});
afterAll(async () => {
  await store.close();
});

const count = () => store.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number;

function importOnce(name: string, data: Uint8Array): void {
  let parsed;
  try {
    parsed = readContactsFile(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT');
    return;
  }
  for (const c of parsed.contacts) {
    expect(c.displayName.length).toBeGreaterThan(0);
    expect(c.displayName.length).toBeLessThanOrEqual(200);
  }
  const before = count();
  const plan = planImport(parsed, loadExisting(store.sqlite));
  const outcome = commitContactsImport(store.sqlite, parsed, plan, {
    circle: 'other',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  expect(count()).toBe(before + outcome.created);
  expect(outcome.created + outcome.updated + outcome.unchanged).toBe(plan.items.length);
  if (seeded > 0) {
    // Keep the database small, so each input costs the same; undo proves itself on the way.
    undoContactsImport(store.sqlite, outcome.importId, new Date());
    expect(count()).toBe(before);
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    '\n',
    '\r\n',
    ',',
    'a,b',
    '"quoted, comma"',
    'ünï',
    '😀',
    ' ::: ',
    '=1+1',
    'x@y.z',
    '+1 555',
    '* Anniversary',
    '--02-29',
    '4/12/1985',
    '0/0/00',
  ),
  fc.emailAddress(),
  fc.webUrl(),
);
const csvColumns = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
  'E-mail 1 - Value',
  'Phone 1 - Value',
  'Labels',
  'Birthday',
  'Notes',
  'Job Title',
  'Categories',
  'Name',
  'Custom Field 1 - Label',
  'Custom Field 1 - Value',
  'Event 1 - Type',
  'Event 1 - Value',
  'Event 2 - Label',
  'Event 2 - Value',
  'Anniversary',
];
const csvFile = fc
  .tuple(
    fc.subarray(csvColumns, { minLength: 1 }),
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, preamble, eol]) => {
    const line = (cells: string[]) =>
      cells.map((c) => (/[",\n\r]/.test(c) && c !== '"' ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    return `${preamble ? 'Notes:\n"Some notes, about the export"\n\n' : ''}${[line(header), ...rows.map(line)].join(eol)}${eol}`;
  });

const vcardValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    ';;;',
    '\\n',
    '\\,',
    'data:image/png;base64,iVBORw0KGgo=',
    '--0415',
    '19900405',
    '2016-02-29',
    '--0230',
    '_$!<Anniversary>!$_',
    'tel:+1-555',
    ':::',
    '😀',
  ),
  fc.emailAddress(),
  fc.webUrl(),
);
const vcardProp = fc.tuple(
  fc.constantFrom(
    'FN',
    'N',
    'ORG',
    'TITLE',
    'EMAIL',
    'TEL',
    'URL',
    'BDAY',
    'NOTE',
    'CATEGORIES',
    'PHOTO',
    'X-FOO',
    'item1.EMAIL',
    'VERSION',
    'X-RAPPORT-FIELD',
    'X-RAPPORT-DATE',
    'ANNIVERSARY',
    'item1.X-ABDATE',
    'item1.X-ABLabel',
  ),
  fc.constantFrom(
    '',
    ';TYPE=work',
    ';type=INTERNET;type=pref',
    ';ENCODING=b;TYPE=PNG',
    ';VALUE=uri',
    ';X="a:b"',
    ';X-LABEL="Team: a;b"',
    ';X-LABEL="Anniversary"',
    ';X-LABEL="^\'x^n"',
    ';X-APPLE-OMIT-YEAR=1604',
    ';',
  ),
  vcardValue,
);
const vcardFile = fc
  .array(
    fc.tuple(fc.constantFrom('3.0', '4.0', '2.1'), fc.array(vcardProp, { maxLength: 8 }), fc.boolean()),
    { maxLength: 5 },
  )
  .map((cards) =>
    cards
      .map(
        ([version, props, ends]) =>
          `BEGIN:VCARD\r\nVERSION:${version}\r\n${props.map(([n, p, v]) => `${n}${p}:${v.replace(/\r?\n/g, ' ')}`).join('\r\n')}\r\n${ends ? 'END:VCARD\r\n' : ''}`,
      )
      .join(''),
  );

/** Flips, inserts and deletes bytes of a real file. */
function mutations(base: Uint8Array) {
  return fc
    .array(
      fc.tuple(
        fc.nat(base.length),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('set', 'insert', 'delete', 'cut'),
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((edits) => {
      const out = [...base];
      for (const [at, value, op] of edits) {
        const i = Math.min(at, out.length);
        if (op === 'set' && i < out.length) out[i] = value;
        else if (op === 'insert') out.splice(i, 0, value);
        else if (op === 'delete') out.splice(i, 1);
        else if (op === 'cut') out.length = i;
      }
      return new Uint8Array(out);
    });
}

describe('importer fuzzing', () => {
  it('CSV: 1,000 structured files and 1,000 byte mutations never crash or half-import', () => {
    fc.assert(
      fc.property(csvFile, (text) => importOnce('f.csv', new Uint8Array(Buffer.from(text)))),
      { numRuns: 1000, seed: 42 },
    );
    const bases = [
      'linkedin-Connections.csv',
      'google-contacts.csv',
      'outlook-contacts-utf16.csv',
      'outlook-contacts-1252.csv',
    ].map(fixture);
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1).chain((i) => mutations(bases[i])),
        (data) => importOnce('m.csv', data),
      ),
      { numRuns: 1000, seed: 43 },
    );
  }, 300_000);

  it('vCard: 1,000 structured files and 1,000 byte mutations never crash or half-import', () => {
    fc.assert(
      fc.property(vcardFile, (text) => importOnce('f.vcf', new Uint8Array(Buffer.from(text)))),
      { numRuns: 1000, seed: 44 },
    );
    const bases = ['apple-3.0.vcf', 'contacts-4.0.vcf'].map(fixture);
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1).chain((i) => mutations(bases[i])),
        (data) => importOnce('m.vcf', data),
      ),
      { numRuns: 1000, seed: 45 },
    );
  }, 300_000);
});
