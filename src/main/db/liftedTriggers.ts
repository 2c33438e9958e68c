import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

/**
 * The per-row AFTER INSERT triggers on interaction_participants (004: strength_dirty, 007:
 * contacts.last_contact_at). A bulk write lifts them for its own transaction and does their
 * work once per interaction and once per contact instead (`BulkTriggerWork`): fired per row
 * they cost more than the 115,000 participant inserts of a 20,000-event import themselves.
 * DDL is transactional, so no other reader or writer ever sees the schema without them.
 */
const BULK_LIFTED_TRIGGERS = ['strength_participant_added', 'participants_last_contact_insert'];

/** What the lifted triggers would have done, gathered while inserting participants. */
export class BulkTriggerWork {
  readonly interactions = new Set<number>();
  readonly lastContact = new Map<number, string>();

  participant(interactionId: number, contactId: number, role: string, startsAt: string): void {
    this.interactions.add(interactionId);
    if (role === 'mentioned') return;
    const seen = this.lastContact.get(contactId);
    if (seen === undefined || seen < startsAt) this.lastContact.set(contactId, startsAt);
  }

  /** Same effect as the triggers: mark each interaction dirty once, advance each contact's last contact. */
  apply(sqlite: Db): void {
    const dirty = sqlite.prepare(`INSERT OR IGNORE INTO strength_dirty (interaction_id) VALUES (?)`);
    for (const id of this.interactions) dirty.run(id);
    const advance = sqlite.prepare(
      `UPDATE contacts SET last_contact_at = ?
       WHERE id = ? AND (last_contact_at IS NULL OR last_contact_at < ?)`,
    );
    for (const [contactId, startsAt] of this.lastContact) advance.run(startsAt, contactId, startsAt);
  }
}

/**
 * The FTS insert trigger on interactions, lifted for a bulk write: fed one row at a time, the
 * prefix index costs about twice what one INSERT ... SELECT over the new rows does. Lifted only
 * when its body is exactly this one, so a changed definition keeps firing row by row.
 */
const FTS_INSERT_TRIGGER = 'interactions_fts_insert';
const FTS_INSERT_SQL =
  'CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN INSERT INTO interactions_fts ' +
  '(rowid, title, notes, location) VALUES (new.id, new.title, new.notes, new.location); END';

function isPlainFtsInsert(sql: string): boolean {
  return sql.replace(/\s+/g, ' ').trim() === FTS_INSERT_SQL;
}

/**
 * Runs `write` with the lifted triggers dropped, then applies their work set-wise and recreates
 * them from their stored definitions, all inside the caller's transaction. Triggers that do not
 * exist (an older schema) are left alone and their work is skipped with them.
 */
export function withBulkTriggers<T>(sqlite: Db, write: (work: BulkTriggerWork) => T): T {
  const lifted = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'interaction_participants'
         AND name IN (${BULK_LIFTED_TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...BULK_LIFTED_TRIGGERS) as Array<{ name: string; sql: string }>;
  if (lifted.length !== BULK_LIFTED_TRIGGERS.length) {
    // A schema without exactly these triggers: write row by row and let whatever is there fire.
    return write(new BulkTriggerWork());
  }
  for (const t of lifted) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const work = new BulkTriggerWork();
  const result = write(work);
  work.apply(sqlite);
  for (const t of lifted) sqlite.exec(t.sql);
  return result;
}

/**
 * Runs `write` (which returns the new import's id) with the FTS insert trigger lifted, then
 * indexes every interaction that import created in one statement, inside the caller's transaction.
 */
export function withBulkFts<T extends { importId: number }>(sqlite: Db, write: () => T): T {
  const trigger = sqlite
    .prepare(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'interactions' AND name = ?`,
    )
    .pluck()
    .get(FTS_INSERT_TRIGGER) as string | undefined;
  if (trigger === undefined || !isPlainFtsInsert(trigger)) return write();
  sqlite.exec(`DROP TRIGGER "${FTS_INSERT_TRIGGER}"`);
  const result = write();
  // Updated rows keep their import_id, so this is exactly the rows the import created.
  sqlite
    .prepare(
      `INSERT INTO interactions_fts (rowid, title, notes, location)
       SELECT id, title, notes, location FROM interactions WHERE import_id = ? ORDER BY id`,
    )
    .run(result.importId);
  sqlite.exec(trigger);
  return result;
}
