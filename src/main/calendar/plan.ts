import { hash } from 'node:crypto';
import type {
  Occurrence,
  OccurrencePerson,
  ParsedCalendar,
  SkipReason,
  Skipped,
} from '../../shared/calendar/types';
import type { PreviewPerson, PreviewSeries } from '../../shared/calendar/schemas';
import type { Initiator } from '../../shared/journal/kinds';
import { AddressBook } from './addressBook';
import { addByName, contactNamed, oneByName, type ByName, type ContactsByName } from './byName';
import {
  deletedMeetings,
  pairMovedMeetings,
  pairRecreatedMeetings,
  vanishedMeetings,
  type StoredMeeting,
} from './vanished';
import { nameKeys } from '../duplicates/find';
import { givenNameFirst, proposedName } from './names';
import { COPIED_ONLY, notThere } from './people';
import { renamedCalendars, underName } from './renamed';
import { chooseCalendars, importedElsewhere, meetingId, sourceKey } from './sameMeeting';

/** What the database already holds that an import is compared against. */
export interface ExistingState {
  /** Every address a contact has, to its contact. */
  contactByEmail: AddressBook<{ id: number; name: string }>;
  /** Contacts by name, for people a file names without an address. */
  contactsByName: ContactsByName;
  /** Imported interactions by source key. */
  interactions: Map<string, StoredInteraction>;
  /** The same, by `meetingId` (UID and start), with the calendar, UID and occurrence key each was imported from. */
  byMeeting: Map<string, StoredInteraction & { calendar: string; uid: string; key: string }>;
  /** Source keys of imported interactions the user deleted in Rapport, and not brought back since. */
  deletedByUser: ReadonlySet<string>;
  /**
   * Calendars that imported meetings were removed from (taken back by an import, or deleted by
   * the user): imported before, also when none of their meetings is left, so still calendars of
   * their own name, not another's renamed.
   */
  removedFromCalendars: ReadonlySet<string>;
  /**
   * Calendars an import took for another imported before under another name (`renamedCalendars`),
   * to that name: the latest such import not undone says.
   */
  renamedBefore: ReadonlyMap<string, string>;
  /** The same meetings by `meetingId`, so another calendar's copy of one is known as deleted too. */
  deletedMeetings: ReadonlySet<string>;
  /**
   * What imported interactions were (title, contacts), by id: read only for the few an import
   * may take for recreated (`pairRecreatedMeetings`), not for every one imported.
   */
  storedMeetings: (ids: readonly number[]) => ReadonlyMap<number, StoredMeeting>;
}

export interface StoredInteraction {
  id: number;
  sourceHash: string | null;
  /** UTC ISO-8601, or a day for an all-day meeting, as stored. */
  startsAt: string;
}

export interface PlannedParticipant {
  email: string;
  role: 'organizer' | 'attendee';
  response: string | null;
}

/** One occurrence, ready to write. */
export interface PlannedInteraction {
  occurrence: Occurrence;
  sourceKey: string;
  /**
   * Version and content hash, stored to compare a later import against. Null in a preview plan
   * for an interaction to create: nothing is compared with it until it is written.
   */
  sourceHash: string | null;
  initiatedBy: Initiator;
  participants: PlannedParticipant[];
  action: 'create' | 'update' | 'unchanged';
  existingId: number | null;
  /**
   * For a meeting of a series moved as a whole (`pairMovedMeetings`), the source key the stored
   * meeting had: the write gives it the occurrence's, so a later import finds it by that.
   */
  movedFrom: string | null;
}

export interface ImportPlan {
  interactions: PlannedInteraction[];
  created: number;
  updated: number;
  /**
   * Of `updated`, meetings of a series moved as a whole or split, and meetings deleted and
   * created again, each updating the one stored before.
   */
  moved: number;
  /** Of `moved`, the meetings under a new invitation (`pairRecreatedMeetings`). */
  recreated: number;
  unchanged: number;
  people: Map<string, Omit<PreviewPerson, 'droppedBefore' | 'sameNameAs'> & { proposable: boolean }>;
  skipped: Skipped[];
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** For each parsed file, its meetings and those the user is in (organiser or invited). */
  perFile: Array<{ meetings: number; withMe: number }>;
  /** Interactions imported before that the files now show cancelled, or that the user declined. */
  withdrawn: StoredInteraction[];
  /** The meetings of each UID in the window, left out or not: a UID with several is a recurring series. */
  series: Map<string, SeriesTally>;
  /** Interactions imported before from the series the user now leaves out. */
  leftOutImported: StoredInteraction[];
  /** Interactions imported before from these calendars that the files no longer hold (`deletedMeetings`). */
  deleted: StoredInteraction[];
  /** Calendars in the files imported before under another name, to that name (`renamedCalendars`). */
  renamed: Map<string, string>;
  /** Meetings the user never answered the invitation to. */
  unanswered: number;
  /** Interactions imported before of the meetings never answered, now left out. */
  unansweredImported: StoredInteraction[];
  /** Meetings the user deleted in Rapport after an earlier import, brought back or not. */
  deletedByYou: number;
  /** People named without an address whose name stands for no address (`addressOfNamed`), by lower-case name. */
  unaddressed: Map<string, { name: string; meetings: number }>;
}

/** One UID's meetings in the window, for the preview to list it as a series the user may leave out. */
export type SeriesTally = Omit<PreviewSeries, 'leftOut' | 'leftOutBefore'>;

function tally(series: Map<string, SeriesTally>, o: Occurrence): SeriesTally {
  const t = series.get(o.uid);
  if (!t) {
    const { uid, title, startsAt } = o;
    const first = {
      uid,
      title,
      meetings: 1,
      largest: o.people.length,
      from: startsAt,
      to: startsAt,
      importedBefore: 0,
    };
    series.set(uid, first);
    return first;
  }
  t.meetings++;
  if (o.people.length > t.largest) t.largest = o.people.length;
  if (o.startsAt < t.from) t.from = o.startsAt;
  else if (o.startsAt > t.to) {
    t.to = o.startsAt;
    t.title = o.title;
  }
  return t;
}

/**
 * An invitation the user never answered: they are invited (not the organiser) and their
 * response is still NEEDS-ACTION. An attendee without a PARTSTAT is not counted: many
 * exporters write none for anyone.
 */
function unansweredBy(o: Occurrence, me: AddressBook<{ id: number }>): boolean {
  // The response first: most people have answered, and only then is the address looked up.
  const invited = o.people.some((p) => p.response === 'needs-action' && me.has(p.email));
  return invited && !(o.organizer !== null && me.has(o.organizer));
}

function version(o: Occurrence): string {
  return `${o.sequence}|${o.modifiedAt ?? ''}`;
}

/** Newer SEQUENCE wins; at the same SEQUENCE, the later LAST-MODIFIED. */
function olderThan(incoming: string, stored: string): boolean {
  const [inSeq, inMod] = incoming.split('|');
  const [stSeq, stMod] = stored.split('|');
  if (Number(inSeq) !== Number(stSeq)) return Number(inSeq) < Number(stSeq);
  return inMod !== '' && stMod !== '' && inMod < stMod;
}

/**
 * A content hash that changes when anything the interaction shows changes. Whether each
 * participant is a contact is part of it, so people created since the last import get linked.
 */
function contentHash(
  o: Occurrence,
  initiatedBy: string,
  participants: PlannedParticipant[],
  contacts: ExistingState['contactByEmail'],
): string {
  // One-shot hash: no Hash object per occurrence for the garbage collector to finalize.
  return hash(
    'sha1',
    JSON.stringify([
      o.title,
      o.notes,
      o.location,
      o.startsAt,
      o.endsAt,
      o.allDay,
      o.kind,
      o.approximate,
      initiatedBy,
      participants.map((p) => [p.email, contacts.has(p.email), p.role, p.response]),
    ]),
    'base64url',
  );
}

/** The address the files give each name, for a name at two addresses null. */
function namedAddresses(files: ParsedCalendar[]): ByName<string> {
  const byName: ByName<string> = new Map();
  const seen = new Set<string>();
  for (const file of files) {
    for (const o of file.occurrences) {
      for (const p of o.people) {
        if (p.email === '' || p.name === null || seen.has(`${p.name}\u0000${p.email}`)) continue;
        seen.add(`${p.name}\u0000${p.email}`);
        addByName(byName, p.name, p.email, sameAddress);
      }
    }
  }
  return byName;
}

const sameAddress = (a: string, b: string) => a === b;

/**
 * How much a plan decides: `people` only who takes part (for choosing people to create);
 * `preview` also each occurrence's action, hashing only those already stored; `write`
 * everything the write stores.
 */
export type PlanDepth = 'people' | 'preview' | 'write';

/** What the user chose in the preview that decides which meetings and people an import takes. */
export interface PlanChoices {
  /** Meetings larger than this propose no new people. */
  maxMeetingSize: number;
  /** Meetings before this are left out (counted, as `earlier`); null for the whole history. */
  windowStart: Date | null;
  /** The files were read up to here: a stored meeting after it is not looked for in them. */
  windowEnd: Date;
  /** UIDs of recurring series the user left out (counted, as `series_left_out`). */
  skipSeries: ReadonlySet<string>;
  /** Leave out the meetings the user never answered the invitation to (counted, as `unanswered`). */
  skipUnanswered: boolean;
  /** Import again the meetings the user deleted in Rapport; else they are left out (as `deleted_by_you`). */
  bringBackDeleted: boolean;
}

/**
 * Decides, without writing, what an import would do: which occurrences become new
 * interactions, which update existing ones, which are unchanged, and who takes part.
 * For a `write` plan, `contactByEmail` must already include the people the user chose to create.
 */
export function planImport(
  files: ParsedCalendar[],
  self: ReadonlySet<string>,
  existing: ExistingState,
  { maxMeetingSize, windowStart, windowEnd, skipSeries, skipUnanswered, bringBackDeleted }: PlanChoices,
  depth: PlanDepth,
): ImportPlan {
  const plan: ImportPlan = {
    interactions: [],
    created: 0,
    updated: 0,
    moved: 0,
    recreated: 0,
    unchanged: 0,
    people: new Map(),
    skipped: [],
    skippedByReason: {},
    perFile: [],
    withdrawn: [],
    series: new Map(),
    leftOutImported: [],
    deleted: [],
    renamed: renamedCalendars(files, existing, windowEnd),
    unanswered: 0,
    unansweredImported: [],
    deletedByYou: 0,
    unaddressed: new Map(),
  };
  const parsed = files.map((f) => {
    const storedAs = plan.renamed.get(f.calendar);
    return storedAs === undefined ? f : underName(f, storedAs);
  });
  const seen = new Set<string>();
  // The user under any spelling of their mailbox (all theirs, so one value).
  const me = new AddressBook<{ id: number }>();
  for (const email of self) me.set(email, { id: 0 });
  /** The names the calendars give the user (the CN at their addresses). */
  const namesOfMine = new Set<string>();
  const chosenCalendar = chooseCalendars(parsed, existing);
  const elsewhere = importedElsewhere(parsed, existing);
  // Starts compare as text: UTC ISO-8601, or a day for an all-day meeting.
  const from = windowStart?.toISOString() ?? null;
  const fromDay = from?.slice(0, 10);
  const beforeWindow = (startsAt: string, allDay: boolean) =>
    from !== null && startsAt < (allDay ? fromDay! : from);
  const withdrawnIds = new Set<number>();
  const leftOutIds = new Set<number>();
  // Like the meetings it imports, an import takes back only what lies in its window.
  const withdraw = (key: string) => {
    const stored = existing.interactions.get(sourceKey({ key }));
    if (!stored || withdrawnIds.has(stored.id)) return;
    // A stored all-day meeting starts on a day (YYYY-MM-DD), any other at an instant.
    if (beforeWindow(stored.startsAt, stored.startsAt.length === 10)) return;
    withdrawnIds.add(stored.id);
    plan.withdrawn.push(stored);
  };
  // The address a name stands for, asked once per name: the one address these files give that
  // name (a contact, someone this import may create, or the user), or else the address of the one
  // contact of that name. The files' own first: a contact made since of the same name (a second
  // Priya Raman) leaves what an import of the same files finds as it was.
  const namedAddress = new Map<string, string | null>();
  let addressesByName: ByName<string> | null = null;
  const addressOfNamed = (name: string): string | null => {
    let email = namedAddress.get(name);
    if (email === undefined) {
      addressesByName ??= namedAddresses(parsed);
      email =
        oneByName(addressesByName, name, sameAddress) ??
        contactNamed(existing.contactsByName, name)?.email ??
        null;
      namedAddress.set(name, email);
    }
    return email;
  };
  const countUnaddressed = (name: string) => {
    const key = name.toLowerCase();
    const tallied = plan.unaddressed.get(key);
    if (tallied) tallied.meetings++;
    else plan.unaddressed.set(key, { name, meetings: 1 });
  };
  const skip = (s: Skipped) => {
    plan.skipped.push(s);
    plan.skippedByReason[s.reason] = (plan.skippedByReason[s.reason] ?? 0) + 1;
  };
  for (const file of parsed) {
    const counts = { meetings: 0, withMe: 0 };
    plan.perFile.push(counts);
    for (const s of file.skipped) skip(s);
    for (const key of file.withdrawn) withdraw(key);
    for (const o of file.occurrences) {
      // The same meeting exported in two files (a shared invite) is one interaction. Keyed by the
      // occurrence's own key (the source key is a fixed prefix of it): no new string per occurrence.
      if (seen.has(o.key)) continue;
      seen.add(o.key);
      if (beforeWindow(o.startsAt, o.allDay)) {
        // Counted, not listed: ten years left out would be tens of thousands of lines.
        plan.skippedByReason.earlier = (plan.skippedByReason.earlier ?? 0) + 1;
        continue;
      }
      const meeting = meetingId(o.uid, o.startsAt);
      const chosen = chosenCalendar?.get(meeting);
      if (chosen !== undefined && chosen !== file.calendar) {
        skip({
          reason: 'other_calendar',
          uid: o.uid,
          title: o.title,
          message: `"${o.title || o.uid}" on ${o.startsAt.slice(0, 10)} is in "${chosen}" too: imported once, from there.`,
        });
        continue;
      }
      const yours = o.declinedBy.find((email) => me.has(email));
      if (yours !== undefined) {
        const how = o.copiedBy?.includes(yours)
          ? COPIED_ONLY
          : o.delegatedBy?.includes(yours)
            ? 'delegated'
            : 'declined';
        skip({
          ...notThere(how, `"${o.title || o.uid}" on ${o.startsAt.slice(0, 10)}`),
          uid: o.uid,
          title: o.title,
        });
        withdraw(o.key);
        continue;
      }
      const others: OccurrencePerson[] = [];
      let organizer = o.organizer;
      let unaddressed: Set<string> | null = null;
      let withMe = false;
      for (let p of o.people) {
        if (p.email === '') {
          // Known by name only: the one listed under that name with an address, or else the
          // one that name stands for (`addressOfNamed`), is who they are.
          const name = (p.name ?? '').toLowerCase();
          const email =
            o.people.find((q) => q.email !== '' && q.name?.toLowerCase() === name)?.email ??
            addressOfNamed(p.name ?? '');
          if (email === null) {
            (unaddressed ??= new Set()).add(givenNameFirst(p.name ?? ''));
            continue;
          }
          if (p.role === 'organizer') organizer = email;
          if (o.people.some((q) => q.email === email)) continue;
          p = { ...p, email };
        }
        if (!me.has(p.email)) others.push(p);
        else {
          withMe = true;
          if (p.name) namesOfMine.add(p.name);
        }
      }
      if (unaddressed) for (const name of unaddressed) countUnaddressed(name);
      if (others.length === 0) {
        skip({
          reason: 'no_people',
          uid: o.uid,
          title: o.title,
          message: unaddressed
            ? `"${o.title || o.uid}" has no one in it but you and people the file gives no address for (${[...unaddressed].join(', ')}).`
            : `"${o.title || o.uid}" has no one but you in it.`,
        });
        continue;
      }
      if (
        existing.deletedByUser.size > 0 &&
        (existing.deletedByUser.has(sourceKey(o)) || existing.deletedMeetings.has(meeting))
      ) {
        plan.deletedByYou++;
        if (!bringBackDeleted) {
          skip({
            reason: 'deleted_by_you',
            uid: o.uid,
            title: o.title,
            message: `You deleted "${o.title || o.uid}" on ${o.startsAt.slice(0, 10)} in Rapport.`,
          });
          continue;
        }
      }
      if (unansweredBy(o, me)) {
        plan.unanswered++;
        if (skipUnanswered) {
          // Counted, not listed: a year of unanswered all-hands is fifty lines.
          plan.skippedByReason.unanswered = (plan.skippedByReason.unanswered ?? 0) + 1;
          const stored = existing.interactions.get(sourceKey(o)) ?? elsewhere(meeting, file.calendar);
          if (stored && !leftOutIds.has(stored.id)) {
            leftOutIds.add(stored.id);
            plan.unansweredImported.push(stored);
          }
          continue;
        }
      }
      const series = tally(plan.series, o);
      if (skipSeries.has(o.uid)) {
        // Counted, not listed: a weekly series left out is hundreds of meetings.
        plan.skippedByReason.series_left_out = (plan.skippedByReason.series_left_out ?? 0) + 1;
        const stored = existing.interactions.get(sourceKey(o)) ?? elsewhere(meeting, file.calendar);
        // The same meeting in two calendars is one interaction.
        if (stored && !leftOutIds.has(stored.id)) {
          leftOutIds.add(stored.id);
          series.importedBefore++;
          plan.leftOutImported.push(stored);
        }
        continue;
      }
      const initiatedBy: Initiator = organizer === null ? 'unknown' : me.has(organizer) ? 'me' : 'them';
      counts.meetings++;
      if (withMe) counts.withMe++;
      // The occurrence's own people (each occurrence has its own copies): no second object per person.
      const participants: PlannedParticipant[] = others;
      const large = o.people.length > maxMeetingSize;
      for (const p of others) {
        let person = plan.people.get(p.email);
        if (!person) {
          const contact = existing.contactByEmail.get(p.email);
          person = {
            email: p.email,
            // A contact goes by the name the user gave them, not by the calendar's.
            name: contact?.name ?? p.name ?? '',
            contactId: contact?.id ?? null,
            meetings: 0,
            proposable: false,
            looksLikeYou: false,
            lastMeeting: { title: o.title, startsAt: o.startsAt },
          };
          plan.people.set(p.email, person);
        }
        person.meetings++;
        if (o.startsAt > person.lastMeeting.startsAt)
          person.lastMeeting = { title: o.title, startsAt: o.startsAt };
        person.name ||= p.name ?? '';
        if (!large) person.proposable = true;
      }
      if (depth === 'people') continue;
      const key = sourceKey(o);
      const stored = existing.interactions.get(key) ?? elsewhere(meeting, file.calendar);
      const sourceHash =
        stored || depth === 'write'
          ? `${version(o)}#${contentHash(o, initiatedBy, participants, existing.contactByEmail)}`
          : null;
      let action: PlannedInteraction['action'] = 'create';
      if (stored) {
        const [storedVersion, storedContent] = (stored.sourceHash ?? '|#').split('#');
        const incomingContent = sourceHash!.split('#')[1];
        action =
          storedContent === incomingContent || olderThan(version(o), storedVersion) ? 'unchanged' : 'update';
      }
      plan[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged']++;
      plan.interactions.push({
        occurrence: o,
        sourceKey: key,
        sourceHash,
        initiatedBy,
        participants,
        action,
        existingId: stored?.id ?? null,
        movedFrom: null,
      });
    }
  }
  if (depth !== 'people' && existing.interactions.size > 0) {
    // What the files still hold, cancelled meetings too, is not looked for elsewhere.
    for (const file of parsed) for (const key of file.withdrawn) seen.add(key);
    const claimed = new Set([...withdrawnIds, ...leftOutIds]);
    for (const p of plan.interactions) if (p.existingId !== null) claimed.add(p.existingId);
    const end = windowEnd.toISOString();
    const inWindow = (startsAt: string) =>
      startsAt.length === 10
        ? !beforeWindow(startsAt, true) && startsAt <= end.slice(0, 10)
        : !beforeWindow(startsAt, false) && startsAt <= end;
    const calendars = new Set(parsed.map((f) => f.calendar));
    const vanished = vanishedMeetings(existing, calendars, seen, claimed, inWindow);
    const creates = plan.interactions.filter((p) => p.action === 'create');
    const moved = pairMovedMeetings(creates, vanished);
    // The stored meetings paired with a new occurrence, by either way.
    const paired = new Set([...moved.values()].map((v) => v.id));
    const recreated = pairRecreatedMeetings(
      creates.filter((p) => !moved.has(p)),
      vanished.filter((v) => !paired.has(v.id)),
      existing.storedMeetings,
      (email) => existing.contactByEmail.get(email)?.id ?? null,
    );
    for (const [p, stored] of [...moved, ...recreated]) {
      paired.add(stored.id);
      p.action = 'update';
      p.existingId = stored.id;
      p.movedFrom = stored.sourceKey;
      plan.created--;
      plan.updated++;
      plan.moved++;
    }
    plan.recreated = recreated.size;
    plan.deleted = deletedMeetings(
      parsed,
      vanished.filter((v) => !paired.has(v.id)),
    );
  }
  // A meeting this import still holds (from another calendar) is updated, not taken back.
  if (plan.withdrawn.length + plan.leftOutImported.length + plan.unansweredImported.length > 0) {
    const kept = new Set(plan.interactions.map((p) => p.existingId));
    const stays = (w: StoredInteraction) => !kept.has(w.id) && !withdrawnIds.has(w.id);
    plan.withdrawn = plan.withdrawn.filter((w) => !kept.has(w.id));
    plan.leftOutImported = plan.leftOutImported.filter(stays);
    plan.unansweredImported = plan.unansweredImported.filter(stays);
  }
  const yours = new Set([...namesOfMine].flatMap(nameKeys).filter((key) => key.includes(' ')));
  // The user, where a file names them without an address, is no one to list.
  for (const [key, { name }] of plan.unaddressed) {
    if (nameKeys(name).some((k) => yours.has(k))) plan.unaddressed.delete(key);
  }
  for (const person of plan.people.values()) {
    if (person.contactId !== null) continue;
    // The user's name at an address not among theirs: most likely another address of theirs.
    person.looksLikeYou = nameKeys(person.name).some((key) => yours.has(key));
    // Someone to create is proposed under the name a contact list would give them.
    person.name = proposedName(person.name, person.email);
  }
  return plan;
}
