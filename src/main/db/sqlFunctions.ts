import type BetterSqlite3 from 'better-sqlite3';
import { cityKey, cityOf } from '../../shared/contacts/location';

/**
 * Functions the app's queries call, registered on every connection it opens. `city_key(location)`
 * is what every spelling of the location's city shares (`cityKey`), so SQL and the renderer
 * group and match cities by one rule; queries reach it through `cityKeySql`. Queries only: no
 * schema, index or trigger uses it, so the file opens as ever in any other SQLite tool.
 */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('city_key', { deterministic: true }, (location: unknown) => {
    const city = typeof location === 'string' ? cityOf(location) : null;
    return city === null ? null : cityKey(city);
  });
}
