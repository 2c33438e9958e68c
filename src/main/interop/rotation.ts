/** How many backups to keep per period: the newest backup of each recent day, week and month. */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** The newest few are always kept, whatever their day: the states just before risky changes. */
  latest: number;
}

export const defaultRotation: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, latest: 3 };

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** Monday of the UTC week, so weeks do not depend on the locale. */
function weekKey(d: Date): string {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return dayKey(monday);
}

/** Grandfather-father-son: returns the names to delete. Pure, so the policy is tested on dates alone. */
export function backupsToDelete(
  backups: ReadonlyArray<{ name: string; createdAt: string }>,
  policy: RotationPolicy = defaultRotation,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>(newestFirst.slice(0, policy.latest).map((b) => b.name));
  const buckets: Array<[number, (d: Date) => string]> = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [limit, key] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const k = key(new Date(backup.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(backup.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
