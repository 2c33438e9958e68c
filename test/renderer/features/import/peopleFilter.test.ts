import { describe, expect, it } from 'vitest';
import { matchingPeople } from '../../../../src/renderer/src/features/import/peopleFilter';

const people = [
  { name: 'Jonas Müller', email: 'jonas.mueller@fabrikam.de' },
  { name: 'Tom Becker', email: 'tom.becker@contoso.com' },
  { name: 'Zoë Adams', email: 'zoe@talent-partners.io' },
  { name: 'Priya Raman', email: 'priya.raman@contoso.com' },
];
const names = (query: string) => matchingPeople(people, query).map((p) => p.name);

describe('finding among the new people of an import', () => {
  it('finds by any part of the name or address, whatever the case and accents', () => {
    expect(names('MULLER')).toEqual(['Jonas Müller']);
    expect(names('zoe')).toEqual(['Zoë Adams']);
    expect(names('contoso.com')).toEqual(['Tom Becker', 'Priya Raman']);
    expect(names('talent-')).toEqual(['Zoë Adams']);
  });

  it('needs every word, in any order', () => {
    expect(names('contoso priya')).toEqual(['Priya Raman']);
    expect(names('raman  becker')).toEqual([]);
  });

  it('finds everyone for a blank search', () => {
    expect(names('')).toHaveLength(4);
    expect(names('   ')).toHaveLength(4);
  });
});
