import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { commitContactsImport, undoContactsImport } from '../../../src/main/interop/commit';
import { loadExisting } from '../../../src/main/interop/existing';
import { planImport, previewOf } from '../../../src/main/interop/plan';
import { readContactsFile } from '../../../src/main/interop/read';
import { dataTables } from '../../../src/main/interop/jsonExport';
import { dumpTables } from './seed';

/**
 * Another job in a file that is not LinkedIn's, as a property: whatever the stored and the file's
 * organisations and titles (case, gaps and all), and whichever rows the user ticks, the preview
 * offers exactly the real differences, the commit takes exactly the ones ticked (each one move on
 * the timeline) and fills only gaps elsewhere, and the undo puts every table back as it was.
 */
const PEOPLE = 6;
const orgs = [null, 'Acme', 'acme ', 'Globex', 'Initech'];
const titles = [null, 'CTO', 'cto', 'Engineer'];
const role = fc.record({ organisation: fc.constantFrom(...orgs), title: fc.constantFrom(...titles) });
type Role = { organisation: string | null; title: string | null };

let store: Store;
let tables: string[];
beforeAll(async () => {
  store = await openStore(':memory:');
  tables = dataTables(store.sqlite).filter(
    (t) => !['imports', 'contact_import_changes', 'strength_dirty'].includes(t),
  );
});
afterAll(async () => {
  await store.close();
});

const key = (text: string | null) => (text ?? '').trim().toLowerCase();
const anotherJob = (stored: Role, file: Role) =>
  (stored.organisation !== null &&
    file.organisation !== null &&
    key(stored.organisation) !== key(file.organisation)) ||
  (stored.title !== null && file.title !== null && key(stored.title) !== key(file.title));
const vcard = (file: Role[]) =>
  file
    .map((r, i) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:Person ${i}`,
        `EMAIL:p${i}@example.com`,
        ...(r.organisation ? [`ORG:${r.organisation.trim()}`] : []),
        ...(r.title ? [`TITLE:${r.title}`] : []),
        'END:VCARD',
      ].join('\r\n'),
    )
    .join('\r\n');

describe('taking another job from a file', () => {
  it('offers the real differences, takes those ticked and no more, and undoes exactly', () => {
    fc.assert(
      fc.property(
        fc.array(role, { minLength: PEOPLE, maxLength: PEOPLE }),
        fc.array(role, { minLength: PEOPLE, maxLength: PEOPLE }),
        fc.array(fc.boolean(), { minLength: PEOPLE, maxLength: PEOPLE }),
        (stored, file, ticked) => {
          const sqlite = store.sqlite;
          sqlite.exec('DELETE FROM contacts; DELETE FROM interactions;');
          const insert = sqlite.prepare(
            `INSERT INTO contacts (id, display_name, organisation, title, created_at, updated_at)
             VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')`,
          );
          const email = sqlite.prepare(
            `INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, 0)`,
          );
          stored.forEach((r, i) => {
            insert.run(i + 1, `Person ${i}`, r.organisation, r.title);
            email.run(i + 1, `p${i}@example.com`);
          });
          const before = dumpTables(store, tables);
          const parsed = { ...readContactsFile('phone.vcf', Buffer.from(vcard(file))), sha256: 'x' };
          const preview = previewOf(parsed, planImport(parsed, loadExisting(sqlite)));
          const fileRole = (i: number): Role => ({
            organisation: file[i].organisation?.trim() ?? null,
            title: file[i].title,
          });
          const offered = preview.items.map((item) => item.roleInFile !== null);
          expect(offered).toEqual(stored.map((r, i) => anotherJob(r, fileRole(i))));
          const take = new Set(preview.items.filter((item, i) => offered[i] && ticked[i]).map((i) => i.row));
          const plan = planImport(parsed, loadExisting(sqlite), [], take);
          const outcome = commitContactsImport(sqlite, parsed, plan, {
            circle: 'colleague',
            now: new Date(),
          });
          const after = sqlite
            .prepare('SELECT organisation, title FROM contacts ORDER BY id')
            .all() as Role[];
          // Taken, a value that differs (beyond case and spaces) replaces the stored one; else gaps fill.
          const merged = (mine: string | null, theirs: string | null, taken: boolean) =>
            taken && theirs !== null && key(theirs) !== key(mine) ? theirs : (mine ?? theirs);
          after.forEach((got, i) => {
            const taken = offered[i] && ticked[i];
            expect(got).toEqual({
              organisation: merged(stored[i].organisation, fileRole(i).organisation, taken),
              title: merged(stored[i].title, fileRole(i).title, taken),
            });
          });
          expect(
            sqlite.prepare(`SELECT count(*) FROM interactions WHERE kind = 'job_change'`).pluck().get(),
          ).toBe(take.size);
          undoContactsImport(sqlite, outcome.importId, new Date());
          expect(dumpTables(store, tables)).toEqual(before);
        },
      ),
      { numRuns: 300, seed: 2611 },
    );
  }, 120_000);
});
