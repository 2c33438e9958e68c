import { describe, expect, it } from 'vitest';
import { givenNameFirst, nameFromAddress, proposedName } from '../../../src/main/calendar/names';

describe('names for new contacts from a calendar', () => {
  it('puts the given name first in a directory\'s "Last, First"', () => {
    expect(givenNameFirst('Müller, Jonas')).toBe('Jonas Müller');
    expect(givenNameFirst('  Okafor,Chidi ')).toBe('Chidi Okafor');
    expect(givenNameFirst('van der Berg, Anna Maria')).toBe('Anna Maria van der Berg');
    expect(givenNameFirst("O'Neil-Smith, J.")).toBe("J. O'Neil-Smith");
    expect(givenNameFirst('Müller, Jonas (IT Services)')).toBe('Jonas Müller (IT Services)');
    expect(givenNameFirst('Zu\u0308rcher, Ana')).toBe('Ana Zu\u0308rcher');
  });

  it('keeps as written what is not "Last, First"', () => {
    for (const name of [
      'Jonas Müller',
      'Smith, Jr.',
      'King, Martin Luther, Jr.',
      'Acme, Inc.',
      'Acme, GmbH',
      'Room 4, Floor 2',
      'Team (Berlin), Ops',
      'Sales, EMEA and APAC teams',
      '李, 雷',
    ]) {
      expect(givenNameFirst(name)).toBe(name);
    }
  });

  it('reads a name off a "first.last" address, and only off one', () => {
    expect(nameFromAddress('jonas.mueller@fabrikam.de')).toBe('Jonas Mueller');
    expect(nameFromAddress('ANA_SOUSA+work@example.com')).toBe('Ana Sousa');
    expect(nameFromAddress('jean.paul.gaultier@example.fr')).toBe('Jean Paul Gaultier');
    for (const email of [
      'jmueller@x.de',
      'info@x.de',
      'team-berlin@x.de',
      'j.mueller@x.de',
      'a.b.c.d@x.de',
      'bob2.smith@x.de',
    ]) {
      expect(nameFromAddress(email)).toBeNull();
    }
  });

  it('proposes the CN, else the address, else its local part', () => {
    expect(proposedName('Müller, Jonas', 'jm@fabrikam.de')).toBe('Jonas Müller');
    expect(proposedName(null, 'jonas.mueller@fabrikam.de')).toBe('Jonas Mueller');
    expect(proposedName('  ', 'jmueller@fabrikam.de')).toBe('jmueller');
  });
});
