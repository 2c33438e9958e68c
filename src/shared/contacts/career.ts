import { count } from '../text/count';
import { known, roleText, type Role } from './jobChange';

/** A job change as a career reads it: when it was recorded, and the role it ended. */
export interface RecordedJobChange {
  /** The timeline entry that records it. */
  interactionId: number;
  /** UTC ISO. */
  at: string;
  /** The role held until then; nothing known when both are null. */
  previous: Role;
}

/** One role of someone's career, as their page lists it. */
export interface CareerStep {
  organisation: string | null;
  title: string | null;
  /** When they took it: the job change that began it (UTC ISO); null when that was not recorded. */
  since: string | null;
  /** When they left it (UTC ISO); null for the role they hold now. */
  until: string | null;
  /** The timeline entry of the change that ended it; null for the role they hold now. */
  endedBy: number | null;
}

/** Job changes in the order they were recorded: by time, then by entry. */
export function recordedOrder(a: RecordedJobChange, b: RecordedJobChange): number {
  return a.at === b.at ? a.interactionId - b.interactionId : a.at < b.at ? -1 : 1;
}

/**
 * Someone's career, latest first: the role they hold now (from their contact), then the role
 * each recorded job change ended, each since the change before it. Empty when no change was
 * recorded, since the role they hold is already in the page's heading.
 */
export function careerSteps(now: Role, changes: RecordedJobChange[]): CareerStep[] {
  if (changes.length === 0) return [];
  const ordered = [...changes].sort(recordedOrder);
  const steps: CareerStep[] = [];
  const current = { organisation: known(now.organisation), title: known(now.title) };
  if (current.organisation !== null || current.title !== null) {
    steps.push({ ...current, since: ordered[ordered.length - 1].at, until: null, endedBy: null });
  }
  for (let i = ordered.length - 1; i >= 0; i--) {
    const change = ordered[i];
    steps.push({
      organisation: known(change.previous.organisation),
      title: known(change.previous.title),
      since: i > 0 ? ordered[i - 1].at : null,
      until: change.at,
      endedBy: change.interactionId,
    });
  }
  return steps;
}

/**
 * The role a job change entry recorded before `previous_roles` existed says was left, read
 * from its wording (`jobChangeEntry`): "Moved from Acme to Globex" and "Left Acme" name the
 * organisation; "New position at Acme: CTO" is a change within Acme. The old title was never
 * written, and an entry whose title the user rewrote says nothing.
 */
export function previousRoleInEntry(entryTitle: string): Role {
  const match =
    /^Moved from (.+?) to .+$/.exec(entryTitle) ??
    /^Left (.+)$/.exec(entryTitle) ??
    /^New position at (.+?)(?:: .+)?$/.exec(entryTitle);
  return { organisation: match ? match[1] : null, title: null };
}

/** A role of a career in a few words: "CTO at Acme", or "An earlier role" when nothing of it is known. */
export const careerRoleText = (step: CareerStep): string =>
  step.organisation === null && step.title === null ? 'An earlier role' : roleText(step);

/**
 * The role a job change ended: the one kept beside it (`previous_roles`, `kept` true), or else
 * what its entry's wording names (an entry restored from an export older than roles).
 */
export function endedRole(
  kept: boolean,
  role: { organisation: string | null; title: string | null },
  entryTitle: string,
): Role {
  return kept ? role : previousRoleInEntry(entryTitle);
}

/** How long a role lasted, in whole months: "2 years 3 months", "5 months", "less than a month". */
export function tenureText(since: string, until: string): string {
  const from = new Date(since);
  const to = new Date(until);
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (to.getUTCDate() < from.getUTCDate()) months--;
  if (months < 1) return 'less than a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years > 0 ? count(years, 'year') : null, rest > 0 ? count(rest, 'month') : null]
    .filter(Boolean)
    .join(' ');
}

/** Someone else who works at an organisation of a career, or did. */
export interface AlsoThere {
  id: number;
  displayName: string;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
  /** When they left (UTC ISO); null when they work there now. */
  until: string | null;
}

/** A role of someone's career with the others who were at its organisation too (warm introductions). */
export interface CareerRole extends CareerStep {
  /**
   * Those who work there now first, then the latest to leave; at most a few, on the latest role
   * at each organisation only (null on the others, and when no organisation is known).
   */
  alsoThere: { people: AlsoThere[]; total: number } | null;
}

/** Organisations compared as people type them: case and spaces aside. */
export const organisationKey = (organisation: string | null | undefined): string | null =>
  known(organisation)?.toLowerCase().replace(/\s+/g, ' ') ?? null;
