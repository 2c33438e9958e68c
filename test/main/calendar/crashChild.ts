/**
 * Run as a separate process by crash.test.ts, which kills it with SIGKILL at a random moment:
 *   node crashChild.mjs DB CALENDAR.ics (bundled by the test first)
 * It previews the calendar, prints "ready", commits the import keeping every new person, and
 * prints "done".
 */
import { readFileSync } from 'node:fs';
import { openStore } from '../../../src/main/db/open';
import { commitImport, previewImport } from '../../../src/main/calendar/service';

const [dbPath, file] = process.argv.slice(2);
const store = await openStore(dbPath);
const windowEnd = new Date('2026-01-01T00:00:00Z');
const ctx = { store, now: () => windowEnd };
const preview = await previewImport(
  { files: [{ name: 'work.ics', bytes: readFileSync(file) }], windowEnd, selfEmails: ['me@example.com'] },
  ctx,
);
process.stdout.write('ready\n');
await commitImport(
  { previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) },
  ctx,
);
await store.close();
process.stdout.write('done\n');
