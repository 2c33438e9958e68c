import { organisationKey } from '../contacts/career';
import { cityKey, cityOf } from '../contacts/location';
import type { GoalFilter } from './schemas';

/**
 * A goal's filter with its contact criteria resolved to sets of contact ids, so matching an
 * interaction is a few set lookups. Main resolves the sets with SQL; tests build them in memory.
 */
export interface ResolvedFilter {
  kinds: ReadonlySet<string> | null;
  contactIds: ReadonlySet<number>;
  /** Members of any of the filter's circles, holders of any of its tags, people at any of its organisations or in any of its cities. */
  circleMembers: ReadonlySet<number> | null;
  tagMembers: ReadonlySet<number> | null;
  orgMembers: ReadonlySet<number> | null;
  cityMembers: ReadonlySet<number> | null;
  mode: 'all' | 'any';
}

/** What matching needs of a contact; the in-memory resolver for tests and small data. */
export interface FilterContact {
  id: number;
  circles: readonly string[];
  tags: readonly string[];
  organisation: string | null;
  location: string | null;
}

export function hasPersonCriteria(f: GoalFilter): boolean {
  return (
    f.circles.length + f.tags.length + f.organisations.length + f.cities.length + f.contactIds.length > 0
  );
}

export function resolveFilter(
  f: GoalFilter,
  members: {
    circle: ReadonlySet<number> | null;
    tag: ReadonlySet<number> | null;
    org: ReadonlySet<number> | null;
    city: ReadonlySet<number> | null;
  },
): ResolvedFilter {
  return {
    kinds: f.kinds.length > 0 ? new Set(f.kinds) : null,
    contactIds: new Set(f.contactIds),
    circleMembers: f.circles.length > 0 ? (members.circle ?? new Set()) : null,
    tagMembers: f.tags.length > 0 ? (members.tag ?? new Set()) : null,
    orgMembers: f.organisations.length > 0 ? (members.org ?? new Set()) : null,
    cityMembers: f.cities.length > 0 ? (members.city ?? new Set()) : null,
    mode: f.mode,
  };
}

export function resolveInMemory(f: GoalFilter, contacts: Iterable<FilterContact>): ResolvedFilter {
  const circles = new Set<string>(f.circles);
  const tags = new Set(f.tags.map((t) => t.toLocaleLowerCase()));
  const orgs = new Set(f.organisations.map(organisationKey).filter((k) => k !== null));
  const circle = new Set<number>();
  const tag = new Set<number>();
  const org = new Set<number>();
  const cities = new Set(f.cities.map(cityKey));
  const city = new Set<number>();
  for (const c of contacts) {
    if (c.circles.some((x) => circles.has(x))) circle.add(c.id);
    if (c.tags.some((x) => tags.has(x.toLocaleLowerCase()))) tag.add(c.id);
    if (orgs.has(organisationKey(c.organisation) ?? '')) org.add(c.id);
    const at = cityOf(c.location);
    if (at !== null && cities.has(cityKey(at))) city.add(c.id);
  }
  return resolveFilter(f, { circle, tag, org, city });
}

export function personCriteria(r: ResolvedFilter): boolean {
  return (
    r.contactIds.size > 0 ||
    r.circleMembers !== null ||
    r.tagMembers !== null ||
    r.orgMembers !== null ||
    r.cityMembers !== null
  );
}

/**
 * Whether a person meets the filter. Named contacts always do. A tag can be on the person or
 * on the interaction (`tagged`), so a tagged entry with nobody in it can still match a tag
 * filter (person `null`).
 */
export function personMatches(r: ResolvedFilter, person: number | null, tagged: boolean): boolean {
  if (person !== null && r.contactIds.has(person)) return true;
  const results: boolean[] = [];
  if (r.circleMembers) results.push(person !== null && r.circleMembers.has(person));
  if (r.tagMembers) results.push(tagged || (person !== null && r.tagMembers.has(person)));
  if (r.orgMembers) results.push(person !== null && r.orgMembers.has(person));
  if (r.cityMembers) results.push(person !== null && r.cityMembers.has(person));
  if (results.length === 0) return false;
  return r.mode === 'all' ? results.every(Boolean) : results.some(Boolean);
}

/** An interaction as goal matching sees it. */
export interface Candidate {
  id: number;
  kind: string;
  startsAt: string;
  allDay: boolean;
  /** Participants (at least every one who might match the filter). */
  people: readonly number[];
  /** The interaction itself carries one of the filter's tags. */
  tagged: boolean;
}

/**
 * The people through whom an interaction counts, or null when it does not count. A filter
 * without person criteria counts the interaction itself, with all its people.
 */
export function matchInteraction(r: ResolvedFilter, c: Candidate): number[] | null {
  if (r.kinds && !r.kinds.has(c.kind)) return null;
  if (!personCriteria(r)) return [...c.people];
  const matched: number[] = [];
  for (const p of c.people) if (personMatches(r, p, c.tagged)) matched.push(p);
  if (matched.length > 0) return matched;
  return c.tagged && personMatches(r, null, true) ? [] : null;
}
