import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
const WORDS = 'roadmap sync review planning budget hiring design retro launch customer pricing security platform quarterly offsite strategy migration onboarding metrics research'.split(' ');
const LOREM = 'Agenda: status of the open items, decisions needed this week, risks and owners. Notes from last time are in the shared document; please add your updates before the call so we can keep it short. Dial-in details and the room are below — merci, gracias, danke. ';
for (const v of ["prefix='1 2 3'", "prefix='1 2 3' am0", "", "prefix='2'"]) {
  rmSync('/tmp/calprof/f.sqlite', { force: true }); rmSync('/tmp/calprof/f.sqlite-wal', { force: true });
  const db = new Database('/tmp/calprof/f.sqlite'); db.pragma('journal_mode=WAL'); db.pragma('cache_size=-16000');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(title, notes, location, tokenize='unicode61 remove_diacritics 2' ${v ? ',' + v.replace(' am0', '') : ''})`);
  if (v.includes('am0')) db.exec(`INSERT INTO f(f, rank) VALUES('automerge', 0)`);
  const ins = db.prepare('INSERT INTO f(rowid, title, notes, location) VALUES (?,?,?,?)');
  const t = performance.now(); const c = process.cpuUsage();
  db.transaction(() => { for (let i = 1; i <= 29000; i++) ins.run(i, `${WORDS[i % 20]} ${WORDS[(i * 7) % 20]} with Ana Sousa ${i}`, LOREM.slice(0, 40 + (i % 100)) + ' https://meet.google.com/abc-defg-hij', null); if (v.includes('am0')) db.exec(`INSERT INTO f(f, rank) VALUES('merge', 500)`); })();
  const u = process.cpuUsage(c); console.log(v || 'none', Math.round(performance.now() - t), Math.round((u.user + u.system) / 1000));
  db.close();
}
