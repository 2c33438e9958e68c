import { describe, expect, it } from 'vitest';
import {
  customFieldChoice,
  customFieldCounts,
  customFieldEntry,
  heldBy,
  pickedCustomField,
} from '../../../../src/renderer/src/features/contacts/customFieldChoice';

describe('the custom field menu of the contacts list', () => {
  const fields = [
    { label: 'Desk', values: [{ value: '4F', count: 1 }] },
    {
      label: 'Team',
      values: [
        { value: 'Platform', count: 12 },
        { value: 'Search', count: 3 },
      ],
    },
  ];
  const team = (value: string) => customFieldEntry({ label: 'Team', value });

  it('groups the values under their label, each entry both halves of the filter', () => {
    const { data, value } = customFieldChoice(fields, null);
    expect(value).toBeNull();
    expect(data).toEqual([
      {
        group: 'Desk',
        items: [{ value: customFieldEntry({ label: 'Desk', value: '4F' }), label: 'Desk: 4F' }],
      },
      {
        group: 'Team',
        items: [
          { value: team('Platform'), label: 'Team: Platform' },
          { value: team('Search'), label: 'Team: Search' },
        ],
      },
    ]);
    expect(pickedCustomField(team('Search'))).toEqual({ label: 'Team', value: 'Search' });
    expect(pickedCustomField(null)).toBeNull();
    expect(customFieldCounts(fields).get(team('Platform'))).toBe(12);
  });

  it('says how many hold a field, its name compared as the form does, its value case aside', () => {
    expect(heldBy(fields, { label: ' team ', value: 'PLATFORM' })).toBe(12);
    expect(heldBy(fields, { label: 'Team', value: 'Payments' })).toBe(0);
    expect(heldBy(fields, { label: 'Squad', value: 'Platform' })).toBe(0);
  });

  it('shows a picked field as the entry the filter matches it with, case aside', () => {
    const choice = customFieldChoice(fields, { label: 'TEAM', value: 'platform' });
    expect(choice.value).toBe(team('Platform'));
    expect(choice.data).toEqual(customFieldChoice(fields, null).data);
  });

  it('offers a picked field the menu lacks as it is, under its label', () => {
    const missing = customFieldChoice(fields, { label: 'team', value: 'Payments' });
    expect(missing.value).toBe(customFieldEntry({ label: 'team', value: 'Payments' }));
    expect(missing.data[1].items.map((i) => i.label)).toEqual([
      'Team: Platform',
      'Team: Search',
      'Team: Payments',
    ]);
    const unknown = customFieldChoice([], { label: 'Squad', value: 'Red' });
    expect(unknown.data).toEqual([
      {
        group: 'Squad',
        items: [{ value: customFieldEntry({ label: 'Squad', value: 'Red' }), label: 'Squad: Red' }],
      },
    ]);
  });
});
