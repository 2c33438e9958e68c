/**
 * Meetings per calendar month (UTC, as starts are stored), from the first month with a meeting
 * to the last, months without any included as 0, so the preview can draw the history as bars.
 */
export function meetingsPerMonth(starts: Iterable<string>): Array<{ month: string; meetings: number }> {
  const counts = new Map<string, number>();
  for (const start of starts) {
    const month = start.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const out: Array<{ month: string; meetings: number }> = [];
  let [year, month] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, meetings: counts.get(key) ?? 0 });
    if (key >= last) return out;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}
