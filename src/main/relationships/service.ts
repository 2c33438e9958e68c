import type { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/envelope';
import { relationshipWording, type RelationshipKind } from '../../shared/relationships/kinds';
import type { RelatedContact, Relationship } from '../../shared/relationships/schemas';
import type { Database } from '../db/schema';
import { contactExists } from '../contacts/repository';
import { noContact, noContactToChange } from '../contacts/service';
import * as repo from './repository';

export interface NewRelationship {
  fromId: number;
  toId: number;
  kind: RelationshipKind;
  note: string;
}

/**
 * Records that two contacts are related. Both must exist and differ; a symmetric kind is
 * stored lower id first (tidy, not relied on: a merge can reverse it), and the same
 * relationship twice is refused in words ("Already recorded: Ana Souza reports to Ben Lee.").
 */
export async function addRelationship(
  db: Kysely<Database>,
  input: NewRelationship,
  now: Date,
): Promise<Relationship> {
  const symmetric = relationshipWording[input.kind].symmetric;
  const fromId = symmetric ? Math.min(input.fromId, input.toId) : input.fromId;
  const toId = symmetric ? Math.max(input.fromId, input.toId) : input.toId;
  return db.transaction().execute(async (trx) => {
    const names = await repo.contactNames(trx, [fromId, toId]);
    for (const id of [input.fromId, input.toId]) if (!names.has(id)) throw noContactToChange(id);
    const stored = await repo.findRelationship(trx, fromId, toId, input.kind, symmetric);
    if (stored) {
      const sentence = `${names.get(stored.fromId)} ${relationshipWording[input.kind].verb} ${names.get(stored.toId)}`;
      throw new AppError('CONFLICT', `Already recorded: ${sentence}.`);
    }
    return repo.insertRelationship(trx, {
      fromId,
      toId,
      kind: input.kind,
      note: input.note,
      createdAt: now.toISOString(),
    });
  });
}

function noRelationship(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no relationship with id ${id}.`);
}

/** Replaces a relationship's note (blank clears it) and returns the relationship as it is now. */
export async function setRelationshipNote(
  db: Kysely<Database>,
  id: number,
  note: string,
): Promise<Relationship> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.updateRelationshipNote(trx, id, note))) throw noRelationship(id);
    return (await repo.getRelationship(trx, id))!;
  });
}

/** Removes one relationship and returns it as it was, so the caller can offer to put it back. */
export async function removeRelationship(db: Kysely<Database>, id: number): Promise<Relationship> {
  return db.transaction().execute(async (trx) => {
    const found = await repo.getRelationship(trx, id);
    if (!found || !(await repo.deleteRelationship(trx, id))) throw noRelationship(id);
    return found;
  });
}

export async function listRelated(db: Kysely<Database>, contactId: number): Promise<RelatedContact[]> {
  if (!(await contactExists(db, contactId))) throw noContact(contactId);
  return repo.relatedContacts(db, contactId);
}
