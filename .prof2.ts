import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCalendar } from './bench/cases/calendar';
import { openStore } from './src/main/db/open';
import { commitImport, previewImport } from './src/main/calendar/service';
const bytes = generateCalendar(20000);
for (const variant of ['default']) {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'));
  const store = await openStore(join(dir, 'p.sqlite'));
  if (variant === 'nolast') store.sqlite.exec('DROP TRIGGER participants_last_contact_insert');
  if (variant === 'nostrength') store.sqlite.exec('DROP TRIGGER strength_participant_added');
  if (variant === 'nofts' || variant === 'notriggers') store.sqlite.exec('DROP TRIGGER interactions_fts_insert');
  if (variant === 'notriggers') store.sqlite.exec('DROP TRIGGER strength_participant_added; DROP TRIGGER participants_last_contact_insert');
  const ctx = { store, now: () => new Date('2026-01-01'), limits: { timeoutMs: 600000, maxHeapMb: 4096, inProcess: true } };
  const preview = await previewImport({ files: [{ name: 'w.ics', bytes }], windowEnd: new Date('2026-01-01'), selfEmails: ['me@example.com'] }, ctx);
  const t = performance.now();
  await commitImport({ previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) }, ctx);
  console.log(variant, Math.round(performance.now() - t), store.sqlite.prepare('select count(*) from interaction_participants').pluck().get());
  await store.close();
}
