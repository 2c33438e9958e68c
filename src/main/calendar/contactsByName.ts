import { nameKeys } from '../duplicates/find';

/** A contact as a name finds them, with their first address (null when they have none). */
export interface NamedContact {
  id: number;
  name: string;
  email: string | null;
}

/** A contact the user has under a name, by each of its `nameKeys`; null where two or more share one. */
export type ContactsByName = Map<string, NamedContact | null>;

/**
 * The one contact a name can mean, a directory's "(Department)" aside: none when no key finds
 * one, or when its keys find two or a shared name.
 */
export function contactNamed(byName: ContactsByName, name: string): NamedContact | null {
  let found: NamedContact | null = null;
  for (const key of nameKeys(name.replace(/\s*\([^()]*\)$/, ''))) {
    const contact = byName.get(key);
    if (contact === undefined) continue;
    if (contact === null || (found !== null && found.id !== contact.id)) return null;
    found = contact;
  }
  return found;
}
