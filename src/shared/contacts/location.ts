import { folded } from '../text/fold';

/**
 * A location's city: the text before its first comma ("Berlin" of "Berlin, Germany"), trimmed;
 * null when there is none. SQL reads it by the same rule (`citySql` in main/contacts/city.ts).
 */
export function cityOf(location: string | null): string | null {
  if (location === null) return null;
  const city = location.split(',', 1)[0].trim();
  return city === '' ? null : city;
}

/**
 * What every spelling of one city shares, for comparing and grouping (`folded`): "ZÜRICH",
 * "Zürich" and "Zurich" are one city.
 */
export function cityKey(city: string): string {
  return folded(city.trim());
}
