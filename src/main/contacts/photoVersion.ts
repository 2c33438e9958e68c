import { sql, type RawBuilder } from 'kysely';

/**
 * A contact's photo version, as a column of a query whose contact id is `idColumn`: when their
 * photo was set (`contacts:photo` asks by it), null when they have none.
 */
export function photoVersionOf(idColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT updated_at FROM contact_photos WHERE contact_id = ${sql.ref(idColumn)})`;
}
