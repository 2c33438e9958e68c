import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed, commitPreview, previewContacts } from '../../../src/main/interop/contactsImport';
import { undoContactsImport } from '../../../src/main/interop/commit';
import { exportTo } from '../../../src/main/interop/exports';
import { loadContactsForExport } from '../../../src/main/interop/exportData';
import { readContactsFile } from '../../../src/main/interop/read';
import { dataTables } from '../../../src/main/interop/jsonExport';
import { insertContact } from '../../../src/main/contacts/repository';
import { contactFields, type ContactFieldsInput } from '../../../src/shared/contacts/schemas';
import { tempStore, type TempStore } from '../../support/store';
import { dumpTables } from './seed';
import { fixture } from './fixtures';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const request = (dataDir = t.dir) => ({
  circle: 'colleague' as const,
  now: new Date('2026-05-01T10:00:00.000Z'),
  dataDir,
});

const datesOf = (contactId: number) =>
  t.store.sqlite
    .prepare(
      `SELECT label, date, position FROM contact_important_dates WHERE contact_id = ? ORDER BY position`,
    )
    .all(contactId);

const idOf = (name: string) =>
  t.store.sqlite.prepare(`SELECT id FROM contacts WHERE display_name = ?`).pluck().get(name) as number;

const stored = (fields: ContactFieldsInput) =>
  insertContact(t.store.db, contactFields.parse(fields), '2026-01-01T00:00:00.000Z');

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const vcf = (...cards: string[][]) =>
  bytes(cards.map((lines) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n')).join('\r\n'));

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const csvOf = (header: string[], ...rows: string[][]) =>
  bytes([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');

/** Google's older layout ("Event 1 - Type"): one person with the given event pairs. */
const googleLegacy = (pairs: Array<[string, string]>) =>
  csvOf(
    [
      'Given Name',
      'Family Name',
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      ...pairs.flatMap((_, i) => [`Event ${i + 1} - Type`, `Event ${i + 1} - Value`]),
    ],
    ['Noor', 'Haddad', '* Work', 'noor@haddad.example', ...pairs.flat()],
  );

/** Dates whose labels need every escape a vCard parameter has, year-less ones and 29 February. */
const tricky = [
  { label: 'Met at "Café Ñ"; Lisbon, 2019', date: '2019-12-03' },
  { label: 'x^2 ^n caret', date: '--06-14' },
  // The user's spelling, which vCard 4.0's ANNIVERSARY beside it must not replace.
  { label: 'anniversary', date: '2010-06-14' },
  { label: "Maya's birthday 🎂", date: '--02-29' },
  { label: 'Leap wedding', date: '2016-02-29' },
];

describe('important dates in the vCard export and import', () => {
  it('come back as written: escaped labels, year-less dates, 29 February, an anniversary once', async () => {
    const ana = await stored({
      displayName: 'Ana Souza',
      emails: [{ email: 'ana@example.com' }],
      birthday: '1985-04-12',
      importantDates: tricky,
    });
    // A line break cannot come from the form, only from an older file: it must not break the card.
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_important_dates (contact_id, label, date, position) VALUES (?, 'Two' || char(10) || 'lines', '1999-01-31', 5)`,
      )
      .run(ana);
    const out = join(t.dir, 'all.vcf');
    exportTo(t.store.sqlite, 'vcard', out);
    const text = readFileSync(out, 'utf8').replace(/\r\n /g, '');
    expect(text).toContain(`\r\nX-RAPPORT-DATE;X-LABEL="Met at ^'Café Ñ^'; Lisbon, 2019":20191203\r\n`);
    expect(text).toContain(`\r\nX-RAPPORT-DATE;X-LABEL="x^^2 ^^n caret":--0614\r\n`);
    expect(text).toContain(`\r\nX-RAPPORT-DATE;X-LABEL="Two^nlines":19990131\r\n`);
    expect(text).toContain(`\r\nBDAY:19850412\r\n`);
    // Other apps read vCard 4.0's own property for the anniversary.
    expect(text.match(/^ANNIVERSARY:.*$/gm)).toEqual(['ANNIVERSARY:20100614']);

    const other = await tempStore();
    try {
      const parsed = readContactsFile('all.vcf', new Uint8Array(readFileSync(out)));
      expect(parsed.warnings).toEqual([]);
      await commitParsed(other.store, parsed, request(other.dir));
      const [back] = loadContactsForExport(other.store.sqlite);
      // A label is one line, as the form stores it.
      expect(back.importantDates).toEqual([...tricky, { label: 'Two lines', date: '1999-01-31' }]);
      expect(back.birthday).toBe('1985-04-12');
    } finally {
      await other.cleanup();
    }
  });

  it("reads Apple's X-ABDATE by its group's X-ABLabel, built-in labels unwrapped, a year left out as Apple says", () => {
    const r = readContactsFile(
      'apple.vcf',
      vcf([
        'VERSION:3.0',
        'FN:Grace Hopper',
        'N:Hopper;Grace;;;',
        'item1.X-ABDATE;type=pref:2010-06-14',
        'item1.X-ABLabel:_$!<Anniversary>!$_',
        'item2.X-ABLabel:_$!<Other>!$_',
        'item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-11-02',
        'item3.X-ABDATE:2019-12-03',
        'item3.X-ABLabel:Work anniversary',
        'item4.X-ABDATE;X-APPLE-OMIT-YEAR=1900:1900-03-09',
        'item4.X-ABLabel:Maya’s birthday',
        'item5.X-ABDATE:20200101',
      ]),
    );
    expect(r.warnings).toEqual([]);
    expect(r.contacts[0].importantDates).toEqual([
      { label: 'Anniversary', date: '2010-06-14' },
      { label: 'Other', date: '--11-02' },
      { label: 'Work anniversary', date: '2019-12-03' },
      { label: 'Maya’s birthday', date: '--03-09' },
      { label: 'Date', date: '2020-01-01' },
    ]);
  });

  it("reads vCard 4.0's ANNIVERSARY, and ours beside it as one date", () => {
    const r = readContactsFile(
      'cards.vcf',
      vcf(
        ['VERSION:4.0', 'FN:Ana Souza', 'ANNIVERSARY:20100614'],
        ['VERSION:4.0', 'FN:Kwame Mensah', 'ANNIVERSARY:--0614', 'BDAY:--0412'],
        [
          'VERSION:4.0',
          'FN:Mei Lin',
          'X-RAPPORT-DATE;X-LABEL="anniversary":20100614',
          'ANNIVERSARY:2010-06-14',
          'X-RAPPORT-DATE;X-LABEL=Date:2020-01-01',
          'X-RAPPORT-DATE:2021-01-01',
        ],
        [
          'VERSION:4.0',
          'FN:Omar Haddad',
          'ANNIVERSARY:20100614',
          'X-RAPPORT-DATE;X-LABEL=Anniversary:20110614',
        ],
      ),
    );
    expect(r.contacts.map((c) => [c.displayName, c.importantDates])).toEqual([
      ['Ana Souza', [{ label: 'Anniversary', date: '2010-06-14' }]],
      ['Kwame Mensah', [{ label: 'Anniversary', date: '--06-14' }]],
      [
        'Mei Lin',
        [
          { label: 'anniversary', date: '2010-06-14' },
          { label: 'Date', date: '2020-01-01' },
        ],
      ],
      ['Omar Haddad', [{ label: 'Anniversary', date: '2010-06-14' }]],
    ]);
    expect(r.contacts[1].birthday).toBe('--04-12');
    expect(r.warnings).toEqual([
      { row: 3, message: 'The date "Date" appears twice with different days; only the first was kept.' },
      {
        row: 4,
        message: 'The date "Anniversary" appears twice with different days; only the first was kept.',
      },
    ]);
  });
});

describe('important dates in CSV imports', () => {
  it("reads Google's event columns into new contacts, which an undo takes away again", async () => {
    const r = readContactsFile('contacts.csv', fixture('google-events.csv'));
    expect(r.format).toBe('google');
    expect(r.contacts.map((c) => [c.displayName, c.importantDates])).toEqual([
      [
        'Priya Raman',
        [
          { label: 'Anniversary', date: '2015-06-14' },
          { label: 'Work anniversary', date: '2019-12-03' },
        ],
      ],
      [
        'Tomás Herrera',
        [
          { label: 'Date', date: '--02-29' },
          { label: "Maya's birthday", date: '--05-14' },
        ],
      ],
      [
        'Lena Fischer',
        [
          { label: 'Started in this role', date: '2024-01-08' },
          { label: 'Graduation', date: '2010-07-01' },
        ],
      ],
    ]);
    expect(r.warnings).toEqual([
      { row: 2, message: 'The date "Anniversary" ("2010-02-30") is not a real day; left out.' },
    ]);
    expect(r.contacts[0].birthday).toBe('1988-03-02');

    const outcome = await commitParsed(t.store, r, request());
    expect(datesOf(idOf('Priya Raman'))).toEqual([
      { label: 'Anniversary', date: '2015-06-14', position: 0 },
      { label: 'Work anniversary', date: '2019-12-03', position: 1 },
    ]);
    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      deletedContacts: 3,
    });
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM contact_important_dates`).pluck().get()).toBe(0);
  });

  it('warns of every date it cannot keep: not a day, a name too long, a name twice, more than 20', () => {
    const many = Array.from({ length: 20 }, (_, i): [string, string] => [`Day ${i + 1}`, '2020-01-01']);
    const r = readContactsFile(
      'contacts.csv',
      googleLegacy([
        ['Anniversary', '19850412'],
        ['Wedding', '13/45/2001'],
        ['x'.repeat(61), '2001-01-01'],
        [' anniversary ', '1985-04-12'],
        ['ANNIVERSARY', '1986-04-12'],
        ['', ''],
        ...many,
      ]),
    );
    expect(r.warnings.map((w) => w.message)).toEqual([
      'The date "Wedding" ("13/45/2001") is not a real day; left out.',
      `The date name "${'x'.repeat(60)}..." is longer than 60 characters; left out.`,
      'The date "ANNIVERSARY" appears twice with different days; only the first was kept.',
      'Only the first 20 important dates were kept.',
    ]);
    const [noor] = r.contacts;
    expect(noor.importantDates).toHaveLength(20);
    expect(noor.importantDates.slice(0, 2)).toEqual([
      { label: 'Anniversary', date: '1985-04-12' },
      { label: 'Day 1', date: '2020-01-01' },
    ]);
  });

  it("reads Outlook's Anniversary column as US dates, its 0/0/00 as none", () => {
    const r = readContactsFile(
      'outlook.csv',
      csvOf(
        ['First Name', 'Last Name', 'E-mail Address', 'Job Title', 'Birthday', 'Anniversary'],
        ['Hélène', 'Dubois', 'helene@fabrikam.example', 'CFO', '4/17/1979', '6/14/2010'],
        ['Jürgen', 'Müller', 'juergen@contoso.example', 'Lead', '0/0/00', '0/0/00'],
        ['Ana', 'Souza', 'ana@northwind.example', '', '', '2/30/2010'],
      ),
    );
    expect(r.format).toBe('outlook');
    expect(r.contacts.map((c) => c.importantDates)).toEqual([
      [{ label: 'Anniversary', date: '2010-06-14' }],
      [],
      [],
    ]);
    expect(r.warnings).toEqual([
      { row: 3, message: 'The date "Anniversary" ("2/30/2010") is not a real day; left out.' },
    ]);
  });
});

describe('important dates merged into a stored contact', () => {
  const card = (...dates: string[]) =>
    vcf(['VERSION:4.0', 'FN:Ana Souza', 'EMAIL:ana@example.com', ...dates]);

  it('adds only the labels the contact lacks; the undo takes exactly those back', async () => {
    const ana = await stored({
      displayName: 'Ana Souza',
      emails: [{ email: 'ana@example.com' }],
      importantDates: [{ label: 'Anniversary', date: '2010-06-14' }],
    });
    const tables = dataTables(t.store.sqlite).filter(
      (x) => !['imports', 'contact_import_changes'].includes(x),
    );
    const before = dumpTables(t.store, tables);
    const preview = previewContacts(
      t.store,
      'ana.vcf',
      card('ANNIVERSARY:20110101', 'X-RAPPORT-DATE;X-LABEL="Work anniversary":20191203'),
    );
    const [item] = preview.items;
    expect(item).toMatchObject({ action: 'update', match: { contactId: ana, by: 'email' } });
    expect(item.changes).toEqual([{ field: 'Work anniversary', from: null, to: '2019-12-03' }]);
    const outcome = await commitPreview(t.store, preview.previewId, request());
    expect(outcome).toMatchObject({ created: 0, updated: 1 });
    expect(datesOf(ana)).toEqual([
      { label: 'Anniversary', date: '2010-06-14', position: 0 },
      { label: 'Work anniversary', date: '2019-12-03', position: 1 },
    ]);

    // The user removes their own date after the import: the undo puts the contact back as it was.
    t.store.sqlite.prepare(`DELETE FROM contact_important_dates WHERE label = 'Anniversary'`).run();
    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      restoredContacts: 1,
    });
    expect(datesOf(ana)).toEqual([{ label: 'Anniversary', date: '2010-06-14', position: 0 }]);
    expect(dumpTables(t.store, tables)).toEqual(before);
  });

  it('undoing an import recorded before important dates existed leaves them as they are', async () => {
    const ana = await stored({ displayName: 'Ana Souza', emails: [{ email: 'ana@example.com' }] });
    const outcome = await commitParsed(
      t.store,
      readContactsFile('ana.vcf', card('X-RAPPORT-DATE;X-LABEL="Work anniversary":20191203', 'TITLE:CTO')),
      request(),
    );
    t.store.sqlite
      .prepare(`UPDATE contact_import_changes SET before = json_remove(before, '$.importantDates')`)
      .run();
    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      restoredContacts: 1,
    });
    expect(datesOf(ana)).toEqual([{ label: 'Work anniversary', date: '2019-12-03', position: 0 }]);
    expect(t.store.sqlite.prepare(`SELECT title FROM contacts WHERE id = ?`).pluck().get(ana)).toBeNull();
  });
});

describe('important dates in the CSV and Markdown exports', () => {
  it("writes Google's event columns, as many pairs as the contact with the most, and reads them back", async () => {
    await stored({
      displayName: 'Ana Souza',
      emails: [{ email: 'ana@example.com' }],
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: '=Anniversary', date: '--06-14' },
      ],
    });
    await stored({
      displayName: 'Kwame Mensah',
      importantDates: [{ label: 'Graduation', date: '2010-07-01' }],
    });
    await stored({ displayName: 'Mei Lin' });
    const out = join(t.dir, 'all.csv');
    exportTo(t.store.sqlite, 'csv', out);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/,Archived,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value$/);
    expect(lines[1]).toMatch(/,Work anniversary,2019-12-03,'=Anniversary,--06-14$/);
    expect(lines[2]).toMatch(/,Graduation,2010-07-01,,$/);
    expect(lines[3]).toMatch(/^Mei Lin,.*,,,,$/);

    const parsed = readContactsFile('all.csv', new Uint8Array(readFileSync(out)));
    expect(parsed.format).toBe('csv');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.contacts.map((c) => [c.displayName, c.importantDates])).toEqual(
      loadContactsForExport(t.store.sqlite).map((c) => [c.displayName, c.importantDates]),
    );
    expect(parsed.contacts[0].importantDates).toHaveLength(2);
  });

  it('writes a line per date among the details, after the birthday', async () => {
    const ana = await stored({
      displayName: 'Ana Souza',
      birthday: '1985-04-12',
      tags: ['lisbon'],
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
    const out = join(t.dir, 'journal');
    exportTo(t.store.sqlite, 'markdown', out);
    const md = readFileSync(join(out, `ana-souza-${ana}.md`), 'utf8');
    expect(md).toContain(
      '\nTags: lisbon  \nBirthday: 1985-04-12  \nWork anniversary: 2019-12-03  \nAnniversary: --06-14  \n',
    );
  });
});
