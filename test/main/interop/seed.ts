import type { Store } from '../../../src/main/db/open';

/** A small but complete network: every core table has rows, including a photo blob. */
export function seedNetwork(store: Store, contacts = 20, interactionsPerContact = 3): void {
  const { sqlite } = store;
  const now = '2026-01-01T00:00:00.000Z';
  sqlite.transaction(() => {
    const insertContact = sqlite.prepare(
      `INSERT INTO contacts (display_name, given_name, family_name, organisation, title, notes, birthday, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEmail = sqlite.prepare(
      `INSERT INTO contact_emails (contact_id, email, label, position) VALUES (?, ?, 'work', 0)`,
    );
    const insertPhone = sqlite.prepare(
      `INSERT INTO contact_phones (contact_id, phone, normalized, label, position) VALUES (?, ?, ?, 'mobile', 0)`,
    );
    const insertCircle = sqlite.prepare(`INSERT INTO contact_circles (contact_id, circle) VALUES (?, ?)`);
    const insertLink = sqlite.prepare(
      `INSERT INTO contact_links (contact_id, kind, url, position) VALUES (?, 'linkedin', ?, 0)`,
    );
    const insertInteraction = sqlite.prepare(
      `INSERT INTO interactions (kind, title, notes, starts_at, duration_minutes, created_at, updated_at) VALUES ('coffee', ?, ?, ?, 45, ?, ?)`,
    );
    const insertParticipant = sqlite.prepare(
      `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)`,
    );
    sqlite.prepare(`INSERT INTO tags (name) VALUES ('lisbon'), ('ai')`).run();
    for (let i = 1; i <= contacts; i++) {
      const id = insertContact.run(
        `Person ${i} Ærø`,
        `Person`,
        `${i}`,
        `Org ${i % 7}`,
        'Engineer',
        `Notes for ${i}\nwith a second line`,
        i % 3 === 0 ? '1990-04-0' + ((i % 9) + 1) : null,
        now,
        now,
      ).lastInsertRowid as number;
      insertEmail.run(id, `person${i}@example.org`);
      insertPhone.run(
        id,
        `+351 91 000 ${String(i).padStart(4, '0')}`,
        `+35191000${String(i).padStart(4, '0')}`,
      );
      insertCircle.run(id, i % 2 ? 'colleague' : 'mentor');
      insertLink.run(id, `https://www.linkedin.com/in/person-${i}`);
      sqlite.prepare(`INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)`).run(id, (i % 2) + 1);
      for (let k = 0; k < interactionsPerContact; k++) {
        const at = new Date(Date.UTC(2024, k % 12, (i % 27) + 1, 9)).toISOString();
        const iid = insertInteraction.run(
          `Coffee ${i}/${k}`,
          `Talked about ${k}`,
          at,
          now,
          now,
        ).lastInsertRowid;
        insertParticipant.run(iid, id, at);
      }
    }
    const kinds = ['introduced_by', 'reports_to', 'mentor_of', 'works_with', 'knows'];
    const relate = sqlite.prepare(
      `INSERT INTO relationships (from_contact_id, to_contact_id, kind, note, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const followUp = sqlite.prepare(
      `INSERT INTO follow_ups (contact_id, text, due_on, done_at, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= contacts; i += 3)
      followUp.run(i, `Next step ${i}`, i % 2 ? '2026-12-01' : null, i % 4 === 1 ? now : null, now);
    for (let i = 2; i <= contacts; i++)
      relate.run(i - 1, i, kinds[i % kinds.length], i % 3 ? '' : `note ${i}`, now);
    sqlite
      .prepare(`INSERT INTO contact_photos (contact_id, mime, data) VALUES (1, 'image/png', ?)`)
      .run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`).run();
    sqlite.prepare(`INSERT INTO self_emails (email) VALUES ('me@example.org')`).run();
  })();
}

/** Every ordinary table's rows, sorted, for whole-database comparisons. */
export function dumpTables(store: Store, tables: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t] = (store.sqlite.prepare(`SELECT * FROM "${t}"`).raw(true).all() as unknown[][])
      .map((row) => JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : v))))
      .sort();
  }
  return out;
}
