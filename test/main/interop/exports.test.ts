import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed } from '../../../src/main/interop/contactsImport';
import { exportTo } from '../../../src/main/interop/exports';
import { readContactsFile } from '../../../src/main/interop/read';
import { loadContactsForExport } from '../../../src/main/interop/exportData';
import { contactsToVcard } from '../../../src/main/interop/exportVcard';
import { slugify } from '../../../src/main/interop/exportMarkdown';
import { tempStore, type TempStore } from '../../support/store';
import { fixture } from './fixtures';
import { seedNetwork } from './seed';
import { call } from '../journal/call';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const request = () => ({
  circle: 'colleague' as const,
  now: new Date('2026-05-01T00:00:00Z'),
  dataDir: t.dir,
  backup: false,
});

/** The fields a vCard or CSV carries, for comparing a contact before and after a round trip. */
function portable(sqlite: TempStore['store']['sqlite']) {
  return loadContactsForExport(sqlite).map((c) => ({
    displayName: c.displayName,
    givenName: c.givenName,
    familyName: c.familyName,
    organisation: c.organisation,
    title: c.title,
    notes: c.notes,
    birthday: c.birthday,
    emails: c.emails.map((e) => e.email),
    phones: c.phones.map((p) => p.phone),
    links: c.links.map((l) => l.url),
    tags: c.tags,
    customFields: c.customFields,
    importantDates: c.importantDates,
    photo: c.photo?.data.toString('base64') ?? null,
  }));
}

/** Custom fields whose labels and values need escaping, quoting and folding. */
function addCustomFields(sqlite: TempStore['store']['sqlite'], contactId: number): void {
  sqlite
    .prepare(
      `INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES
         (?, 'Team', 'Platform; EMEA, "core"', 0),
         (?, 'Expertise', 'Line one' || char(10) || 'Line two', 1),
         (?, 'Desk: floor; wing, "B"', 'C:\\Users\\ana \\n not a break', 2),
         (?, 'A\\B test ^n (x^2)', 'ünïcödé 😀 ' || printf('%.120c', 'é'), 3)`,
    )
    .run(contactId, contactId, contactId, contactId);
}

describe('exports', () => {
  it('vCard 4.0 export imports back into an empty database with every field', async () => {
    for (const f of [
      'apple-3.0.vcf',
      'contacts-4.0.vcf',
      'google-contacts.csv',
      'google-events.csv',
      'outlook-contacts-1252.csv',
      'linkedin-Connections.csv',
    ]) {
      await commitParsed(t.store, readContactsFile(f, fixture(f)), request());
    }
    // Text that needs escaping and folding survives too.
    t.store.sqlite
      .prepare(
        `UPDATE contacts SET notes = 'a;b,c\\d' || char(10) || 'ünïcödé ' || printf('%.200c', 'x') WHERE id = 1`,
      )
      .run();
    addCustomFields(t.store.sqlite, 1);
    const out = join(t.dir, 'all.vcf');
    const outcome = exportTo(t.store.sqlite, 'vcard', out);
    const text = readFileSync(out, 'utf8');
    expect(outcome.contacts).toBe(loadContactsForExport(t.store.sqlite).length);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.match(/^BEGIN:VCARD$/gm)).toHaveLength(outcome.contacts);

    const other = await tempStore();
    try {
      const parsed = readContactsFile('all.vcf', new Uint8Array(readFileSync(out)));
      expect(parsed.skipped).toEqual([]);
      expect(parsed.warnings).toEqual([]);
      await commitParsed(other.store, parsed, { ...request(), dataDir: other.dir });
      expect(portable(other.store.sqlite).flatMap((c) => c.customFields)).toHaveLength(4);
      expect(portable(other.store.sqlite).flatMap((c) => c.importantDates)).toHaveLength(6);
      expect(portable(other.store.sqlite)).toEqual(portable(t.store.sqlite));
    } finally {
      await other.cleanup();
    }
  });

  it('CSV export is Excel-friendly and imports back', async () => {
    await commitParsed(t.store, readContactsFile('g.csv', fixture('google-contacts.csv')), request());
    t.store.sqlite.prepare(`UPDATE contacts SET title = '=HYPERLINK("x")' WHERE id = 1`).run();
    addCustomFields(t.store.sqlite, 1);
    const out = join(t.dir, 'all.csv');
    exportTo(t.store.sqlite, 'csv', out);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFName,First Name,Last Name')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const parsed = readContactsFile('all.csv', new Uint8Array(readFileSync(out)));
    expect(parsed.format).toBe('csv');
    // The quote that guards a formula-like cell in a spreadsheet is gone again.
    expect(parsed.contacts.map((c) => c.title)).toContain('=HYPERLINK("x")');
    const grace = parsed.contacts.find((c) => c.displayName === 'Grace Hopper');
    expect(grace?.phones.map((p) => p.phone)).toEqual(['+1 202-555-0143', '+1 202-555-0199']);
    expect(grace?.tags).toEqual(['Mentors', 'Navy']);
    expect(grace?.birthday).toBe('--12-09');
    // Google's custom field columns, which carry the fields back in.
    expect(text.split('\r\n')[0]).toMatch(
      /,Custom Field 1 - Label,Custom Field 1 - Value,.*,Custom Field 4 - Value$/,
    );
    const stored = loadContactsForExport(t.store.sqlite);
    expect(stored.flatMap((c) => c.customFields)).toHaveLength(4);
    expect(parsed.contacts.map((c) => [c.displayName, c.customFields])).toEqual(
      stored.map((c) => [c.displayName, c.customFields]),
    );
    expect(parsed.warnings).toEqual([]);
  });

  it('Markdown journal: one file per contact, entries oldest first', async () => {
    seedNetwork(t.store, 5, 4);
    const out = join(t.dir, 'journal');
    const outcome = exportTo(t.store.sqlite, 'markdown', out);
    expect(outcome.files).toBe(5);
    const files = readdirSync(out).sort();
    expect(files).toContain('person-1-aero-1.md');
    const md = readFileSync(join(out, 'person-1-aero-1.md'), 'utf8');
    expect(md.startsWith('# Person 1 Ærø\n')).toBe(true);
    const dates = [...md.matchAll(/^### (\d{4}-\d{2}-\d{2})/gm)].map((m) => m[1]);
    expect(dates).toHaveLength(4);
    expect([...dates].sort()).toEqual(dates);
    expect(md).toContain('Coffee or meal: Coffee 1/0');
    // Relationships read from each contact's own end.
    const [a, b] = t.store.sqlite
      .prepare('SELECT id FROM contacts WHERE id IN (2, 3) ORDER BY id')
      .pluck()
      .all() as number[];
    await call(t.ctx, 'relationships:add', { fromId: a, toId: b, kind: 'reports_to', note: 'since May' });
    exportTo(t.store.sqlite, 'markdown', out);
    const page = (id: number) =>
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith(`-${id}.md`))!,
        ),
        'utf8',
      );
    const name = (id: number) => /^# (.*)$/m.exec(page(id))![1];
    expect(page(a)).toContain(`\nReports to ${name(b)} (since May)  \n`);
    // Custom fields among the details, a value's own lines on the field's one line.
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_custom_fields (contact_id, label, value, position)
         VALUES (?, 'Team', 'Platform', 0), (?, 'Expertise', 'Helm' || char(10) || '# Operators', 1)`,
      )
      .run(a, a);
    exportTo(t.store.sqlite, 'markdown', out);
    expect(page(a)).toContain('\nTeam: Platform  \nExpertise: Helm / # Operators  \n');
    expect(page(b)).not.toContain('Team:');
    expect(page(b)).toContain(`\nManages ${name(a)} (since May)  \n`);
    // Follow-ups as a task list: open ones by due day, then done ones.
    await call(t.ctx, 'followups:create', { contactId: a, text: 'Book a coffee' });
    await call(t.ctx, 'followups:create', { contactId: a, text: 'Send the deck', dueOn: '2026-12-01' });
    const done = await call(t.ctx, 'followups:create', { contactId: a, text: 'Say thanks' });
    await call(t.ctx, 'followups:setDone', { id: done.id, done: true });
    exportTo(t.store.sqlite, 'markdown', out);
    expect(page(a)).toContain(
      `\n## Follow-ups\n\n- [ ] Send the deck (due 2026-12-01)\n- [ ] Book a coffee\n- [x] Say thanks (done ${new Date().toISOString().slice(0, 10)})\n`,
    );
    expect(page(b)).not.toContain('## Follow-ups');
    expect(slugify('Søren Ødegård')).toBe('soren-odegard');
  });

  it("Markdown journal: a contact's career, latest first, a move restored without its role read from its words", async () => {
    const ana = (
      await call(t.ctx, 'contacts:create', {
        displayName: 'Ana Souza',
        organisation: 'Northwind',
        title: 'Designer',
      })
    ).id;
    const move = (organisation: string, title: string) =>
      call(t.ctx, 'contacts:update', {
        id: ana,
        fields: { displayName: 'Ana Souza', organisation, title },
        jobChange: true,
      });
    await move('Litware', 'Head of Design');
    await move('Globex', 'VP Design');
    await call(t.ctx, 'contacts:addEarlierRole', { id: ana, title: 'Intern', until: '2015-06-30' });
    const at = t.store.sqlite
      .prepare(`SELECT starts_at FROM interactions WHERE kind = 'job_change' ORDER BY starts_at`)
      .pluck()
      .all() as string[];
    // The Northwind move as an export older than roles restores it: its words only.
    t.store.sqlite
      .prepare(
        `DELETE FROM previous_roles WHERE interaction_id = (SELECT id FROM interactions WHERE title = 'Moved from Northwind to Litware')`,
      )
      .run();
    const out = join(t.dir, 'journal');
    exportTo(t.store.sqlite, 'markdown', out);
    const md = readFileSync(join(out, `ana-souza-${ana}.md`), 'utf8');
    const day = (i: number) => at[i].slice(0, 10);
    expect(md).toContain(
      [
        '## Career',
        '',
        `- VP Design at Globex: since ${day(2)}`,
        `- Head of Design at Litware: ${day(1)} – ${day(2)}`,
        `- Northwind: 2015-06-30 – ${day(1)}`,
        '- Intern: until 2015-06-30',
        '',
      ].join('\n'),
    );
  });

  it('exports every contact as one card (timing is measured in the bench)', () => {
    seedNetwork(t.store, 2_000, 0);
    const text = contactsToVcard(loadContactsForExport(t.store.sqlite));
    expect(text.match(/^END:VCARD$/gm)).toHaveLength(2_000);
    expect(text.match(/^FN:Person 1999 Ærø$/m)).not.toBeNull();
  });
});
