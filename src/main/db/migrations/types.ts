import { sql, type Kysely } from 'kysely';

export interface Migration {
  version: number;
  name: string;
  // Migrations see the schema as it was when they were written, not today's types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}

/** Runs statements one by one: better-sqlite3 prepares a single statement at a time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function runStatements(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
