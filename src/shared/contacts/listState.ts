import { circles, type Circle, type ContactListInput } from './schemas';
import { layers, type Layer } from '../strength/model';
import { contactListOrders } from './listOrders';

/** The list request without its paging. */
export type ContactListFilters = Omit<ContactListInput, 'offset' | 'limit'>;

/** The names `writeListState` uses in the address; a saved view may hold only these. */
export const listStateKeys = [
  'q',
  'circle',
  'tag',
  'org',
  'former',
  'city',
  'field',
  'is',
  'layer',
  'archived',
  'order',
] as const;

/** What the contacts list shows, as it is kept in the address (so going back restores it) and in saved views. */
export interface ListState {
  query: string;
  circle: Circle | null;
  tag: string | null;
  organisation: string | null;
  /** With an organisation: those who worked there too. */
  formerToo: boolean;
  city: string | null;
  /** A custom field and the value it holds: `field=Team&is=Platform`. */
  field: { label: string; value: string } | null;
  layer: Layer | null;
  archived: boolean;
  order: string;
}

/** Both halves or neither: a label without its value (or the reverse) filters nothing. */
function fieldOf(label: string | null, value: string | null): ListState['field'] {
  return label?.trim() && value?.trim() ? { label: label.trim(), value: value.trim() } : null;
}

export function readListState(params: URLSearchParams): ListState {
  const circle = params.get('circle');
  const order = params.get('order');
  const layer = params.get('layer');
  return {
    query: params.get('q') ?? '',
    circle: circles.includes(circle as Circle) ? (circle as Circle) : null,
    tag: params.get('tag') || null,
    organisation: params.get('org') || null,
    formerToo: params.get('former') === '1',
    city: params.get('city') || null,
    field: fieldOf(params.get('field'), params.get('is')),
    layer: layers.includes(layer as Layer) ? (layer as Layer) : null,
    archived: params.get('archived') === '1',
    order: contactListOrders.some((o) => o.value === order) ? (order as string) : contactListOrders[0].value,
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.circle) params.set('circle', state.circle);
  if (state.tag) params.set('tag', state.tag);
  if (state.organisation) params.set('org', state.organisation);
  if (state.formerToo) params.set('former', '1');
  if (state.city) params.set('city', state.city);
  if (state.field) {
    params.set('field', state.field.label);
    params.set('is', state.field.value);
  }
  if (state.layer) params.set('layer', state.layer);
  if (state.archived) params.set('archived', '1');
  if (state.order !== contactListOrders[0].value) params.set('order', state.order);
  return params;
}

/** The list request for a state: only the filters that are set, the order as key + direction. */
export function toListFilters(state: ListState): ContactListFilters {
  const order = contactListOrders.find((o) => o.value === state.order) ?? contactListOrders[0];
  const filters: ContactListFilters = {
    archived: state.archived,
    sort: order.sort,
    direction: order.direction,
  };
  const query = state.query.trim();
  if (query) filters.query = query;
  if (state.circle) filters.circle = state.circle;
  if (state.tag) filters.tag = state.tag;
  if (state.organisation) filters.organisation = state.organisation;
  if (state.organisation && state.formerToo) filters.formerToo = true;
  if (state.city) filters.city = state.city;
  if (state.field) filters.field = { ...state.field };
  if (state.layer) filters.layer = state.layer;
  return filters;
}

/** Everyone who works or worked at an organisation, closest first: where a career's "others" link to. */
export function organisationListParams(organisation: string): URLSearchParams {
  return writeListState({
    ...readListState(new URLSearchParams()),
    organisation,
    formerToo: true,
    order: 'strength',
  });
}

/** Everyone in a city, closest first: where a city links to in the list's address. */
export function cityListParams(city: string): URLSearchParams {
  return writeListState({ ...readListState(new URLSearchParams()), city, order: 'strength' });
}

/** Everyone whose custom field holds this value, closest first: where a field on a contact's page links to. */
export function customFieldListParams(label: string, value: string): URLSearchParams {
  return writeListState({
    ...readListState(new URLSearchParams()),
    field: { label, value },
    order: 'strength',
  });
}
