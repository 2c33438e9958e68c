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
 * What every spelling of one city shares, for comparing and grouping: "ZÜRICH", "Zürich" and a
 * decomposed "Zu\u0308rich" are one city. Unicode case folding, not SQLite's ASCII-only NOCASE,
 * and no locale, so it is the same on every machine (a Turkish locale would fold "I" apart).
 */
export function cityKey(city: string): string {
  return city.trim().normalize('NFC').toLowerCase();
}
