import type { CalendarPreview } from '../../../../shared/calendar/schemas';

/** The user's choices among a preview's new people: whom to drop, and whom to make a contact of their own. */
export interface PeopleChoices {
  /** Not to be created (unticked). */
  dropped: Set<string>;
  /** Offered to a contact of the same name, but to be a new contact instead. */
  asNew: Set<string>;
}

/** The set with `email` in it if it was not, and without it if it was. */
export function toggled(set: Set<string>, email: string): Set<string> {
  const next = new Set(set);
  if (next.has(email)) next.delete(email);
  else next.add(email);
  return next;
}

/** Someone a first preview leaves unticked: dropped in an earlier import, or with the user's own name. */
const untickedFirst = (p: CalendarPreview['newPeople'][number]) => p.droppedBefore || p.looksLikeYou;

/** The choices a new preview starts with: people dropped before, or looking like the user, unticked. */
export function firstChoices(preview: CalendarPreview): PeopleChoices {
  return {
    dropped: new Set(preview.newPeople.filter(untickedFirst).map((p) => p.email)),
    asNew: new Set(),
  };
}

/**
 * The choices after the same files are previewed again (another calendar left out, another
 * window): what the user chose for someone still proposed stands; someone new starts as in a
 * first preview.
 */
export function carriedChoices(
  before: CalendarPreview,
  choices: PeopleChoices,
  next: CalendarPreview,
): PeopleChoices {
  const seen = new Set(before.newPeople.map((p) => p.email));
  const dropped = new Set<string>();
  const asNew = new Set<string>();
  for (const p of next.newPeople) {
    const { email } = p;
    if (seen.has(email) ? choices.dropped.has(email) : untickedFirst(p)) dropped.add(email);
    if (seen.has(email) && choices.asNew.has(email)) asNew.add(email);
  }
  return { dropped, asNew };
}

/** Kept new people split into contacts to create and addresses to add to a same-named contact. */
export function peopleChoices(preview: CalendarPreview, { dropped, asNew }: PeopleChoices) {
  const kept = preview.newPeople.filter((p) => !dropped.has(p.email));
  const linked = (p: CalendarPreview['newPeople'][number]) => p.sameNameAs !== null && !asNew.has(p.email);
  return {
    createPeople: kept.filter((p) => !linked(p)).map((p) => p.email),
    linkPeople: kept.filter(linked).map((p) => ({ email: p.email, contactId: p.sameNameAs!.id })),
  };
}
