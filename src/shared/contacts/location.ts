/**
 * A location's city: the text before its first comma ("Berlin" of "Berlin, Germany"), trimmed;
 * null when there is none. SQL reads it by the same rule (`citySql` in main/contacts/city.ts).
 */
export function cityOf(location: string | null): string | null {
  if (location === null) return null;
  const city = location.split(',', 1)[0].trim();
  return city === '' ? null : city;
}

/** Unicode's Combining Diacritical Marks block, what an NFD form writes after a Latin "ü" or "é". */
const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * What every spelling of one city shares, for comparing and grouping: "ZÜRICH", "Zürich", a
 * decomposed "Zu\u0308rich" and "Zurich" are one city, as search already finds "Zürich" for
 * "zurich" (its index removes diacritics). Unicode case folding, not SQLite's ASCII-only
 * NOCASE, and no locale, so it is the same on every machine (a Turkish locale would fold "I"
 * apart). Only the combining diacritical marks of Latin, Greek and Cyrillic letters go: a
 * Japanese voicing mark changes the word, so it stays.
 */
export function cityKey(city: string): string {
  return city.trim().toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
}
