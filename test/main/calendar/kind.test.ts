import { describe, expect, it } from 'vitest';
import { meetingKind, meetingsPerKind } from '../../../src/main/calendar/kind';

const kind = (title: string, location: string | null = null, video = false) =>
  meetingKind({ title, location, video });

describe('the kind of a calendar event', () => {
  it('is a video call whenever it has a conferencing link, whatever its title', () => {
    expect(kind('Virtual coffee', 'https://meet.google.com/abc-defg-hij', true)).toBe('video');
    expect(kind('Call with Ana', null, true)).toBe('video');
  });

  it('is a coffee or a meal by its title, in several languages, but not a talk over lunch', () => {
    for (const title of [
      'Coffee with Ana',
      'Lunch',
      'Team dinner',
      'Drinks @ The Crown',
      'Café avec Léa',
      'Kaffee mit Lena',
      'Déjeuner',
      'Frühstück mit Jonas',
      'Koffie met Daan',
      'Borrel',
      'Almoço com a Inês',
    ]) {
      expect(kind(title, 'Pret, King’s Cross'), title).toBe('coffee');
    }
    expect(kind('Lunch & Learn: Rust')).toBe('meeting');
    expect(kind('Brown-bag: our new API')).toBe('meeting');
    // A word inside another is not that word.
    expect(kind('Coffeescript migration')).toBe('meeting');
    expect(kind('Dinnerware vendor review')).toBe('meeting');
  });

  it('is a phone call by a telephone number or "Phone" for its place, or a call by its title with no place', () => {
    expect(kind('Catch-up with Bo', '+44 20 7946 0958')).toBe('call');
    expect(kind('Catch-up with Bo', 'tel:+1-555-0100')).toBe('call');
    expect(kind('Catch-up with Bo', 'By phone')).toBe('call');
    expect(kind('Call with Bo')).toBe('call');
    expect(kind('Telefonat mit Jonas')).toBe('call');
    expect(kind('Bellen met Daan')).toBe('call');
    expect(kind('Ligação com a Inês')).toBe('call');
    // A call somewhere is a meeting there; a recall is not a call.
    expect(kind('Sales call', 'Room 4.01')).toBe('meeting');
    expect(kind('Product recall review')).toBe('meeting');
    expect(kind('Quarterly review', 'Building 7, 2nd floor')).toBe('meeting');
    expect(kind('Standup')).toBe('meeting');
  });

  it('is counted per kind for the preview, most first', () => {
    expect(meetingsPerKind(['meeting', 'video', 'coffee', 'video', 'call', 'coffee', 'video'])).toEqual([
      { kind: 'video', meetings: 3 },
      { kind: 'coffee', meetings: 2 },
      { kind: 'call', meetings: 1 },
      { kind: 'meeting', meetings: 1 },
    ]);
    expect(meetingsPerKind([])).toEqual([]);
  });
});
