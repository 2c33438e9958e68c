import { describe, expect, it } from 'vitest';
import { snoozedUntil } from '../../../src/shared/followUps/snooze';

describe('snoozedUntil', () => {
  it('counts from today, across month and year ends', () => {
    expect(snoozedUntil('tomorrow', '2026-11-26')).toBe('2026-11-27');
    expect(snoozedUntil('tomorrow', '2026-12-31')).toBe('2027-01-01');
    expect(snoozedUntil('nextWeek', '2026-11-26')).toBe('2026-12-03');
    expect(snoozedUntil('nextWeek', '2026-12-28')).toBe('2027-01-04');
  });

  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(snoozedUntil('nextMonth', '2026-11-26')).toBe('2026-12-26');
    expect(snoozedUntil('nextMonth', '2026-12-15')).toBe('2027-01-15');
    expect(snoozedUntil('nextMonth', '2027-01-31')).toBe('2027-02-28');
    expect(snoozedUntil('nextMonth', '2028-01-31')).toBe('2028-02-29');
    expect(snoozedUntil('nextMonth', '2026-03-31')).toBe('2026-04-30');
  });

  it('is not moved by a daylight-saving change in the local zone', () => {
    // 29 March 2026 is the EU's change; the days are calendar days, not 24-hour spans.
    expect(snoozedUntil('tomorrow', '2026-03-28')).toBe('2026-03-29');
    expect(snoozedUntil('nextWeek', '2026-03-25')).toBe('2026-04-01');
  });
});
