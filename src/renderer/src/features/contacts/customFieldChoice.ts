import type { ContactFacets } from '../../../../shared/contacts/schemas';
import { labelKey } from '../../../../shared/contacts/labels';
import type { ListState } from '../../../../shared/contacts/listState';
import { nocaseKey } from '../../../../shared/text/nocase';

type Field = NonNullable<ListState['field']>;

export interface CustomFieldChoice {
  /** One group per label, its values the entries, each read "Team: Platform" (as the picked one shows). */
  data: Array<{ group: string; items: Array<{ value: string; label: string }> }>;
  value: string | null;
}

/** An entry's value: the label and the value together, as the menu can hold only one string. */
export const customFieldEntry = (field: Field): string => JSON.stringify([field.label, field.value]);

export function pickedCustomField(entry: string | null): ListState['field'] {
  if (entry === null) return null;
  const [label, value] = JSON.parse(entry) as [string, string];
  return { label, value };
}

/** How many contacts hold each entry's field and value, to show beside it. */
export function customFieldCounts(fields: ContactFacets['customFieldValues']): Map<string, number> {
  return new Map(
    fields.flatMap(({ label, values }) =>
      values.map(({ value, count }) => [customFieldEntry({ label, value }), count] as const),
    ),
  );
}

/**
 * The menu's group and entry the list's filter would match a field with: its label compared as
 * the form compares labels, its value as SQLite's NOCASE does.
 */
function facetOf(fields: ContactFacets['customFieldValues'], field: Field) {
  const group = fields.find((f) => labelKey(f.label) === labelKey(field.label));
  const entry = group?.values.find((v) => nocaseKey(v.value) === nocaseKey(field.value));
  return { group, entry };
}

/** How many contacts the list's filter would find for this field and value (0 when the menu does not offer it). */
export function heldBy(fields: ContactFacets['customFieldValues'], field: Field): number {
  return facetOf(fields, field).entry?.count ?? 0;
}

/**
 * The list's custom field menu, grouped by label, and the entry to show picked. An address (a
 * saved view) may name a field as the menu does not spell it, or one it no longer offers: it
 * shows as the entry it filters the same as, or as it is when none does.
 */
export function customFieldChoice(
  fields: ContactFacets['customFieldValues'],
  picked: ListState['field'],
): CustomFieldChoice {
  const data = fields.map(({ label, values }) => ({
    group: label,
    items: values.map(({ value }) => ({
      value: customFieldEntry({ label, value }),
      label: `${label}: ${value}`,
    })),
  }));
  if (picked === null) return { data, value: null };
  const { group, entry: matched } = facetOf(fields, picked);
  if (group && matched)
    return { data, value: customFieldEntry({ label: group.label, value: matched.value }) };
  const entry = customFieldEntry(picked);
  const item = { value: entry, label: `${group?.label ?? picked.label}: ${picked.value}` };
  const at = data.findIndex((d) => d.group === group?.label);
  if (at >= 0) data[at] = { ...data[at], items: [...data[at].items, item] };
  else data.push({ group: picked.label, items: [item] });
  return { data, value: entry };
}
