import { describe, expect, it } from 'vitest';
import { lastContactText, sinceText } from '../../../src/shared/text/since';

// Local-time constructors, so the cases hold in any time zone the tests run in.
const now = new Date(2026, 10, 25, 9, 30);
const at = (y: number, m: number, d: number, h = 12) => sinceText(new Date(y, m - 1, d, h), now);

describe('sinceText', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(at(2026, 11, 25, 0)).toBe('today');
    expect(at(2026, 11, 24, 23)).toBe('yesterday');
    expect(at(2026, 11, 23, 23)).toBe('2 days ago');
  });

  it('grows coarser with distance, in the right number', () => {
    expect(at(2026, 11, 12)).toBe('13 days ago');
    expect(at(2026, 11, 11)).toBe('2 weeks ago');
    expect(at(2026, 9, 27)).toBe('8 weeks ago');
    expect(at(2026, 9, 26)).toBe('1 month ago');
    expect(at(2025, 11, 26)).toBe('11 months ago');
    expect(at(2024, 11, 26)).toBe('23 months ago');
    expect(at(2024, 11, 25)).toBe('2 years ago');
    expect(at(2016, 1, 1)).toBe('10 years ago');
  });

  it('reads a moment after now as today', () => {
    expect(at(2026, 12, 3)).toBe('today');
  });
});

describe('lastContactText', () => {
  it('says when, or that there has been none', () => {
    expect(lastContactText(new Date(2026, 10, 24, 12).toISOString(), now)).toBe('last contact yesterday');
    expect(lastContactText(null, now)).toBe('no contact yet');
  });
});
