import { isEmail, normalizeEmail } from '../../shared/text/email';
import type { OccurrencePerson } from '../../shared/calendar/types';

/** A jCal property: [name, params, type, ...values]. */
export type JProp = [string, Record<string, unknown>, string, ...unknown[]];

// Google's addresses for rooms, shared calendars, imported calendars and contact birthdays.
const NOT_PEOPLE =
  /@(?:resource\.calendar\.google\.com|group\.(?:v\.)?calendar\.google\.com|import\.calendar\.google\.com|virtual)$/;
const NOT_PEOPLE_TYPES = new Set(['ROOM', 'RESOURCE', 'GROUP']);
// Mailboxes no one reads, which booking tools and webinar services organise their invitations from.
const UNATTENDED =
  /^(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|calendar-notification|calendar-server)(?:[+._-][^@]*)?@/;

/**
 * The response given to an attendee copied for information only (RFC 5545's
 * `ROLE=NON-PARTICIPANT`): not at the meeting, whatever their PARTSTAT says, as one who declined is not.
 */
export const COPIED_ONLY = 'non-participant';

/** How the user stayed out of a meeting they were invited to. */
export type NotThere = 'declined' | 'delegated' | typeof COPIED_ONLY;

/** Why a meeting the user was not at is skipped, in words; `what` names it ('"Budget" on 2025-01-15'). */
export function notThere(how: NotThere, what: string): { reason: 'declined' | 'copied'; message: string } {
  if (how === COPIED_ONLY) return { reason: 'copied', message: `You were only copied on ${what}.` };
  return {
    reason: 'declined',
    message: how === 'declined' ? `You declined ${what}.` : `You delegated ${what} to someone else.`,
  };
}

function param(prop: JProp, name: string): string | null {
  const value = prop[1][name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ');
  return null;
}

/**
 * People already read from a property: the tokenizer hands the same property to every event
 * with the same attendee line. Callers get copies, since events merge and change theirs.
 */
const personOf = new WeakMap<JProp, OccurrencePerson | null>();

function personFrom(prop: JProp, role: OccurrencePerson['role']): OccurrencePerson | null {
  let person = personOf.get(prop);
  if (person === undefined) {
    person = readPerson(prop, role);
    personOf.set(prop, person);
  }
  return person && { ...person };
}

/**
 * The person behind an ORGANIZER or ATTENDEE line, or null for rooms, resources, no-reply
 * mailboxes, and lines with neither an address nor a name. An attendee copied for information
 * only answers `COPIED_ONLY`. Outlook writes "invalid:nomail" for someone it has no address
 * for, and exports from Exchange can hold its internal addresses ("/o=ExchangeLabs/…/cn=Recipients/…"):
 * such a person is known by name only (`email` ''), and the plan finds them among the contacts by it.
 */
export function readPerson(prop: JProp, role: OccurrencePerson['role']): OccurrencePerson | null {
  const cutype = param(prop, 'cutype')?.toUpperCase();
  if (cutype && NOT_PEOPLE_TYPES.has(cutype)) return null;
  // RFC 5545: "copied for information purposes only", not at the meeting. Outlook writes it for
  // the Resources line of an invitation (a projector, a room it gives no CUTYPE) too.
  const copied = role === 'attendee' && param(prop, 'role')?.toUpperCase() === 'NON-PARTICIPANT';
  // Apple writes the address in EMAIL= and sometimes an opaque URN as the value.
  const rawValue = typeof prop[3] === 'string' ? prop[3].replace(/^"|"$/g, '') : '';
  const cn = param(prop, 'cn')?.trim() ?? '';
  const address = normalizeEmail(param(prop, 'email') ?? rawValue);
  const email = isEmail(address) ? address : isEmail(normalizeEmail(cn)) ? normalizeEmail(cn) : '';
  if (email === '' && cn === '') return null;
  for (const written of [address, email])
    if (NOT_PEOPLE.test(written) || UNATTENDED.test(written)) return null;
  const name = cn === '' || normalizeEmail(cn) === email ? null : cn;
  const partstat = param(prop, 'partstat');
  return { email, name, role, response: copied ? COPIED_ONLY : partstat ? partstat.toLowerCase() : null };
}

/** Who a person is among the others of a meeting: their address, or their name when they have none. */
function personKey(person: OccurrencePerson): string {
  return person.email !== '' ? person.email : `name:${(person.name ?? '').toLowerCase()}`;
}

/**
 * Organiser first, then attendees; one entry per address. An organiser who is also listed as
 * an attendee keeps the organiser role and the attendee's response. Someone listed both as
 * taking part and as copied for information takes part.
 */
export function readPeople(props: JProp[]): OccurrencePerson[] {
  const byKey = new Map<string, OccurrencePerson>();
  for (const prop of props) {
    if (prop[0] !== 'organizer') continue;
    const person = personFrom(prop, 'organizer');
    if (person && !byKey.has(personKey(person))) byKey.set(personKey(person), person);
  }
  for (const prop of props) {
    if (prop[0] !== 'attendee') continue;
    const person = personFrom(prop, 'attendee');
    if (!person) continue;
    const existing = byKey.get(personKey(person));
    if (existing) {
      // A line that copies them for information does not undo one that has them take part.
      if (person.response !== COPIED_ONLY)
        existing.response = person.response ?? (existing.response === COPIED_ONLY ? null : existing.response);
      existing.name = existing.name ?? person.name;
    } else {
      byKey.set(personKey(person), person);
    }
  }
  return [...byKey.values()];
}
