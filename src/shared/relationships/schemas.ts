import { z } from 'zod';
import { relationshipKinds, type RelationshipKind, type RelationshipSide } from './kinds';

const id = z.number().int().positive();

export const MAX_RELATIONSHIP_NOTE = 500;

export const relationshipListInput = z.strictObject({ contactId: id });

export const relationshipAddInput = z
  .strictObject({
    fromId: id,
    toId: id,
    kind: z.enum(relationshipKinds),
    note: z.string().trim().max(MAX_RELATIONSHIP_NOTE).default(''),
  })
  .refine((r) => r.fromId !== r.toId, {
    path: ['toId'],
    message: 'A contact cannot be related to themself',
  });

export const relationshipIdInput = z.strictObject({ id });

export const relationshipNoteInput = z.strictObject({
  id,
  note: z.string().trim().max(MAX_RELATIONSHIP_NOTE),
});

/** A stored relationship, as written. */
export interface Relationship {
  id: number;
  fromId: number;
  toId: number;
  kind: RelationshipKind;
  note: string;
  createdAt: string;
}

/** A relationship as one of its contacts sees it: the other person, and which end this contact is. */
export interface RelatedContact {
  id: number;
  kind: RelationshipKind;
  side: RelationshipSide;
  note: string;
  createdAt: string;
  other: { id: number; displayName: string; organisation: string | null; archived: boolean };
}
