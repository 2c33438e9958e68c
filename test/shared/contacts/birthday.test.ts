import { describe, expect, it } from 'vitest';
import {
  birthdaySchema,
  daysUntilText,
  formatBirthdayValue,
  nextBirthday,
  parseBirthday,
} from '../../../src/shared/contacts/birthday';

describe('birthdays', () => {
  it('reads full dates and year-less ones, and refuses days that do not exist', () => {
    expect(parseBirthday('1985-04-12')).toEqual({ year: 1985, month: 4, day: 12 });
    expect(parseBirthday('--04-12')).toEqual({ year: null, month: 4, day: 12 });
    expect(parseBirthday('--02-29')).toEqual({ year: null, month: 2, day: 29 });
    expect(parseBirthday('1984-02-29')).toEqual({ year: 1984, month: 2, day: 29 });
    for (const bad of [
      '1985-02-29',
      '1985-04-31',
      '1985-13-01',
      '1985-00-10',
      '--02-30',
      '12/04/1985',
      '',
      '1700-01-01',
    ]) {
      expect(parseBirthday(bad), bad).toBeNull();
      expect(birthdaySchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(formatBirthdayValue({ year: null, month: 2, day: 9 })).toBe('--02-09');
    expect(formatBirthdayValue({ year: 1990, month: 11, day: 30 })).toBe('1990-11-30');
  });

  it('finds the next birthday from today, today included, across the year end', () => {
    expect(nextBirthday('1985-04-12', '2026-04-12')).toEqual({ date: '2026-04-12', daysUntil: 0, turns: 41 });
    expect(nextBirthday('1985-04-12', '2026-04-13')).toEqual({
      date: '2027-04-12',
      daysUntil: 364,
      turns: 42,
    });
    expect(nextBirthday('--01-02', '2026-12-30')).toEqual({ date: '2027-01-02', daysUntil: 3, turns: null });
  });

  it('celebrates 29 February on 28 February in other years, and on the day in leap years', () => {
    expect(nextBirthday('1996-02-29', '2026-02-01')).toEqual({
      date: '2026-02-28',
      daysUntil: 27,
      turns: 30,
    });
    expect(nextBirthday('--02-29', '2027-03-01')).toEqual({
      date: '2028-02-29',
      daysUntil: 365,
      turns: null,
    });
  });

  it('has no next birthday for a malformed value or one not yet born', () => {
    expect(nextBirthday('soon', '2026-01-01')).toBeNull();
    expect(nextBirthday('2030-05-01', '2026-01-01')).toBeNull();
  });

  it('says when in words', () => {
    expect([0, 1, 2, 30].map(daysUntilText)).toEqual(['today', 'tomorrow', 'in 2 days', 'in 30 days']);
  });
});
