import { Text } from '@mantine/core';
import { count } from '../../../../shared/text/count';

const CELL = 11;
const GAP = 2;
const LEFT = 26;
const TOP = 16;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Four shades by quartile of the busiest days, so one huge day does not wash out the rest. */
function levels(counts: number[]): (n: number) => number {
  const sorted = counts.filter((n) => n > 0).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 1;
  const [q1, q2, q3] = [q(0.25), q(0.5), q(0.75)];
  return (n) => (n === 0 ? 0 : n <= q1 ? 1 : n <= q2 ? 2 : n <= q3 ? 3 : 4);
}

const shades = [
  'var(--mantine-color-default-border)',
  'var(--mantine-color-teal-2)',
  'var(--mantine-color-teal-4)',
  'var(--mantine-color-teal-6)',
  'var(--mantine-color-teal-8)',
];

/** A year of days as a contribution calendar: a column per week, a cell per day, drawn as SVG. */
export function ActivityHeatmap({
  from,
  to,
  activity,
}: {
  from: string;
  to: string;
  activity: Array<{ date: string; count: number }>;
}) {
  const counts = new Map(activity.map((a) => [a.date, a.count]));
  const level = levels(activity.map((a) => a.count));
  const firstWeekday = new Date(`${from}T00:00:00Z`).getUTCDay();
  const cells: Array<{ date: string; x: number; y: number; count: number }> = [];
  const months: Array<{ label: string; x: number }> = [];
  for (let i = 0, date = from; date <= to; i++, date = addDays(date, 1)) {
    const slot = i + firstWeekday;
    const x = LEFT + Math.floor(slot / 7) * (CELL + GAP);
    const y = TOP + (slot % 7) * (CELL + GAP);
    cells.push({ date, x, y, count: counts.get(date) ?? 0 });
    if (date.endsWith('-01') || i === 0) {
      const label = new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { month: 'short' });
      if (months.length === 0 || x - months[months.length - 1].x > 2 * (CELL + GAP))
        months.push({ label, x });
    }
  }
  const width = (cells.at(-1)?.x ?? LEFT) + CELL + 2;
  const total = activity.reduce((s, a) => s + a.count, 0);
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        width={width}
        height={TOP + 7 * (CELL + GAP)}
        role="img"
        aria-label={`${count(total, 'interaction')} in the last 12 months`}
        data-testid="activity-heatmap"
      >
        {months.map((m) => (
          <text key={`${m.label}-${m.x}`} x={m.x} y={10} fontSize={9} fill="var(--mantine-color-dimmed)">
            {m.label}
          </text>
        ))}
        {['Mon', 'Wed', 'Fri'].map((d, i) => (
          <text
            key={d}
            x={0}
            y={TOP + (1 + i * 2) * (CELL + GAP) + 9}
            fontSize={9}
            fill="var(--mantine-color-dimmed)"
          >
            {d}
          </text>
        ))}
        {cells.map((c) => (
          <rect key={c.date} x={c.x} y={c.y} width={CELL} height={CELL} rx={2} fill={shades[level(c.count)]}>
            <title>{`${c.date}: ${count(c.count, 'interaction')}`}</title>
          </rect>
        ))}
      </svg>
      <Text size="xs" c="dimmed">
        {total.toLocaleString()} interactions in the last 12 months
      </Text>
    </div>
  );
}
