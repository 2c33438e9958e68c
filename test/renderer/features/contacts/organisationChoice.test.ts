import { describe, expect, it } from 'vitest';
import { organisationChoice } from '../../../../src/renderer/src/features/contacts/organisationChoice';

describe('the organisation menu of the contacts list', () => {
  const organisations = ['Contoso', 'helios', 'Øresund Bank'];

  it('shows a picked spelling as the entry the filter matches it with, case and spacing aside', () => {
    expect(organisationChoice(organisations, 'HELIOS')).toEqual({ data: organisations, value: 'helios' });
    expect(organisationChoice(organisations, 'ØRESUND  BANK')).toEqual({
      data: organisations,
      value: 'Øresund Bank',
    });
    expect(organisationChoice(organisations, 'Contoso')).toEqual({ data: organisations, value: 'Contoso' });
    expect(organisationChoice(organisations, null)).toEqual({ data: organisations, value: null });
  });

  it('offers a picked organisation no entry matches as it is', () => {
    expect(organisationChoice(organisations, 'Øresund Bankers')).toEqual({
      data: [...organisations, 'Øresund Bankers'],
      value: 'Øresund Bankers',
    });
    expect(organisationChoice([], 'Litware')).toEqual({ data: ['Litware'], value: 'Litware' });
  });
});
