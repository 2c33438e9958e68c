import type { GoalStatus, GoalSummary, MeasureType, PeriodProgress } from '../../../../shared/goals/schemas';
import type { PeriodKind } from '../../../../shared/goals/periods';
import type { Layer } from '../../../../shared/strength/model';

export const statusLabels: Record<GoalStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export const statusColors: Record<GoalStatus, string> = {
  active: 'blue',
  paused: 'gray',
  achieved: 'teal',
  dropped: 'dark',
};

export const measureLabels: Record<MeasureType, string> = {
  count: 'Interactions per period',
  people: 'Different people per period',
  relationship: 'Relationships to a layer',
  milestones: 'Checklist of milestones',
};

export const periodLabels: Record<PeriodKind, string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
  total: 'in total',
};

export const layerLabels: Record<Layer, string> = {
  inner: 'Inner (about weekly)',
  close: 'Close (monthly)',
  active: 'Active (twice a year)',
  known: 'Known (yearly)',
  dormant: 'Dormant',
};

export const weekdayLabels = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "3 of 5 this month", "2 of 3 milestones", ... */
export function progressText(g: GoalSummary): string {
  const c = g.current;
  if (!c) return 'No progress yet';
  const d = g.definition;
  const unit =
    d.measure === 'milestones'
      ? 'milestones'
      : d.measure === 'relationship'
        ? 'people at the layer'
        : d.measure === 'people'
          ? 'people'
          : 'interactions';
  const when = d.measure === 'milestones' || d.period === 'total' ? '' : ` in ${periodName(c, d.period)}`;
  return `${c.value} of ${c.target} ${unit}${when}`;
}

export function periodName(p: Pick<PeriodProgress, 'key' | 'startDate'>, kind: PeriodKind): string {
  const start = new Date(`${p.startDate}T12:00:00Z`);
  switch (kind) {
    case 'week':
      return `week of ${start.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })}`;
    case 'month':
      return start.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'quarter':
      return p.key.replace('-', ' ');
    default:
      return p.key;
  }
}

export function daysLeftText(g: GoalSummary): string | null {
  if (g.daysLeft === null) return null;
  if (g.daysLeft === 0) return 'ends today';
  return g.daysLeft === 1 ? '1 day left' : `${g.daysLeft} days left`;
}

export function ringColor(g: GoalSummary): string {
  if (g.current?.met) return 'teal';
  if (g.definition.status !== 'active') return 'gray';
  return g.behind ? 'orange' : 'blue';
}
