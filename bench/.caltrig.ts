import { openStore } from '/work/main/src/main/db/open';
const store = await openStore('/tmp/calprof/t.sqlite');
for (const r of store.sqlite.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name IN ('interactions','interaction_participants','contacts','contact_emails','strength_dirty') AND type IN ('trigger','index','table')`).all() as any[]) console.log(r.type, r.name, r.tbl_name, '\n', r.sql);
console.log(store.sqlite.pragma('cache_size'), store.sqlite.pragma('synchronous'), store.sqlite.pragma('journal_mode'));
await store.close();
