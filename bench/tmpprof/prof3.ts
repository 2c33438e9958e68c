import { openStore } from '/work/main/src/main/db/open';
import { sql } from 'kysely';
const store = await openStore('/tmp/jb/t.sqlite');
const db = store.db;
async function t(label: string, f: () => Promise<unknown> | unknown, n = 10) {
  await f();
  const s = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label, ((performance.now() - s) / n).toFixed(2));
}
await t('contacts kysely', () => sql`SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at, c.last_contact_at AS last_at FROM contacts c WHERE c.archived = 0`.execute(db));
const st = store.sqlite.prepare(`SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at, c.last_contact_at AS last_at FROM contacts c WHERE c.archived = 0`);
await t('contacts raw', () => st.all());
await t('circles kysely', () => sql`SELECT contact_id, circle FROM contact_circles`.execute(db));
console.log(store.sqlite.prepare("select count(*) n, sum(last_contact_at > '2026-06-01T12:00:00.000Z') fut, sum(last_contact_at is null) nul from contacts").get());
const { reconnectQueue } = await import('/work/main/src/main/reconnect/queue');
await t('queue', () => reconnectQueue(db, new Date('2026-06-01T12:00:00.000Z'), 50));
console.log(store.sqlite.prepare("EXPLAIN QUERY PLAN SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at, c.last_contact_at AS last_at FROM contacts c WHERE c.archived = 0").all());
await store.close();
