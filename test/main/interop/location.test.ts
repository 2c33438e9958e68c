import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed, commitPreview, previewContacts } from '../../../src/main/interop/contactsImport';
import { undoContactsImport } from '../../../src/main/interop/commit';
import { exportTo } from '../../../src/main/interop/exports';
import { readContactsFile } from '../../../src/main/interop/read';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call } from '../journal/call';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const request = () => ({
  circle: 'colleague' as const,
  now: new Date('2026-05-01T10:00:00Z'),
  dataDir: t.dir,
});
const bytes = (text: string) => new TextEncoder().encode(text);
const locations = (name: string, text: string) =>
  Object.fromEntries(readContactsFile(name, bytes(text)).contacts.map((c) => [c.displayName, c.location]));
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('locations from contact files', () => {
  it('reads a vCard address as city, region and country, a work address before a home one', () => {
    const text = crlf([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ana Souza',
      'ADR;TYPE=home:;;Rua Augusta 10;Lisboa;;1100-053;Portugal',
      'ADR;TYPE=work:;;Friedrichstr. 1;Berlin;;10117;Germany',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Tim Cook',
      'item1.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Only A Street',
      'ADR:;;1 Main St;;;;',
      'END:VCARD',
    ]);
    expect(locations('people.vcf', text)).toEqual({
      'Ana Souza': 'Berlin, Germany',
      'Tim Cook': 'Cupertino, CA, United States',
      'Only A Street': null,
    });
  });

  it('reads Google, Outlook and plain CSV address columns', () => {
    const google = crlf([
      'First Name,Last Name,E-mail 1 - Value,Address 1 - Label,Address 1 - City,Address 1 - Region,Address 1 - Country',
      'Ana,Souza,ana@example.com,Work,São Paulo,SP,Brazil',
      'Ben,Okri,ben@example.com,,,,',
    ]);
    expect(locations('google.csv', google)).toEqual({
      'Ana Souza': 'São Paulo, SP, Brazil',
      'Ben Okri': null,
    });
    const outlook = crlf([
      'First Name,Last Name,E-mail Address,Business City,Business State,Business Country/Region,Home City,Home Country/Region',
      'Hélène,Dubois,helene@example.com,Paris,,France,Lyon,France',
      'Jürgen,Müller,juergen@example.com,,,,München,Germany',
    ]);
    expect(locations('outlook.csv', outlook)).toEqual({
      'Hélène Dubois': 'Paris, France',
      'Jürgen Müller': 'München, Germany',
    });
    const plain = crlf(['Name,Email,Location', 'Mei Lin,mei@example.com,"Taipei, Taiwan"']);
    expect(locations('people.csv', plain)).toEqual({ 'Mei Lin': 'Taipei, Taiwan' });
    const cityColumns = crlf(['Name,Email,City,Country', 'Kofi Mensah,kofi@example.com,Accra,Ghana']);
    expect(locations('people.csv', cityColumns)).toEqual({ 'Kofi Mensah': 'Accra, Ghana' });
  });

  it('fills an empty location of a matched contact, keeps one the user set, and an undo takes it back', async () => {
    const empty = await addContact(t.ctx, 'Ana Souza', { emails: [{ email: 'ana@example.com' }] });
    const set = await addContact(t.ctx, 'Ben Okri', {
      emails: [{ email: 'ben@example.com' }],
      location: 'Lagos',
    });
    const file = crlf([
      'Name,Email,Location',
      'Ana Souza,ana@example.com,"Porto, Portugal"',
      'Ben Okri,ben@example.com,London',
    ]);
    const preview = previewContacts(t.store, 'people.csv', bytes(file));
    const ana = preview.items.find((i) => i.displayName === 'Ana Souza');
    expect(ana?.changes).toEqual([{ field: 'Location', from: null, to: 'Porto, Portugal' }]);
    expect(preview.items.find((i) => i.displayName === 'Ben Okri')?.changes).toEqual([]);
    const outcome = await commitPreview(t.store, preview.previewId, request());
    expect((await call(t.ctx, 'contacts:get', { id: empty })).location).toBe('Porto, Portugal');
    expect((await call(t.ctx, 'contacts:get', { id: set })).location).toBe('Lagos');
    undoContactsImport(t.store.sqlite, outcome.importId, new Date('2026-05-02T10:00:00Z'));
    expect((await call(t.ctx, 'contacts:get', { id: empty })).location).toBeNull();
  });

  it('an undo recorded before locations existed leaves the location as it is', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', { emails: [{ email: 'ana@example.com' }] });
    const file = crlf(['Name,Email,Title', 'Ana Souza,ana@example.com,CTO']);
    const outcome = await commitParsed(t.store, readContactsFile('people.csv', bytes(file)), request());
    // What an older Rapport wrote: the contact's "before" without a location.
    const before = JSON.parse(
      t.store.sqlite
        .prepare(`SELECT before FROM contact_import_changes WHERE contact_id = ?`)
        .pluck()
        .get(ana) as string,
    ) as Record<string, unknown>;
    delete before.location;
    t.store.sqlite
      .prepare(`UPDATE contact_import_changes SET before = ? WHERE contact_id = ?`)
      .run(JSON.stringify(before), ana);
    t.store.sqlite.prepare(`UPDATE contacts SET location = 'Porto' WHERE id = ?`).run(ana);
    undoContactsImport(t.store.sqlite, outcome.importId, new Date('2026-05-02T10:00:00Z'));
    const after = await call(t.ctx, 'contacts:get', { id: ana });
    expect([after.title, after.location]).toEqual([null, 'Porto']);
  });

  it('goes out in the CSV and vCard exports and comes back in', async () => {
    await addContact(t.ctx, 'Ana Souza', { location: 'New York, NY, USA' });
    await addContact(t.ctx, 'Ben Okri', { location: 'Lagos' });
    await addContact(t.ctx, 'Cy Twombly');
    for (const format of ['csv', 'vcard'] as const) {
      const out = join(t.dir, `all.${format}`);
      exportTo(t.store.sqlite, format, out);
      expect(locations(`all.${format === 'csv' ? 'csv' : 'vcf'}`, readFileSync(out, 'utf8'))).toEqual({
        'Ana Souza': 'New York, NY, USA',
        'Ben Okri': 'Lagos',
        'Cy Twombly': null,
      });
    }
    const markdownDir = join(t.dir, 'md');
    exportTo(t.store.sqlite, 'markdown', markdownDir);
    const ana = readdirSync(markdownDir).find((f) => f.startsWith('ana-souza'))!;
    expect(readFileSync(join(markdownDir, ana), 'utf8')).toContain('\nLocation: New York, NY, USA  \n');
  });
});
