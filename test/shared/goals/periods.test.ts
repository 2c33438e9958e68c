import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  inPeriod,
  localDate,
  localMidnightMs,
  periodContaining,
  periodIndexOf,
  periodsBetween,
  periodStartDate,
  weekStartForLocale,
  whenOf,
} from '../../../src/shared/goals/periods';

describe('goal periods', () => {
  it('starts weeks on the day the user chose', () => {
    // 2026-11-25 is a Wednesday.
    expect(periodStartDate('2026-11-25', 'week', 1)).toBe('2026-11-23');
    expect(periodStartDate('2026-11-25', 'week', 0)).toBe('2026-11-22');
    expect(periodStartDate('2026-11-25', 'week', 6)).toBe('2026-11-21');
    expect(periodStartDate('2026-11-22', 'week', 0)).toBe('2026-11-22');
    expect(periodStartDate('2026-11-22', 'week', 1)).toBe('2026-11-16');
  });

  it('derives the week start from the locale', () => {
    expect(weekStartForLocale('en-US')).toBe(0);
    expect(weekStartForLocale('de-DE')).toBe(1);
    expect(weekStartForLocale('not a locale!')).toBe(1);
  });

  it('ends months on their last day, leap years included', () => {
    const feb = periodContaining('2028-02-29', 'month', { timeZone: 'UTC', weekStart: 1 });
    expect(feb.startDate).toBe('2028-02-01');
    expect(feb.endDate).toBe('2028-03-01');
    const jan = periodContaining('2027-01-31', 'month', { timeZone: 'UTC', weekStart: 1 });
    expect(jan.endDate).toBe('2027-02-01');
  });

  it('aligns quarters and years to the calendar', () => {
    const clock = { timeZone: 'UTC', weekStart: 1 as const };
    expect(periodContaining('2026-11-25', 'quarter', clock)).toMatchObject({
      key: '2026-Q4',
      startDate: '2026-10-01',
      endDate: '2027-01-01',
    });
    expect(periodContaining('2026-03-31', 'quarter', clock).key).toBe('2026-Q1');
    expect(periodContaining('2026-04-01', 'quarter', clock).key).toBe('2026-Q2');
    expect(periodContaining('2026-12-31', 'year', clock)).toMatchObject({
      key: '2026',
      endDate: '2027-01-01',
    });
  });

  it('counts 23:30 local on the last day of the month in that month, in any zone', () => {
    for (const timeZone of [
      'America/Los_Angeles',
      'Europe/Berlin',
      'Asia/Tokyo',
      'Australia/Sydney',
      'Pacific/Kiritimati',
    ]) {
      const clock = { timeZone, weekStart: 1 as const };
      const october = periodContaining('2026-10-31', 'month', clock);
      const november = periodContaining('2026-11-01', 'month', clock);
      // 23:30 local on 31 October, as the UTC instant the journal stores.
      const instant = localMidnightMs('2026-10-31', timeZone) + 23.5 * 3_600_000;
      expect(localDate(instant, timeZone)).toBe('2026-10-31');
      const w = whenOf(new Date(instant).toISOString(), false);
      expect(inPeriod(w, october)).toBe(true);
      expect(inPeriod(w, november)).toBe(false);
      // And 00:30 local on 1 November belongs to November, whatever its UTC date.
      const after = whenOf(
        new Date(localMidnightMs('2026-11-01', timeZone) + 1_800_000).toISOString(),
        false,
      );
      expect(inPeriod(after, november)).toBe(true);
    }
  });

  it('finds local midnight across a DST change', () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 local.
    const start = localMidnightMs('2026-10-25', 'Europe/Berlin');
    expect(new Date(start).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    const next = localMidnightMs('2026-10-26', 'Europe/Berlin');
    expect(new Date(next).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(next - start).toBe(25 * 3_600_000);
    // America/New_York starts summer time on 2026-03-08.
    expect(new Date(localMidnightMs('2026-03-08', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(localMidnightMs('2026-03-09', 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('compares all-day entries by their local date', () => {
    const clock = { timeZone: 'Asia/Tokyo', weekStart: 1 as const };
    const oct = periodContaining('2026-10-15', 'month', clock);
    expect(inPeriod(whenOf('2026-10-31', true), oct)).toBe(true);
    expect(inPeriod(whenOf('2026-11-01', true), oct)).toBe(false);
  });

  it('lists contiguous periods, keeping the most recent under a limit', () => {
    const clock = { timeZone: 'Europe/London', weekStart: 1 as const };
    const all = periodsBetween('2024-01-15', '2026-11-25', 'month', clock);
    expect(all).toHaveLength(35);
    expect(all[0].startDate).toBe('2024-01-01');
    const last24 = periodsBetween('2024-01-15', '2026-11-25', 'month', clock, 24);
    expect(last24).toHaveLength(24);
    expect(last24[23].key).toBe('2026-11');
    expect(last24[0].key).toBe('2024-12');
    for (let i = 1; i < all.length; i++) expect(all[i].startMs).toBe(all[i - 1].endMs);
  });

  it('puts every instant into exactly the period that contains its local date (property)', () => {
    const zones = ['UTC', 'America/Sao_Paulo', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const, 'year' as const),
        fc.integer({ min: 0, max: 6 }),
        (ms, timeZone, kind, ws) => {
          const clock = { timeZone, weekStart: ws as 0 };
          const date = localDate(ms, timeZone);
          const periods = periodsBetween('2019-12-01', '2030-02-01', kind, clock);
          const index = periodIndexOf(whenOf(new Date(ms).toISOString(), false), periods);
          expect(index).toBeGreaterThanOrEqual(0);
          const p = periods[index];
          expect(date >= p.startDate && date < p.endDate).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
