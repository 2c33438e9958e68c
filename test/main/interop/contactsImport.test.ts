import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitParsed, commitPreview, previewContacts } from '../../../src/main/interop/contactsImport';
import { listContactImports, undoContactsImport } from '../../../src/main/interop/commit';
import { readContactsFile } from '../../../src/main/interop/read';
import { dataTables } from '../../../src/main/interop/jsonExport';
import { listBackups, backupsDir } from '../../../src/main/interop/backup';
import { insertContact } from '../../../src/main/contacts/repository';
import { contactFields } from '../../../src/shared/contacts/schemas';
import { tempStore, type TempStore } from '../../support/store';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { call } from '../journal/call';
import { dumpTables } from './seed';
import { fixture } from './fixtures';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const q = <T = unknown>(sql: string, ...params: unknown[]) =>
  t.store.sqlite.prepare(sql).all(...params) as T[];
const one = (sql: string, ...params: unknown[]) =>
  t.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params);
const request = (now = '2026-05-01T10:00:00.000Z') => ({
  circle: 'colleague' as const,
  now: new Date(now),
  dataDir: t.dir,
});

async function importFile(name: string, now?: string) {
  const parsed = readContactsFile(name, fixture(name));
  return commitParsed(t.store, parsed, request(now));
}

describe('LinkedIn import', () => {
  it('creates contacts in the chosen circle with profile link and a connected interaction', async () => {
    const outcome = await importFile('linkedin-Connections.csv');
    expect(outcome).toMatchObject({ created: 7, updated: 0, skipped: 1, interactions: 7 });
    const ana = t.store.sqlite.prepare(`SELECT * FROM contacts WHERE display_name = 'Ana Souza'`).get() as {
      id: number;
      organisation: string;
      title: string;
    };
    expect(ana).toMatchObject({ organisation: 'Northwind Traders', title: 'Staff Engineer' });
    expect(q(`SELECT circle FROM contact_circles WHERE contact_id = ?`, ana.id)).toEqual([
      { circle: 'colleague' },
    ]);
    expect(one(`SELECT url FROM contact_links WHERE contact_id = ?`, ana.id)).toBe(
      'https://www.linkedin.com/in/ana-souza-7b2a1',
    );
    expect(
      q(
        `SELECT i.kind, i.starts_at, i.all_day, i.source, i.import_id FROM interactions i
         JOIN interaction_participants p ON p.interaction_id = i.id WHERE p.contact_id = ?`,
        ana.id,
      ),
    ).toEqual([
      {
        kind: 'connected',
        starts_at: '2019-03-14',
        all_day: 1,
        source: 'linkedin',
        import_id: outcome.importId,
      },
    ]);
    expect(listContactImports(t.store.sqlite)[0]).toMatchObject({
      id: outcome.importId,
      kind: 'contacts:linkedin',
    });
    expect(listBackups(backupsDir(t.dir)).map((b) => b.reason)).toEqual(['before-import']);
  });

  it('re-imports a later export: matches by profile, records the job change, adds the new person', async () => {
    await importFile('linkedin-Connections.csv');
    const preview = previewContacts(t.store, 'Connections.csv', fixture('linkedin-Connections-later.csv'));
    expect(preview.counts).toMatchObject({ create: 1, update: 2, unchanged: 5, review: 0 });
    const ana = preview.items.find((i) => i.displayName === 'Ana Souza');
    expect(ana?.match?.by).toBe('linkedin');
    expect(ana?.jobChange).toEqual({ from: 'Northwind Traders', to: 'Litware Inc.' });
    expect(ana?.changes).toEqual([
      { field: 'Organisation', from: 'Northwind Traders', to: 'Litware Inc.' },
      { field: 'Title', from: 'Staff Engineer', to: 'Principal Engineer' },
    ]);
    const progress: number[] = [];
    const outcome = await commitPreview(t.store, preview.previewId, {
      ...request('2026-06-01T10:00:00.000Z'),
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toMatchObject({ created: 1, updated: 2, unchanged: 5 });
    expect(progress.at(-1)).toBe(9 - 1);
    expect(one(`SELECT organisation FROM contacts WHERE display_name = 'Ana Souza'`)).toBe('Litware Inc.');
    const jobChanges = q<{ title: string; notes: string; starts_at: string }>(
      `SELECT title, notes, starts_at FROM interactions WHERE kind = 'job_change' ORDER BY title`,
    );
    expect(jobChanges).toEqual([
      {
        title: 'Moved from Northwind Traders to Litware Inc.',
        notes: 'Position: Principal Engineer',
        starts_at: '2026-06-01T10:00:00.000Z',
      },
      {
        title: 'New position at Adventure Works: Senior Engineering Manager',
        notes: 'Position: Senior Engineering Manager',
        starts_at: '2026-06-01T10:00:00.000Z',
      },
    ]);
    // The role each move ended is kept for their career, old title and all.
    expect(
      q(
        `SELECT r.organisation, r.title FROM previous_roles r JOIN interactions i ON i.id = r.interaction_id ORDER BY i.title`,
      ),
    ).toEqual([
      { organisation: 'Northwind Traders', title: 'Staff Engineer' },
      { organisation: 'Adventure Works', title: 'Engineering Manager' },
    ]);
    // A job change is on the timeline but is not time spent with the person.
    expect(
      q(
        `SELECT DISTINCT p.role FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id WHERE i.kind = 'job_change'`,
      ),
    ).toEqual([{ role: 'mentioned' }]);
    // "Connected" is recorded once per person however often the export is imported.
    expect(one(`SELECT count(*) FROM interactions WHERE kind = 'connected'`)).toBe(8);
    expect(one(`SELECT count(*) FROM contacts`)).toBe(8);
  });

  it('does not record a connection again that the user deleted from the journal', async () => {
    await importFile('linkedin-Connections.csv');
    const connected = () =>
      q<{ name: string }>(
        `SELECT c.display_name AS name FROM interactions i
         JOIN interaction_participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
         WHERE i.kind = 'connected' ORDER BY name`,
      ).map((r) => r.name);
    const before = connected();
    const ana = one(
      `SELECT i.id FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id
       JOIN contacts c ON c.id = p.contact_id WHERE i.kind = 'connected' AND c.display_name = 'Ana Souza'`,
    ) as number;
    await dispatch('journal:delete', { id: ana }, t.ctx);
    await importFile('linkedin-Connections.csv', '2026-06-01T10:00:00.000Z');
    expect(connected()).toEqual(before.filter((name) => name !== 'Ana Souza'));
  });

  it('leaves the journal index, last contacts and strength queue as the per-row triggers would', async () => {
    const kwame = await insertContact(
      t.store.db,
      contactFields.parse({ displayName: 'Kwame Mensah', organisation: 'Contoso, Ltd.' }),
      '2026-01-01T00:00:00.000Z',
    );
    // A later coffee with Kwame: his last contact must not move back to the 2021 connection.
    const coffee = Number(
      t.store.sqlite
        .prepare(
          `INSERT INTO interactions (kind, title, starts_at, created_at, updated_at) VALUES ('coffee', 'Coffee', '2025-05-05', 'x', 'x')`,
        )
        .run().lastInsertRowid,
    );
    t.store.sqlite
      .prepare(
        `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, '2025-05-05')`,
      )
      .run(coffee, kwame);
    await importFile('linkedin-Connections.csv');
    await importFile('linkedin-Connections-later.csv', '2026-06-01T10:00:00.000Z');
    expect(one(`SELECT last_contact_at FROM contacts WHERE id = ?`, kwame)).toBe('2025-05-05');
    expect(
      one(`SELECT count(*) FROM contacts c WHERE last_contact_at IS NOT (SELECT max(starts_at)
             FROM interaction_participants p WHERE p.contact_id = c.id AND p.role != 'mentioned')`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) FROM interactions WHERE id NOT IN (SELECT interaction_id FROM strength_dirty)`),
    ).toBe(0);
    const found = (match: string) =>
      one(`SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH ?`, match);
    expect(found('linkedin')).toBe(one(`SELECT count(*) FROM interactions WHERE kind = 'connected'`));
    expect(found('"moved from"')).toBe(1);
    t.store.sqlite
      .prepare(`INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')`)
      .run();
    const triggers = [
      'interactions_fts_insert',
      'strength_participant_added',
      'participants_last_contact_insert',
    ];
    expect(
      one(
        `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`,
        JSON.stringify(triggers),
      ),
    ).toBe(3);
  });

  it('matches by email, then by name and company, when the profile address is new', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    await insertContact(
      t.store.db,
      contactFields.parse({ displayName: 'Mei Lin', emails: [{ email: 'MEI.LIN@gmail.com' }] }),
      now,
    );
    await insertContact(
      t.store.db,
      contactFields.parse({ displayName: 'Kwame Mensah', organisation: 'Contoso, Ltd.' }),
      now,
    );
    // The export's "Søren Ødegård", as a keyboard without ø and å writes him.
    const soeren = await insertContact(
      t.store.db,
      contactFields.parse({ displayName: 'Soeren Oedegaard', organisation: 'Fabrikam' }),
      now,
    );
    const preview = previewContacts(t.store, 'Connections.csv', fixture('linkedin-Connections.csv'));
    const mei = preview.items.find((i) => i.displayName === 'Mei Lin');
    expect(mei).toMatchObject({ action: 'update', match: { by: 'email' } });
    const kwame = preview.items.find((i) => i.displayName === 'Kwame Mensah');
    // Name plus company is only a suggestion: nothing merges silently but an exact email.
    expect(kwame).toMatchObject({ action: 'create', match: { by: 'name_company' } });
    expect(preview.items.find((i) => i.displayName === 'Søren Ødegård')).toMatchObject({
      action: 'create',
      match: { by: 'name_company', contactId: soeren },
    });
    expect(preview.counts.review).toBe(2);
    await commitPreview(t.store, preview.previewId, {
      ...request(),
      decisions: [
        { row: kwame?.row as number, action: 'update', contactId: kwame?.match?.contactId as number },
      ],
    });
    expect(one(`SELECT count(*) FROM contacts WHERE display_name = 'Kwame Mensah'`)).toBe(1);
    expect(one(`SELECT count(*) FROM contacts WHERE display_name = 'Mei Lin'`)).toBe(1);
    expect(one(`SELECT title FROM contacts WHERE display_name = 'Kwame Mensah'`)).toBe('VP Engineering');
  });
});

describe('Google, Outlook and vCard import', () => {
  it('matches emails, then phones, then URLs, then names; only emails update by default', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const add = (f: object) => insertContact(t.store.db, contactFields.parse(f), now);
    const byEmail = await add({
      displayName: 'Ana S.',
      emails: [{ email: 'ana@souza.example' }],
      tags: ['Conference'],
    });
    const byPhone = await add({ displayName: 'G. Hopper', phones: [{ phone: '+1 (202) 555 0143' }] });
    const byUrl = await add({
      displayName: 'R. Verma',
      links: [{ kind: 'website', url: 'http://www.rahulverma.example/blog/' }],
    });
    const preview = previewContacts(t.store, 'google.csv', fixture('google-contacts.csv'));
    const item = (name: string) => preview.items.find((i) => i.displayName === name);
    expect(item('Ana Souza')).toMatchObject({ action: 'update', match: { contactId: byEmail, by: 'email' } });
    expect(item('Ana Souza')?.changes.map((c) => c.field)).toEqual([
      'First name',
      'Last name',
      'Organisation',
      'Title',
      'Notes',
      'Birthday',
      'Email',
      'Phone',
      'Link',
    ]);
    expect(item('Grace Hopper')).toMatchObject({
      action: 'create',
      match: { contactId: byPhone, by: 'phone' },
    });
    expect(item('Rahul K. Verma')).toMatchObject({
      action: 'create',
      match: { contactId: byUrl, by: 'url' },
    });
    expect(preview.counts).toMatchObject({ create: 3, update: 1, review: 2 });
    const outcome = await commitPreview(t.store, preview.previewId, request());
    expect(outcome).toMatchObject({ created: 3, updated: 1 });
    expect(q(`SELECT email FROM contact_emails WHERE contact_id = ? ORDER BY position`, byEmail)).toEqual([
      { email: 'ana@souza.example' },
      { email: 'ana.souza@northwind.example' },
    ]);
    // A name the user typed is kept; empty fields are filled.
    expect(one(`SELECT display_name || '|' || organisation FROM contacts WHERE id = ?`, byEmail)).toBe(
      'Ana S.|Northwind Traders',
    );
  });

  it('updates a contact once when two rows of a file are that one person, skipping the second by name', async () => {
    const ana = await insertContact(
      t.store.db,
      contactFields.parse({
        displayName: 'Ana Souza',
        emails: [{ email: 'ana@work.example' }, { email: 'ana@home.example' }],
      }),
      '2026-01-01T00:00:00.000Z',
    );
    const csv = [
      'Name,E-mail,Phone,Title',
      'Ana Souza,ana@work.example,+44 20 7946 0001,CTO',
      'Ana S.,ana@home.example,+44 20 7946 0002,',
      'Bo Chen,bo@example.com,,',
    ].join('\r\n');
    const preview = previewContacts(t.store, 'people.csv', new TextEncoder().encode(csv));
    expect(preview.skipped).toEqual([
      { row: 2, reason: 'duplicate_in_file', message: 'Ana S. is Ana Souza again, whom row 1 updates.' },
    ]);
    expect(preview.counts).toMatchObject({ create: 1, update: 1, skipped: 1 });
    // Before, the second row's update failed the whole import on the undo log's key.
    const outcome = await commitPreview(t.store, preview.previewId, request());
    expect(outcome).toMatchObject({ created: 1, updated: 1 });
    expect(q(`SELECT phone FROM contact_phones WHERE contact_id = ?`, ana)).toEqual([
      { phone: '+44 20 7946 0001' },
    ]);
    expect(one(`SELECT title FROM contacts WHERE id = ?`, ana)).toBe('CTO');
  });

  it('imports photos, birthdays and categories from vCard, and the undo removes exactly the import', async () => {
    const tables = dataTables(t.store.sqlite);
    const before = dumpTables(
      t.store,
      tables.filter((x) => x !== 'imports' && x !== 'contact_import_changes'),
    );
    const first = await importFile('apple-3.0.vcf');
    expect(first.created).toBe(2);
    const chidi = one(`SELECT id FROM contacts WHERE display_name = 'Chidi Okafor'`) as number;
    expect(one(`SELECT mime FROM contact_photos WHERE contact_id = ?`, chidi)).toBe('image/png');
    expect(one(`SELECT birthday FROM contacts WHERE id = ?`, chidi)).toBe('1985-11-02');
    expect(
      q(
        `SELECT t.name FROM tags t JOIN contact_tags ct ON ct.tag_id = t.id WHERE ct.contact_id = ? ORDER BY 1`,
        chidi,
      ),
    ).toEqual([{ name: 'Mentors' }, { name: 'Research' }]);
    const undo = undoContactsImport(t.store.sqlite, first.importId, new Date());
    expect(undo).toMatchObject({ deletedContacts: 2, restoredContacts: 0 });
    const after = dumpTables(
      t.store,
      tables.filter((x) => x !== 'imports' && x !== 'contact_import_changes'),
    );
    // Tags the import created stay (they are harmless names); everything else is as before.
    expect({ ...after, tags: [] }).toEqual({ ...before, tags: [] });
    expect(() => undoContactsImport(t.store.sqlite, first.importId, new Date())).toThrow(/already undone/);
  });

  it('undo of a re-import restores updated contacts exactly and removes the job changes', async () => {
    await importFile('linkedin-Connections.csv');
    const tables = dataTables(t.store.sqlite).filter(
      (x) => !['imports', 'contact_import_changes', 'strength_dirty'].includes(x),
    );
    const before = dumpTables(t.store, tables);
    const second = await importFile('linkedin-Connections-later.csv', '2026-07-01T00:00:00.000Z');
    expect(one(`SELECT count(*) FROM interactions WHERE kind = 'job_change'`)).toBe(2);
    const undo = undoContactsImport(t.store.sqlite, second.importId, new Date());
    expect(undo).toMatchObject({ deletedContacts: 1, restoredContacts: 2, deletedInteractions: 3 });
    expect(dumpTables(t.store, tables)).toEqual(before);
  });
});

describe('another job in a file that is not LinkedIn’s', () => {
  const vcard = (cards: Array<{ name: string; email: string; org: string; title?: string }>) =>
    Buffer.from(
      cards
        .map((c) =>
          [
            'BEGIN:VCARD',
            'VERSION:3.0',
            `FN:${c.name}`,
            `EMAIL:${c.email}`,
            `ORG:${c.org}`,
            ...(c.title ? [`TITLE:${c.title}`] : []),
            'END:VCARD',
          ].join('\r\n'),
        )
        .join('\r\n'),
    );
  const contact = (displayName: string, email: string, organisation: string, title?: string) =>
    insertContact(
      t.store.db,
      contactFields.parse({ displayName, organisation, title, emails: [{ email }] }),
      '2026-01-01T00:00:00.000Z',
    );
  const roleOf = (id: number) =>
    t.store.sqlite.prepare('SELECT organisation, title FROM contacts WHERE id = ?').get(id);
  const moves = () =>
    q<{ title: string; contact_id: number; role: string; import_id: number }>(
      `SELECT i.title, p.contact_id, p.role, i.import_id FROM interactions i
       JOIN interaction_participants p ON p.interaction_id = i.id WHERE i.kind = 'job_change' ORDER BY i.id`,
    );
  const file = vcard([
    { name: 'Ana Souza', email: 'ana@example.com', org: 'Litware', title: 'Head of Design' },
    { name: 'Ben Lee', email: 'ben@example.com', org: 'Acme', title: 'VP Engineering' },
    { name: 'Cy Park', email: 'cy@example.com', org: 'Initech' },
  ]);

  it('is offered, not taken: the preview names it and a plain commit leaves what Rapport has', async () => {
    const ana = await contact('Ana Souza', 'ana@example.com', 'Northwind', 'Designer');
    const ben = await contact('Ben Lee', 'ben@example.com', 'Acme', 'Engineer');
    await contact('Cy Park', 'cy@example.com', 'initech');
    const preview = previewContacts(t.store, 'people.vcf', file);
    expect(preview.items.map((i) => [i.displayName, i.roleInFile, i.jobChange])).toEqual([
      [
        'Ana Souza',
        {
          from: { organisation: 'Northwind', title: 'Designer' },
          to: { organisation: 'Litware', title: 'Head of Design' },
        },
        null,
      ],
      [
        'Ben Lee',
        {
          from: { organisation: 'Acme', title: 'Engineer' },
          to: { organisation: 'Acme', title: 'VP Engineering' },
        },
        null,
      ],
      // Only the case differs: the same job.
      ['Cy Park', null, null],
    ]);
    await commitPreview(t.store, preview.previewId, request());
    expect([roleOf(ana), roleOf(ben)]).toEqual([
      { organisation: 'Northwind', title: 'Designer' },
      { organisation: 'Acme', title: 'Engineer' },
    ]);
    expect(moves()).toEqual([]);
  });

  it('is taken for the rows ticked, each a move on the timeline that the undo takes back', async () => {
    const ana = await contact('Ana Souza', 'ana@example.com', 'Northwind', 'Designer');
    const ben = await contact('Ben Lee', 'ben@example.com', 'Acme', 'Engineer');
    const preview = previewContacts(t.store, 'people.vcf', file);
    const anaRow = preview.items.find((i) => i.displayName === 'Ana Souza')!.row;
    const result = await dispatch(
      'interop:commitContacts',
      { previewId: preview.previewId, takeRoles: [anaRow] },
      t.ctx,
    );
    expect(result.ok).toBe(true);
    const importId = (result as { ok: true; value: { importId: number } }).value.importId;
    expect([roleOf(ana), roleOf(ben)]).toEqual([
      { organisation: 'Litware', title: 'Head of Design' },
      { organisation: 'Acme', title: 'Engineer' },
    ]);
    expect(moves()).toEqual([
      { title: 'Moved from Northwind to Litware', contact_id: ana, role: 'mentioned', import_id: importId },
    ]);
    const career = await call(t.ctx, 'contacts:career', { id: ana });
    expect(career.map((s) => [s.organisation, s.title, s.until === null])).toEqual([
      ['Litware', 'Head of Design', true],
      ['Northwind', 'Designer', false],
    ]);
    undoContactsImport(t.store.sqlite, importId, new Date());
    expect(roleOf(ana)).toEqual({ organisation: 'Northwind', title: 'Designer' });
    expect(moves()).toEqual([]);
    const malformed = await dispatch(
      'interop:commitContacts',
      { previewId: preview.previewId, takeRoles: ['1'] },
      t.ctx,
    );
    expect(malformed.ok ? null : malformed.error.code).toBe('VALIDATION');
  });
});
