/**
 * SQL for a location column's city: the text before its first comma, trimmed, the rule of
 * `cityOf` (shared/contacts/location.ts). One copy for every query that filters by city.
 */
export function citySql(column: string): string {
  // JavaScript's trim() takes ASCII's tab, line feed, vertical tab, form feed and return too.
  return `trim(substr(${column}, 1, instr(${column} || ',', ',') - 1), ' ' || char(9, 10, 11, 12, 13))`;
}

/**
 * SQL for what every spelling of a location's city shares (`cityKey`, shared/contacts/location.ts),
 * NULL when there is no city. For an ASCII location (as many characters as bytes) SQLite's own
 * lower() gives the same key; only the others call the registered `city_key()`
 * (main/db/sqlFunctions.ts): a call into JavaScript for each of 10,000 contacts took a city
 * filter from 1.4 to 7-10 ms, this takes it to 3 ms.
 */
export function cityKeySql(column: string): string {
  return `CASE WHEN length(${column}) = octet_length(${column}) THEN nullif(lower(${citySql(column)}), '')
    WHEN ${column} IS NOT NULL THEN city_key(${column}) END`;
}
