import { describe, expect, it } from 'vitest';
import { daysUntil, dueText } from '../../../src/shared/followUps/due';

describe('when a follow-up is due', () => {
  it('counts calendar days, across months and a daylight-saving change alike', () => {
    expect(daysUntil('2026-12-01', '2026-11-26')).toBe(5);
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysUntil('2026-11-20', '2026-11-26')).toBe(-6);
  });

  it('says it in words, with how urgent it is', () => {
    const today = '2026-11-26';
    expect(dueText('2026-11-25', today)).toEqual({ text: 'Overdue by 1 day', state: 'overdue' });
    expect(dueText('2026-11-20', today)).toEqual({ text: 'Overdue by 6 days', state: 'overdue' });
    expect(dueText('2026-11-26', today)).toEqual({ text: 'Due today', state: 'today' });
    expect(dueText('2026-11-27', today)).toEqual({ text: 'Due tomorrow', state: 'soon' });
    expect(dueText('2026-12-03', today)).toEqual({ text: 'Due in 7 days', state: 'soon' });
    expect(dueText('2026-12-04', today)).toEqual({ text: 'Due in 8 days', state: 'later' });
    expect(dueText(null, today)).toEqual({ text: 'No date', state: 'undated' });
  });
});
