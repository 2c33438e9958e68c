import { describe, expect, it } from 'vitest';
import { meetingsPerMonth } from '../../../src/main/calendar/months';

describe('meetingsPerMonth', () => {
  it('counts starts by UTC month, filling the months between with zeros across a year end', () => {
    expect(
      meetingsPerMonth([
        '2024-11-03T09:00:00.000Z',
        '2025-02-01',
        '2024-11-30T23:30:00.000Z',
        '2025-02-28T08:00:00.000Z',
      ]),
    ).toEqual([
      { month: '2024-11', meetings: 2 },
      { month: '2024-12', meetings: 0 },
      { month: '2025-01', meetings: 0 },
      { month: '2025-02', meetings: 2 },
    ]);
  });

  it('gives one month for one meeting and nothing for none', () => {
    expect(meetingsPerMonth(['2020-06-15T10:00:00.000Z'])).toEqual([{ month: '2020-06', meetings: 1 }]);
    expect(meetingsPerMonth([])).toEqual([]);
  });

  it('covers twenty years as 240 months whose counts add up to the meetings', () => {
    const starts = Array.from({ length: 1000 }, (_, i) => {
      const month = i % 240;
      return `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-10T12:00:00.000Z`;
    });
    const months = meetingsPerMonth(starts);
    expect(months).toHaveLength(240);
    expect(months[0].month).toBe('2000-01');
    expect(months.at(-1)!.month).toBe('2019-12');
    expect(months.reduce((n, m) => n + m.meetings, 0)).toBe(1000);
  });
});
