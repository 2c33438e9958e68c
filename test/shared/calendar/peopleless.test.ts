import { describe, expect, it } from 'vitest';
import { peopleless, peoplelessAdvice } from '../../../src/shared/calendar/peopleless';

const event = (title: string, people: string[] = []) => ({ title, people });

describe('peopleless', () => {
  it('is null as soon as one event names someone, and for no events at all', () => {
    expect(peopleless([event('Busy'), event('Sync', ['ana@example.com']), event('Busy')])).toBeNull();
    expect(peopleless([])).toBeNull();
  });

  it('takes an export whose titles are free/busy states, at least four in five, for availability only', () => {
    const states = ['Busy', ' tentative ', 'Out of Office', 'FREE'].map((t) => event(t));
    expect(peopleless([...states, event('Dentist')])).toBe('availability');
    expect(peopleless([...states, event('Dentist'), event('Gym')])).toBe('no_people');
    expect(peopleless([event('Dentist'), event('Gym')])).toBe('no_people');
    // Outlook writes the states in its own language.
    const german = ['Gebucht', 'Mit Vorbehalt', 'Abwesend', 'Frei'].map((t) => event(t));
    expect(peopleless(german)).toBe('availability');
    const french = ['Occupé', 'Provisoire', 'Absent', 'Libre'].map((t) => event(t));
    expect(peopleless(french)).toBe('availability');
  });

  it('says what to do in each case', () => {
    expect(peoplelessAdvice('availability')).toMatch(/availability-only export.*Detail “Full details”/);
    expect(peoplelessAdvice('no_people')).toMatch(/^None of its events names an organiser or an attendee/);
  });
});
