import type { Layer, Trend } from '../../../../shared/strength/model';

export const layerLabels: Record<Layer, string> = {
  inner: 'Inner (about weekly)',
  close: 'Close (about monthly)',
  active: 'Active (twice a year)',
  known: 'Known (yearly)',
  dormant: 'Dormant',
};

export const layerShort: Record<Layer, string> = {
  inner: 'Inner',
  close: 'Close',
  active: 'Active',
  known: 'Known',
  dormant: 'Dormant',
};

export const layerColors: Record<Layer, string> = {
  inner: 'grape',
  close: 'indigo',
  active: 'teal',
  known: 'gray',
  dormant: 'dark',
};

export const trendArrows: Record<Trend, string> = { up: '↗', flat: '→', down: '↘' };
export const trendWords: Record<Trend, string> = {
  up: 'warming: more contact this month than last',
  flat: 'steady',
  down: 'cooling: less contact this month than last',
};

/** Strength to one decimal, small values to two so "0.04" does not read as nothing. */
export function formatStrength(t: number): string {
  return t >= 1 || t === 0 ? t.toFixed(1) : t.toFixed(2);
}
