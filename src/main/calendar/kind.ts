import type { OccurrenceKind } from '../../shared/calendar/types';

/** A whole word or phrase of `words`, in any script, case aside. */
export function anyOf(words: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Titles of a coffee or a meal, in the languages exports most often come in. */
const MEAL = anyOf([
  'coffee',
  'lunch',
  'breakfast',
  'brunch',
  'dinner',
  'drinks?',
  'beers?',
  'café',
  'kaffee',
  'mittagessen',
  'abendessen',
  'frühstück',
  'déjeuner',
  'dîner',
  'almuerzo',
  'cena',
  'pranzo',
  'koffie',
  'ontbijt',
  'borrel',
  'diner',
  'almoço',
  'jantar',
]);
/** A talk over lunch is a meeting, whatever it is called. */
const TALK_OVER_LUNCH = anyOf(["lunch\\s*(?:&|and|'n'|n)\\s*learn", 'brown[- ]bag']);
/** Titles of a phone call, in the same languages. */
const CALL = anyOf([
  'call',
  'phone',
  'phone call',
  'anruf',
  'telefonat',
  'appel',
  'llamada',
  'telefonata',
  'bellen',
  'belafspraak',
  'telefoongesprek',
  'ligação',
  'chamada',
  'telefonema',
]);
/** A location that is only a telephone number, as people write them: "+44 20 7946 0958", "tel:+1-555-0100". */
const PHONE_NUMBER = /^\s*(?:tel:)?\s*\+?[\d\s().\-/]{7,}\s*$/i;
/** A location that says the meeting is on the phone: "Phone", "By phone", "Call". */
const PHONE_PLACE = /^\s*(?:(?:by\s+)?(?:tele)?phone(?:\s+call)?|call)\s*$/i;

/**
 * What kind of interaction a calendar event was. A conferencing link makes it a video call
 * whatever its title (a "virtual coffee" on Zoom). Then a coffee or a meal by its title, then a
 * phone call: a telephone number (or "Phone") for its place, or a call by its title with no place.
 * Everything else is a meeting. The kind weighs in strength: a phone call counts less than
 * meeting in person (DESIGN §4), a coffee as much.
 */
export function meetingKind(event: {
  video: boolean;
  title: string;
  location: string | null;
}): OccurrenceKind {
  if (event.video) return 'video';
  if (MEAL.test(event.title) && !TALK_OVER_LUNCH.test(event.title)) return 'coffee';
  if (event.location !== null && (PHONE_NUMBER.test(event.location) || PHONE_PLACE.test(event.location)))
    return 'call';
  if (event.location === null && CALL.test(event.title)) return 'call';
  return 'meeting';
}

/** How many meetings become each kind of interaction, most first, so the preview can say it. */
export function meetingsPerKind(
  kinds: Iterable<OccurrenceKind>,
): Array<{ kind: OccurrenceKind; meetings: number }> {
  const counts = new Map<OccurrenceKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, meetings]) => ({ kind, meetings }))
    .sort((a, b) => b.meetings - a.meetings || a.kind.localeCompare(b.kind));
}
