import { nameKeys } from '../duplicates/find';

/**
 * Values by each key of a name (`nameKeys`: case, accents, "Last, First" order aside); null
 * where two values share a key.
 */
export type ByName<T> = Map<string, T | null>;

/** Files `value` under each key of `name`; a key another value has already is no one's. */
export function addByName<T>(byName: ByName<T>, name: string, value: T, same: (a: T, b: T) => boolean): void {
  for (const key of nameKeys(name)) {
    if (key === '') continue;
    const known = byName.get(key);
    byName.set(key, known === undefined || (known !== null && same(known, value)) ? value : null);
  }
}

/**
 * The one value a name means, a directory's "(Department)" aside: null when no key finds one,
 * or when its keys find two or a shared name.
 */
export function oneByName<T>(byName: ByName<T>, name: string, same: (a: T, b: T) => boolean): T | null {
  let found: T | null = null;
  for (const key of nameKeys(name.replace(/\s*\([^()]*\)$/, ''))) {
    const value = byName.get(key);
    if (value === undefined) continue;
    if (value === null || (found !== null && !same(found, value))) return null;
    found = value;
  }
  return found;
}

/** A contact as a name finds them, with their first address (null when they have none). */
export interface NamedContact {
  id: number;
  name: string;
  email: string | null;
}

export type ContactsByName = ByName<NamedContact>;

export const sameContact = (a: NamedContact, b: NamedContact): boolean => a.id === b.id;

/** The one contact a name can mean (`oneByName`). */
export function contactNamed(byName: ContactsByName, name: string): NamedContact | null {
  return oneByName(byName, name, sameContact);
}
