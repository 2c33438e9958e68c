import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/main/calendar/event';
import { wallToUtc, ZoneResolver } from '../../../src/main/calendar/zones';

const zones = new ZoneResolver(new Map(), null, 'Europe/Berlin');

/** What parseWhen meant before its digit-by-digit reading: the one regular expression. */
function byExpression(value: string, forceDate: boolean) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (m[4] === undefined || forceDate) {
    const wall = Date.UTC(y, mo - 1, d);
    return { wall, date: true, utc: wall, approximate: false };
  }
  const wall = Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6]));
  if (!Number.isFinite(wall)) return null;
  if (m[7] === 'Z') return { wall, date: false, utc: wall, approximate: false };
  return { wall, date: false, utc: wallToUtc(wall, zones.resolve(undefined).zone), approximate: false };
}

describe('reading a date-time value', () => {
  it('reads what the regular expression reads, and refuses what it refuses', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const wellFormed = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(19), two(39), two(29), two(69), two(69), fc.boolean())
      .map(
        ([y, mo, d, h, mi, s, z]) =>
          `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${z ? 'Z' : ''}`,
      );
    // Same length and alphabet, any order: separators and digits in the wrong places.
    const scrambled = fc
      .array(fc.constantFrom(...'0123456789-T:Z '), { minLength: 19, maxLength: 20 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(wellFormed, scrambled), fc.boolean(), (value, forceDate) => {
        expect(parseWhen(value, undefined, zones, forceDate)).toEqual(byExpression(value, forceDate));
      }),
      { numRuns: 3000 },
    );
    expect(parseWhen('2024-03-31T01:30:00', undefined, zones)?.utc).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(parseWhen('2024-13-01T00:00:00Z', undefined, zones)).toBeNull();
    expect(parseWhen('2024-03-31', undefined, zones)).toMatchObject({ date: true });
  });
});
