import type { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/envelope';
import type { Contact, ContactFields } from '../../shared/contacts/schemas';
import type { Database } from '../db/schema';
import * as repo from './repository';
import { insertRelationship } from '../relationships/repository';
import { isJobChange } from '../../shared/contacts/jobChange';
import { deleteJobChangesOf, recordJobChange, roleOf } from './jobChange';

/** Refuses an address another contact holds, naming that contact, before anything is written. */
async function assertEmailsFree(
  db: Kysely<Database>,
  fields: ContactFields,
  exceptId?: number,
): Promise<void> {
  const owners = await repo.findEmailOwners(
    db,
    fields.emails.map((e) => e.email),
    exceptId,
  );
  if (owners.length > 0) {
    const first = owners[0];
    throw new AppError('CONFLICT', `${first.email} already belongs to ${first.displayName}.`, {
      field: 'emails',
      owners,
    });
  }
}

/** Creates a contact; with `introducedBy`, also records who introduced them, in the same transaction. */
export async function createContact(
  db: Kysely<Database>,
  fields: ContactFields,
  now: Date,
  introducedBy?: number,
): Promise<Contact> {
  // Checked inside the write's transaction: two saves at once (a double click) must not both
  // pass the check and leave the second to fail on the UNIQUE index with SQLite's words.
  const id = await db.transaction().execute(async (trx) => {
    await assertEmailsFree(trx, fields);
    if (introducedBy !== undefined && !(await repo.contactExists(trx, introducedBy))) {
      throw new AppError(
        'NOT_FOUND',
        `There is no contact with id ${introducedBy} to have introduced them; nothing was changed.`,
      );
    }
    const created = await repo.insertContact(trx, fields, now.toISOString());
    if (introducedBy !== undefined) {
      await insertRelationship(trx, {
        fromId: created,
        toId: introducedBy,
        kind: 'introduced_by',
        note: '',
        createdAt: now.toISOString(),
      });
    }
    return created;
  });
  return getContactOrThrow(db, id);
}

/**
 * Saves a contact's fields; with `jobChange`, a change of where they work or as what (see
 * `isJobChange`) also goes on their timeline, in the same transaction. `recorded` says whether it did.
 */
export async function updateContact(
  db: Kysely<Database>,
  id: number,
  fields: ContactFields,
  now: Date,
  jobChange = false,
): Promise<{ contact: Contact; recorded: boolean }> {
  const outcome = await db.transaction().execute(async (trx) => {
    await assertEmailsFree(trx, fields, id);
    const before = jobChange ? await roleOf(trx, id) : undefined;
    if (!(await repo.updateContact(trx, id, fields, now.toISOString()))) return undefined;
    const recorded = before !== undefined && isJobChange(before, fields);
    if (recorded) await recordJobChange(trx, id, before, fields, now.toISOString());
    return { recorded };
  });
  if (!outcome) throw noContact(id);
  return { contact: await getContactOrThrow(db, id), recorded: outcome.recorded };
}

export async function setArchived(
  db: Kysely<Database>,
  id: number,
  archived: boolean,
  now: Date,
): Promise<Contact> {
  if (!(await repo.setArchived(db, id, archived, now.toISOString()))) throw noContact(id);
  return getContactOrThrow(db, id);
}

/** Deletes a contact, and with them the job changes on their timeline: news about no one is noise. */
export async function deleteContact(db: Kysely<Database>, id: number): Promise<void> {
  const found = await db.transaction().execute(async (trx) => {
    await deleteJobChangesOf(trx, id);
    return repo.deleteContact(trx, id);
  });
  if (!found) throw noContact(id);
}

export async function getContactOrThrow(db: Kysely<Database>, id: number): Promise<Contact> {
  const contact = await repo.getContact(db, id);
  if (!contact) throw noContact(id);
  return contact;
}

/** A read or a reversible change that names a contact who is not there. */
export function noContact(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no contact with id ${id}.`);
}

/** A write that names a contact who is not there, refused before anything is written. */
export function noContactToChange(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no contact with id ${id}; nothing was changed.`);
}
