import BetterSqlite3 from 'better-sqlite3';
const d = new BetterSqlite3('/tmp/jb/t.sqlite');
const now = '2026-06-01T12:00:00.000Z';
function t(label: string, q: string, n = 10) {
  const st = d.prepare(q);
  st.all();
  const times: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); st.all(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(label, 'min', times[0].toFixed(1), 'med', times[n >> 1].toFixed(1), 'rows', st.all().length);
}
const cases = `CASE circle WHEN 'mentor' THEN 30 WHEN 'sponsor' THEN 60 WHEN 'colleague' THEN 90 WHEN 'mentee' THEN 30 WHEN 'peer' THEN 120 WHEN 'friend' THEN 60 END`;
for (let r = 0; r < 2; r++) {
t('idx scan', `SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at, c.last_contact_at FROM contacts c WHERE c.archived = 0`);
t('table scan', `SELECT c.id, c.display_name, c.organisation, c.cadence_days, c.snoozed_until, c.created_at, c.last_contact_at FROM contacts c WHERE +c.archived = 0`);
t('circles', `SELECT contact_id, circle FROM contact_circles`);
t('setbased', `WITH cad AS (SELECT contact_id, min(${cases}) AS d FROM contact_circles GROUP BY contact_id)
  SELECT c.id, c.display_name, c.organisation, coalesce(c.cadence_days, cad.d) AS cadence, c.last_contact_at, c.created_at
  FROM contacts c LEFT JOIN cad ON cad.contact_id = c.id
  WHERE +c.archived = 0 AND coalesce(c.cadence_days, cad.d) IS NOT NULL
    AND julianday('${now}') - julianday(coalesce(c.last_contact_at, c.created_at)) >= coalesce(c.cadence_days, cad.d)`);
t('correlated', `SELECT * FROM (SELECT c.id, c.display_name, c.organisation, c.last_contact_at, c.created_at, coalesce(c.cadence_days, (SELECT min(${cases}) FROM contact_circles WHERE contact_id = c.id)) AS cadence
  FROM contacts c WHERE +c.archived = 0) WHERE cadence IS NOT NULL AND julianday('${now}') - julianday(coalesce(last_contact_at, created_at)) >= cadence`);
}
console.log(d.prepare(`EXPLAIN QUERY PLAN WITH cad AS (SELECT contact_id, min(${cases}) AS d FROM contact_circles GROUP BY contact_id)
  SELECT c.id FROM contacts c LEFT JOIN cad ON cad.contact_id = c.id WHERE +c.archived = 0`).all().map((r: any) => r.detail));
