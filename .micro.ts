import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './src/main/db/open';
for (const variant of ['all', 'none', 'nolast', 'nostrength', 'plain-insert']) {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'm-')), 'm.sqlite'));
  const db = store.sqlite;
  if (variant === 'none' || variant === 'nolast') db.exec('DROP TRIGGER participants_last_contact_insert');
  if (variant === 'none' || variant === 'nostrength') db.exec('DROP TRIGGER strength_participant_added');
  const now = '2026-01-01T00:00:00Z';
  db.transaction(() => { for (let i = 1; i <= 800; i++) db.prepare('INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(i, 'c' + i, now, now); })();
  const ins = db.prepare(`INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('meeting', ?, ?, ?)`);
  const part = db.prepare(`INSERT ${variant === 'plain-insert' ? '' : 'OR IGNORE'} INTO interaction_participants (interaction_id, contact_id, role, response, starts_at) VALUES (?, ?, 'attendee', null, ?)`);
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 20000; i++) {
      const s = new Date(Date.UTC(2020, 0, 1) + i * 3600000).toISOString();
      const id = ins.run(s, now, now).lastInsertRowid;
      for (let k = 0; k < 5; k++) part.run(id, 1 + ((i * 7 + k * 13) % 800), s);
    }
  })();
  console.log(variant, Math.round(performance.now() - t));
  await store.close();
}
