import { Text } from '@mantine/core';
import { count } from '../../../../shared/text/count';

const HEIGHT = 56;
/** Height of the row of year labels under the bars, in pixels. */
const LABEL = 14;
/** The chart's width in its own units; it stretches to its card and bars keep their share. */
const WIDTH = 1000;
/** The most room one month takes, in pixels. */
const MAX_BAR_PX = 16;

/**
 * The calendar's history as one bar per month, so years of meetings (and the gaps in them)
 * show at a glance before anything is written. January of each year is labelled; each bar
 * names its month and count on hover.
 */
export function MonthBars({ perMonth }: { perMonth: Array<{ month: string; meetings: number }> }) {
  if (perMonth.length === 0) return null;
  const max = Math.max(1, ...perMonth.map((m) => m.meetings));
  const slot = WIDTH / perMonth.length;
  const bar = Math.max(1, slot * 0.8);
  // A label every year, or every few years when there are too many to fit.
  const years = new Set(perMonth.map((m) => m.month.slice(0, 4))).size;
  const everyYears = Math.max(1, Math.ceil(years / 12));
  const total = perMonth.reduce((n, m) => n + m.meetings, 0);
  const first = perMonth[0].month;
  const last = perMonth[perMonth.length - 1].month;
  return (
    // A few months stay narrow bars instead of stretching across the card.
    <div style={{ maxWidth: perMonth.length * MAX_BAR_PX }}>
      <Text size="xs" c="dimmed" mb={4} style={{ whiteSpace: 'nowrap' }}>
        {count(total, 'meeting')} from {first} to {last}, by month
      </Text>
      <svg
        role="img"
        aria-label={`${count(total, 'meeting')} per month from ${first} to ${last}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height={HEIGHT}
        style={{ display: 'block' }}
      >
        {perMonth.map((m, i) => {
          const h = m.meetings === 0 ? 0 : Math.max(1.5, (HEIGHT * m.meetings) / max);
          return (
            <rect
              key={m.month}
              data-month={m.month}
              x={i * slot}
              y={HEIGHT - h}
              width={bar}
              height={h}
              fill="var(--mantine-color-blue-5)"
            >
              <title>{`${m.month}: ${count(m.meetings, 'meeting')}`}</title>
            </rect>
          );
        })}
      </svg>
      <div style={{ position: 'relative', height: LABEL }}>
        {perMonth.map((m, i) => {
          const year = Number(m.month.slice(0, 4));
          if ((i > 0 && !m.month.endsWith('-01')) || year % everyYears !== 0) return null;
          return (
            <Text
              key={m.month}
              span
              size="xs"
              c="dimmed"
              style={{ position: 'absolute', left: `${(100 * i) / perMonth.length}%`, lineHeight: 1 }}
            >
              {year}
            </Text>
          );
        })}
      </div>
    </div>
  );
}
