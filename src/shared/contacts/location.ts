/**
 * A location's city: the text before its first comma ("Berlin" of "Berlin, Germany"), trimmed;
 * null when there is none. The contacts list filters by it in SQL with the same rule
 * (`cityOf` in main/contacts/repository.ts).
 */
export function cityOf(location: string | null): string | null {
  if (location === null) return null;
  const city = location.split(',', 1)[0].trim();
  return city === '' ? null : city;
}
