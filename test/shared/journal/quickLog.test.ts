import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDate, parseQuickLog, quickLogMoment } from '../../../src/shared/journal/quickLog';

// A Wednesday, mid-afternoon local time.
const now = new Date(2026, 2, 11, 15, 30);

describe('quick log', () => {
  it('reads "coffee with Ana, 45 min, today"', () => {
    const log = parseQuickLog('coffee with Ana, 45 min, today', now);
    expect(log).toEqual({
      kind: 'coffee',
      title: 'Coffee with Ana',
      names: ['Ana'],
      minutes: 45,
      date: '2026-03-11',
      time: null,
      notes: '',
    });
    // Today without a time: it just ended.
    expect(quickLogMoment(log, now)).toEqual({
      startsAt: new Date(now.getTime() - 45 * 60_000).toISOString(),
      allDay: false,
    });
  });

  it('reads several names, hours, yesterday, a time and leftover notes', () => {
    const log = parseQuickLog(
      'Lunch with Ana and Bruno Lima, 1.5h, yesterday, 12:30, talked about the promo',
      now,
    );
    expect(log.kind).toBe('coffee');
    expect(log.names).toEqual(['Ana', 'Bruno Lima']);
    expect(log.minutes).toBe(90);
    expect(log.date).toBe('2026-03-10');
    expect(log.time).toBe('12:30');
    expect(log.notes).toBe('talked about the promo');
    expect(quickLogMoment(log, now)).toEqual({
      startsAt: new Date(2026, 2, 10, 12, 30).toISOString(),
      allDay: false,
    });
  });

  it('knows calls, video, messages, weekdays and "N days ago"; past days without a time are all-day', () => {
    expect(parseQuickLog('call with Ana, monday', now)).toMatchObject({ kind: 'call', date: '2026-03-09' });
    expect(parseQuickLog('zoom with Ana, 3 days ago', now)).toMatchObject({
      kind: 'video',
      date: '2026-03-08',
    });
    expect(parseQuickLog('texted Ana', now)).toMatchObject({ kind: 'message', names: [] });
    expect(parseQuickLog('catch-up with Ana, wednesday', now).date).toBe('2026-03-04');
    const past = parseQuickLog('coffee with Ana, 2026-01-05', now);
    expect(quickLogMoment(past, now)).toEqual({ startsAt: '2026-01-05', allDay: true });
  });

  it('never throws and always yields a valid day, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const log = parseQuickLog(text, now);
        expect(log.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(localDate(now)).toBe('2026-03-11');
      }),
    );
  });
});
