import { describe, expect, test } from 'vitest';
import {
  customFieldListParams,
  organisationListParams,
  readListState,
  toListFilters,
  writeListState,
} from '../../../src/shared/contacts/listState';

describe('contacts list state in the address', () => {
  test('defaults: everyone active, by name', () => {
    const state = readListState(new URLSearchParams());
    expect(state).toEqual({
      query: '',
      circle: null,
      tag: null,
      organisation: null,
      formerToo: false,
      city: null,
      field: null,
      layer: null,
      archived: false,
      order: 'name',
    });
    expect(writeListState(state).toString()).toBe('');
    expect(toListFilters(state)).toEqual({ archived: false, sort: 'name', direction: 'asc' });
  });

  test('a full state survives the address round trip and becomes the list request', () => {
    const state = {
      query: 'robot ',
      circle: 'mentor' as const,
      tag: 'ai & ml',
      organisation: 'Helios Robotics',
      formerToo: true,
      city: 'São Paulo',
      field: { label: 'Team', value: 'Platform & Infra' },
      layer: 'close' as const,
      archived: true,
      order: 'updated',
    };
    expect(readListState(writeListState(state))).toEqual(state);
    expect(toListFilters(state)).toEqual({
      query: 'robot',
      circle: 'mentor',
      tag: 'ai & ml',
      organisation: 'Helios Robotics',
      formerToo: true,
      city: 'São Paulo',
      field: { label: 'Team', value: 'Platform & Infra' },
      layer: 'close',
      archived: true,
      sort: 'updated',
      direction: 'desc',
    });
  });

  test('those who worked at an organisation are asked for only with an organisation', () => {
    const state = readListState(new URLSearchParams('former=1'));
    expect(state.formerToo).toBe(true);
    expect(toListFilters(state)).not.toHaveProperty('formerToo');
  });

  test('an organisation links to everyone who works or worked there, closest first', () => {
    const state = readListState(organisationListParams('Helios Robotics'));
    expect(toListFilters(state)).toEqual({
      organisation: 'Helios Robotics',
      formerToo: true,
      archived: false,
      sort: 'strength',
      direction: 'desc',
    });
  });

  test('a custom field filters with both its name and its value, never half of them', () => {
    expect(
      writeListState({
        ...readListState(new URLSearchParams()),
        field: { label: 'Team', value: 'Platform' },
      }).toString(),
    ).toBe('field=Team&is=Platform');
    expect(readListState(new URLSearchParams('field=+Team+&is=Platform')).field).toEqual({
      label: 'Team',
      value: 'Platform',
    });
    expect(readListState(new URLSearchParams('field=Team')).field).toBeNull();
    expect(readListState(new URLSearchParams('is=Platform')).field).toBeNull();
    expect(readListState(new URLSearchParams('field=Team&is=+')).field).toBeNull();
  });

  test('a custom field on a contact links to everyone holding its value, closest first', () => {
    expect(customFieldListParams('Team', 'Platform & Infra').toString()).toBe(
      'field=Team&is=Platform+%26+Infra&order=strength',
    );
  });

  test('unknown values in a hand-edited address fall back to the defaults', () => {
    const state = readListState(new URLSearchParams('circle=boss&order=random&archived=yes&layer=best'));
    expect(state.circle).toBeNull();
    expect(state.layer).toBeNull();
    expect(state.order).toBe('name');
    expect(state.archived).toBe(false);
  });

  test('the strength orders ask for strength and last contact in the direction that reads right', () => {
    const at = (order: string) => toListFilters({ ...readListState(new URLSearchParams()), order });
    expect(at('strength')).toMatchObject({ sort: 'strength', direction: 'desc' });
    expect(at('recent')).toMatchObject({ sort: 'lastContact', direction: 'desc' });
    expect(at('longest')).toMatchObject({ sort: 'lastContact', direction: 'asc' });
  });
});
