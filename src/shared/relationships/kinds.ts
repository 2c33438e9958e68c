/**
 * How two contacts are related to each other (not to you: that is what circles say).
 * A relationship is stored once, from one contact to the other; each end reads it in its own
 * words, so "Ana reports to Ben" shows as "Reports to Ben" on Ana's page and "Manages Ana" on Ben's.
 */
export const relationshipKinds = ['introduced_by', 'reports_to', 'mentor_of', 'works_with', 'knows'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

/** Which end of a stored relationship a contact is. */
export type RelationshipSide = 'from' | 'to';

interface KindWording {
  /** Read on the from-contact's page, before the other's name. */
  from: string;
  /** Read on the to-contact's page, before the other's name. */
  to: string;
  /** "A … B" as a sentence, for messages. */
  verb: string;
  /** Reads the same from both ends, so (A, B) and (B, A) are one relationship. */
  symmetric: boolean;
}

export const relationshipWording: Record<RelationshipKind, KindWording> = {
  introduced_by: {
    from: 'Introduced by',
    to: 'Introduced you to',
    verb: 'was introduced to you by',
    symmetric: false,
  },
  reports_to: { from: 'Reports to', to: 'Manages', verb: 'reports to', symmetric: false },
  mentor_of: { from: 'Mentors', to: 'Mentored by', verb: 'mentors', symmetric: false },
  works_with: { from: 'Works with', to: 'Works with', verb: 'works with', symmetric: true },
  knows: { from: 'Knows', to: 'Knows', verb: 'knows', symmetric: true },
};

export function relationshipLabel(kind: RelationshipKind, side: RelationshipSide): string {
  return relationshipWording[kind][side];
}

/** One way to describe another person from this contact's page: a kind, and which end this contact is. */
export interface RelationshipRole {
  kind: RelationshipKind;
  side: RelationshipSide;
  label: string;
}

/** Every distinct phrase, in menu order: symmetric kinds once, the others from both ends. */
export const relationshipRoles: RelationshipRole[] = relationshipKinds.flatMap((kind) => {
  const wording = relationshipWording[kind];
  const from: RelationshipRole = { kind, side: 'from', label: wording.from };
  return wording.symmetric ? [from] : [from, { kind, side: 'to', label: wording.to }];
});

/** The ends of a relationship described from `contactId`'s page as `side`. */
export function relationshipEnds(
  side: RelationshipSide,
  contactId: number,
  otherId: number,
): { fromId: number; toId: number } {
  return side === 'from' ? { fromId: contactId, toId: otherId } : { fromId: otherId, toId: contactId };
}
