/**
 * SQL for a location column's city: the text before its first comma, trimmed, the rule of
 * `cityOf` (shared/contacts/location.ts). One copy for every query that filters by city.
 */
export function citySql(column: string): string {
  return `trim(substr(${column}, 1, instr(${column} || ',', ',') - 1))`;
}
