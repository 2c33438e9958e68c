import { describe, expect, test } from 'vitest';
import { activeNavPath, navigation } from '../../../src/renderer/src/app/navigation';

describe('sidebar', () => {
  test('lists the seven areas in order', () => {
    expect(navigation.map((n) => n.label)).toEqual([
      'Dashboard',
      'Contacts',
      'Journal',
      'Graph',
      'Goals',
      'Import',
      'Settings',
    ]);
  });

  test('highlights the area a page belongs to', () => {
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/contacts')).toBe('/contacts');
    expect(activeNavPath('/contacts/42')).toBe('/contacts');
    expect(activeNavPath('/contactsX')).toBeNull();
    expect(activeNavPath('/settings')).toBe('/settings');
  });
});
