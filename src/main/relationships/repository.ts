import type { Kysely, Transaction } from 'kysely';
import type { RelationshipKind } from '../../shared/relationships/kinds';
import type { RelatedContact, Relationship } from '../../shared/relationships/schemas';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

interface RelationshipRow {
  id: number;
  from_contact_id: number;
  to_contact_id: number;
  kind: RelationshipKind;
  note: string;
  created_at: string;
}

function toRelationship(row: RelationshipRow): Relationship {
  return {
    id: row.id,
    fromId: row.from_contact_id,
    toId: row.to_contact_id,
    kind: row.kind,
    note: row.note,
    createdAt: row.created_at,
  };
}

const columns = ['id', 'from_contact_id', 'to_contact_id', 'kind', 'note', 'created_at'] as const;

export async function getRelationship(db: Db, id: number): Promise<Relationship | undefined> {
  const row = await db.selectFrom('relationships').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toRelationship(row);
}

/** The same relationship, if stored: for a symmetric kind, either way round. */
export async function findRelationship(
  db: Db,
  fromId: number,
  toId: number,
  kind: RelationshipKind,
  symmetric: boolean,
): Promise<Relationship | undefined> {
  const row = await db
    .selectFrom('relationships')
    .select(columns)
    .where('kind', '=', kind)
    .where((eb) => {
      const forward = eb.and([eb('from_contact_id', '=', fromId), eb('to_contact_id', '=', toId)]);
      if (!symmetric) return forward;
      return eb.or([forward, eb.and([eb('from_contact_id', '=', toId), eb('to_contact_id', '=', fromId)])]);
    })
    .executeTakeFirst();
  return row && toRelationship(row);
}

export async function insertRelationship(db: Db, r: Omit<Relationship, 'id'>): Promise<Relationship> {
  const row = await db
    .insertInto('relationships')
    .values({
      from_contact_id: r.fromId,
      to_contact_id: r.toId,
      kind: r.kind,
      note: r.note,
      created_at: r.createdAt,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRelationship(row);
}

/** Whether there was a relationship `id` to change. */
export async function updateRelationshipNote(db: Db, id: number, note: string): Promise<boolean> {
  const result = await db.updateTable('relationships').set({ note }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteRelationship(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('relationships').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Display names of the given contacts that exist. */
export async function contactNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Everyone `contactId` is related to, from either end, ordered by the other person's name. */
export async function relatedContacts(db: Db, contactId: number): Promise<RelatedContact[]> {
  const ends = [
    { side: 'from' as const, own: 'r.from_contact_id' as const, other: 'r.to_contact_id' as const },
    { side: 'to' as const, own: 'r.to_contact_id' as const, other: 'r.from_contact_id' as const },
  ];
  const found: RelatedContact[] = [];
  for (const end of ends) {
    const rows = await db
      .selectFrom('relationships as r')
      .innerJoin('contacts as c', 'c.id', end.other)
      .select([
        'r.id',
        'r.kind',
        'r.note',
        'r.created_at',
        'c.id as otherId',
        'c.display_name',
        'c.organisation',
        'c.archived',
      ])
      .where(end.own, '=', contactId)
      .execute();
    for (const row of rows) {
      found.push({
        id: row.id,
        kind: row.kind,
        side: end.side,
        note: row.note,
        createdAt: row.created_at,
        other: {
          id: row.otherId,
          displayName: row.display_name,
          organisation: row.organisation,
          archived: row.archived === 1,
        },
      });
    }
  }
  return found.sort((a, b) => a.other.displayName.localeCompare(b.other.displayName) || a.id - b.id);
}
