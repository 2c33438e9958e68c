import { describe, expect, it } from 'vitest';
import { organisationChoice } from '../../../../src/renderer/src/features/contacts/organisationChoice';

describe('the organisation menu of the contacts list', () => {
  const organisations = ['Contoso', 'helios', 'Øresund Bank'];

  it('shows a picked spelling as the entry the filter matches it with', () => {
    expect(organisationChoice(organisations, 'HELIOS')).toEqual({ data: organisations, value: 'helios' });
    expect(organisationChoice(organisations, 'Contoso')).toEqual({ data: organisations, value: 'Contoso' });
    expect(organisationChoice(organisations, null)).toEqual({ data: organisations, value: null });
  });

  it('offers a picked organisation no entry matches as it is', () => {
    // The filter folds A-Z only, as SQLite's NOCASE does: Ø and ø are not the same to it.
    expect(organisationChoice(organisations, 'øresund bank')).toEqual({
      data: [...organisations, 'øresund bank'],
      value: 'øresund bank',
    });
    expect(organisationChoice([], 'Litware')).toEqual({ data: ['Litware'], value: 'Litware' });
  });
});
