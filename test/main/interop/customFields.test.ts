import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed, commitPreview, previewContacts } from '../../../src/main/interop/contactsImport';
import { undoContactsImport } from '../../../src/main/interop/commit';
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

const request = () => ({
  circle: 'colleague' as const,
  now: new Date('2026-05-01T10:00:00.000Z'),
  dataDir: t.dir,
});

const fieldsOf = (contactId: number) =>
  t.store.sqlite
    .prepare(
      `SELECT label, value, position FROM contact_custom_fields WHERE contact_id = ? ORDER BY position`,
    )
    .all(contactId);

const found = (text: string) =>
  t.store.sqlite.prepare(`SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?`).pluck().get(text);

const stored = (fields: ContactFieldsInput) =>
  insertContact(t.store.db, contactFields.parse(fields), '2026-01-01T00:00:00.000Z');

/** A vCard 4.0 card as Rapport exports one, with its custom fields. */
const card = (name: string, email: string, fields: Array<[string, string]>) =>
  [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${name}`,
    `EMAIL:${email}`,
    ...fields.map(([label, value]) => `X-RAPPORT-FIELD;X-LABEL="${label}":${value}`),
    'END:VCARD',
  ].join('\r\n');
const vcf = (...cards: string[]) => new Uint8Array(Buffer.from(cards.join('\r\n')));

/** A Google Contacts CSV with one person and the given custom field pairs. */
function googleCsv(pairs: Array<[string, string]>): Uint8Array {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const header = ['First Name', 'Last Name', 'E-mail 1 - Label', 'E-mail 1 - Value'].concat(
    pairs.flatMap((_, i) => [`Custom Field ${i + 1} - Label`, `Custom Field ${i + 1} - Value`]),
  );
  const row = ['Noor', 'Haddad', '* Work', 'noor@haddad.example', ...pairs.flat()];
  return new Uint8Array(Buffer.from(`${header.join(',')}\r\n${row.map(quote).join(',')}\r\n`));
}

describe('custom fields in a contacts import', () => {
  it('reads Google\'s custom field columns: a "* " label unstarred, a blank pair passed over', async () => {
    const r = readContactsFile('contacts.csv', fixture('google-custom-fields.csv'));
    expect(r.format).toBe('google');
    expect(r.contacts.map((c) => [c.displayName, c.customFields])).toEqual([
      [
        'Priya Raman',
        [
          { label: 'Team', value: 'Platform' },
          { label: 'Expertise', value: 'Kubernetes, Go' },
        ],
      ],
      [
        'Tomás Herrera',
        [
          { label: 'Desk', value: '4F' },
          { label: 'Allergy', value: 'Peanuts\nand tree nuts' },
        ],
      ],
      [
        'Lena Fischer',
        [
          { label: 'Team', value: 'Search' },
          { label: 'Pronouns', value: 'she/her' },
        ],
      ],
    ]);
    // Created with the contacts, searchable, and gone with them when the import is undone.
    const outcome = await commitParsed(t.store, r, request());
    const priya = t.store.sqlite
      .prepare(`SELECT id FROM contacts WHERE display_name = 'Priya Raman'`)
      .pluck()
      .get() as number;
    expect(fieldsOf(priya)).toEqual([
      { label: 'Team', value: 'Platform', position: 0 },
      { label: 'Expertise', value: 'Kubernetes, Go', position: 1 },
    ]);
    expect(found('kubernetes')).toBe(1);
    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      deletedContacts: 3,
    });
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM contact_custom_fields`).pluck().get()).toBe(0);
    expect(found('kubernetes')).toBe(0);
  });

  it('leaves out a label over 60 characters with a warning, and keeps the other fields of the row', () => {
    const r = readContactsFile('contacts.csv', fixture('google-custom-fields.csv'));
    const lena = r.contacts.find((c) => c.displayName === 'Lena Fischer');
    expect(lena?.customFields.map((f) => f.label)).toEqual(['Team', 'Pronouns']);
    expect(r.warnings).toEqual([
      {
        row: lena?.row,
        message:
          'The custom field name "Favourite talk at the 2024 Distributed Systems Summit, Lisbo..." is longer than 60 characters; left out.',
      },
    ]);
  });

  it('warns of every pair it cannot keep: no name, a value too long, a label twice, more than 30', () => {
    const many = Array.from({ length: 31 }, (_, i): [string, string] => [`Field ${i + 1}`, `v${i + 1}`]);
    const r = readContactsFile(
      'contacts.csv',
      googleCsv([
        ['', 'no label'],
        ['Bio', 'x'.repeat(2001)],
        ['Team', 'Platform'],
        ['  team ', 'Platform'],
        ['TEAM', 'Search'],
        ...many,
      ]),
    );
    expect(r.warnings.map((w) => w.message)).toEqual([
      'A custom field without a name ("no label") was left out.',
      'The value of the custom field "Bio" is longer than 2000 characters; left out.',
      'The custom field "TEAM" appears twice; only the first value was kept.',
      'Only the first 30 custom fields were kept.',
    ]);
    const [noor] = r.contacts;
    expect(noor.customFields).toHaveLength(30);
    expect(noor.customFields.slice(0, 2)).toEqual([
      { label: 'Team', value: 'Platform' },
      { label: 'Field 1', value: 'v1' },
    ]);
  });

  it('merging adds only the labels the contact lacks; the undo takes exactly those back', async () => {
    const ana = await stored({
      displayName: 'Ana Souza',
      emails: [{ email: 'ana@example.com' }],
      customFields: [{ label: 'Team', value: 'Platform' }],
    });
    const tables = dataTables(t.store.sqlite).filter(
      (x) => !['imports', 'contact_import_changes'].includes(x),
    );
    const before = dumpTables(t.store, tables);
    const preview = previewContacts(
      t.store,
      'ana.vcf',
      vcf(
        card('Ana Souza', 'ana@example.com', [
          ['team', 'Search'],
          ['Desk', '4F'],
        ]),
      ),
    );
    const [item] = preview.items;
    expect(item).toMatchObject({ action: 'update', match: { contactId: ana, by: 'email' } });
    expect(item.changes).toEqual([{ field: 'Desk', from: null, to: '4F' }]);
    const outcome = await commitPreview(t.store, preview.previewId, request());
    expect(outcome).toMatchObject({ created: 0, updated: 1 });
    expect(fieldsOf(ana)).toEqual([
      { label: 'Team', value: 'Platform', position: 0 },
      { label: 'Desk', value: '4F', position: 1 },
    ]);
    expect(found('4f')).toBe(1);

    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      restoredContacts: 1,
    });
    expect(fieldsOf(ana)).toEqual([{ label: 'Team', value: 'Platform', position: 0 }]);
    expect(found('4f')).toBe(0);
    expect(dumpTables(t.store, tables)).toEqual(before);
  });

  it('undoing an import recorded before custom fields existed leaves them as they are', async () => {
    const ana = await stored({ displayName: 'Ana Souza', emails: [{ email: 'ana@example.com' }] });
    const outcome = await commitParsed(
      t.store,
      readContactsFile('ana.vcf', vcf(card('Ana Souza', 'ana@example.com', [['Desk', '4F']]))),
      request(),
    );
    t.store.sqlite
      .prepare(`UPDATE contact_import_changes SET before = json_remove(before, '$.customFields')`)
      .run();
    expect(undoContactsImport(t.store.sqlite, outcome.importId, new Date())).toMatchObject({
      restoredContacts: 1,
    });
    expect(fieldsOf(ana)).toEqual([{ label: 'Desk', value: '4F', position: 0 }]);
  });
});
