import { createHash, randomUUID } from 'node:crypto';
import type {
  CalendarCommitResult,
  CalendarPreview,
  CalendarUndoResult,
  PreviewCalendar,
  PreviewPerson,
  PreviewSeries,
} from '../../shared/calendar/schemas';
import type { ParsedCalendar } from '../../shared/calendar/types';
import { circleFor, workDomains, type NewPeopleCircle } from '../../shared/calendar/newPeopleCircle';
import { peopleless } from '../../shared/calendar/peopleless';
import { AppError } from '../../shared/ipc/envelope';
import { isEmail, normalizeEmail, sameAddresses } from '../../shared/text/email';
import type { Store } from '../db/open';
import { getSelfEmails, setSelfEmails } from '../settings/repository';
import { isImportError } from './errors';
import { expandInputs, type CalendarFile } from './input';
import { planImport, type ImportPlan, type StoredInteraction } from './plan';
import {
  readRemembered,
  readSkipUnanswered,
  rememberChoices,
  rememberSkipUnanswered,
} from './rememberedChoices';
import { parseFiles, releaseParserThreads, type RunLimits } from './runner';
import { contactNamed, type ContactsByName } from './byName';
import {
  firstMeetings,
  loadExisting,
  storeVersion,
  untouchedInteractions,
  countUserEdited,
  undoImport,
  writeImport,
  type LinkedPerson,
  type NewPerson,
} from './store';
import { meetingsPerKind } from './kind';
import { meetingsPerMonth } from './months';

export const DEFAULT_MAX_MEETING_SIZE = 25;

export interface PreviewRequest {
  files: CalendarFile[];
  windowEnd?: Date;
  windowStart?: Date;
  selfEmails?: string[];
  maxMeetingSize?: number;
  defaultZone?: string;
  /** Calendars to leave out, by name (a zip's entries as "export.zip/entry.ics"). */
  skipFiles?: string[];
  /** UIDs of recurring series to leave out; by default those left out in earlier imports. */
  skipSeries?: string[];
  /** Leave out the invitations the user never answered; by default as the last import chose. */
  skipUnanswered?: boolean;
  /** Import again the meetings the user deleted in Rapport; by default they stay deleted. */
  bringBackDeleted?: boolean;
}

export interface ServiceContext {
  store: Store;
  now(): Date;
  progress?(phase: string, done: number, total: number): void;
  limits?: RunLimits;
}

interface CachedPreview {
  id: string;
  storePath: string;
  /** Every calendar in the files, in order, those left out included. */
  calendars: Array<{ name: string; skipped: boolean }>;
  parsed: ParsedCalendar[];
  /** What the files were read with: a preview asking for the same reads nothing again. */
  readWith: string;
  fileName: string;
  sha256: string;
  self: string[];
  selfSuggested: boolean;
  maxMeetingSize: number;
  windowEnd: Date;
  windowStart: Date | null;
  skipSeries: Set<string>;
  skipUnanswered: boolean;
  bringBackDeleted: boolean;
  /** The preview's plan, and the database it was made against: reused while nothing has changed. */
  plan: ImportPlan;
  planned: { sqlite: Store['sqlite']; version: string };
}

/** Parsed previews waiting for their commit; a few at most, the oldest dropped first. */
const previews = new Map<string, CachedPreview>();
const MAX_CACHED = 3;

function remember(preview: CachedPreview): void {
  previews.set(preview.id, preview);
  while (previews.size > MAX_CACHED) previews.delete(previews.keys().next().value!);
}

function toAppError(error: unknown): never {
  if (error instanceof AppError) throw error;
  if (isImportError(error)) {
    const { code, message, line } = error;
    throw new AppError('IMPORT', message, line === undefined ? { code } : { code, line });
  }
  throw error;
}

/**
 * The files, and what decides how they are read: the calendars left out, the window's end (up
 * to which series are expanded) and the fallback zone. The window's start, the meeting size,
 * "me" and the series left out are applied after reading.
 */
function readingOf(request: PreviewRequest, sha256: string, windowEnd: Date): string {
  return JSON.stringify([
    sha256,
    windowEnd.getTime(),
    [...(request.skipFiles ?? [])].sort(),
    request.defaultZone,
  ]);
}

/**
 * Reads every calendar in the files but those the request leaves out; names them all, in order.
 * A preview that changes only what applies after reading (a series left out, the start date, the
 * meeting size) takes the files as the last preview of them read them: a 20 MB export takes a
 * second or more to read again. The parsed calendars are never changed, so previews share them.
 */
async function parse(request: PreviewRequest, windowEnd: Date, readWith: string, ctx: ServiceContext) {
  const same = [...previews.values()].find((p) => p.readWith === readWith);
  if (same) return { calendars: same.calendars, parsed: same.parsed };
  try {
    const all = expandInputs(request.files);
    const skip = new Set(request.skipFiles ?? []);
    const files = all.filter((f) => !skip.has(f.name));
    const parsed =
      files.length === 0
        ? []
        : await parseFiles(
            files,
            { windowEnd, ...(request.defaultZone ? { defaultZone: request.defaultZone } : {}) },
            ctx.limits,
            (read, total) => ctx.progress?.('reading', read, total),
            (read, total) => ctx.progress?.('reading again', read, total),
          );
    return { calendars: all.map((f) => ({ name: f.name, skipped: skip.has(f.name) })), parsed };
  } catch (error) {
    toAppError(error);
  }
}

function digest(files: CalendarFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.bytes);
  return hash.digest('hex');
}

function byMeetings(a: { email: string; meetings: number }, b: { email: string; meetings: number }): number {
  return b.meetings - a.meetings || a.email.localeCompare(b.email);
}

/** What the preview says of a calendar left out. */
const NOT_READ = {
  calendar: '',
  events: 0,
  occurrences: 0,
  meetings: 0,
  withMe: 0,
  importedAs: null,
  peopleless: null,
};

/** Every calendar in the files, in order; those read are in `parsed` in the same order. */
function calendarsOf(cached: CachedPreview, plan: ImportPlan): PreviewCalendar[] {
  let next = 0;
  return cached.calendars.map(({ name, skipped }): PreviewCalendar => {
    if (skipped) return { name, ...NOT_READ, skipped };
    const i = next++;
    const f = cached.parsed[i];
    return {
      name,
      calendar: f.calendar,
      events: f.events,
      occurrences: f.occurrences.length,
      ...plan.perFile[i],
      skipped,
      importedAs: plan.renamed.get(f.calendar) ?? null,
      peopleless: peopleless(f.occurrences),
    };
  });
}

/**
 * Recurring series a preview lists at most, besides those left out: enough for every series of
 * a long working life, few enough that a pathological file does not flood the window.
 */
const MAX_SERIES = 2000;

/** The recurring series (a UID with two meetings or more in the window, or left out), most meetings first. */
function seriesOf(plan: ImportPlan, skipSeries: Set<string>, leftOutBefore: Set<string>): PreviewSeries[] {
  const recurring = [...plan.series.values()]
    .filter((t) => t.meetings >= 2 || skipSeries.has(t.uid))
    .sort((a, b) => b.meetings - a.meetings || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid));
  return recurring
    .filter((t, i) => i < MAX_SERIES || skipSeries.has(t.uid))
    .map((t) => ({ ...t, leftOut: skipSeries.has(t.uid), leftOutBefore: leftOutBefore.has(t.uid) }));
}

/** Of meetings an import may remove, those it would (`untouched`) and those that stay as the user's own. */
function removal(all: StoredInteraction[], untouched: number[]): { remove: number; keep: number } {
  return { remove: untouched.length, keep: all.length - untouched.length };
}

function summarize(
  cached: CachedPreview,
  plan: ImportPlan,
  droppedBefore: Set<string>,
  leftOutBefore: Set<string>,
  contactsByName: ContactsByName,
  /** Of the plan's withdrawn, left-out, deleted and unanswered interactions, those the user has not made their own. */
  untouched: { withdrawn: number[]; leftOut: number[]; deleted: number[]; unanswered: number[] },
  /** Of the meetings to update, how many the user changed in Rapport. */
  updatedYours: number,
): CalendarPreview {
  const people = [...plan.people.values()];
  const strip = ({
    email,
    name,
    contactId,
    meetings,
    looksLikeYou,
    lastMeeting,
  }: Omit<PreviewPerson, 'droppedBefore' | 'sameNameAs'>): PreviewPerson => {
    const named = contactId === null ? contactNamed(contactsByName, name) : null;
    return {
      email,
      name,
      contactId,
      meetings,
      looksLikeYou,
      lastMeeting,
      droppedBefore: contactId === null && droppedBefore.has(email),
      sameNameAs: named && { id: named.id, name: named.name },
    };
  };
  // The first and last start in sort order (code units, as Array#sort), without sorting them all.
  let from: string | null = null;
  let to: string | null = null;
  let approximate = 0;
  for (const { occurrence } of plan.interactions) {
    if (from === null || occurrence.startsAt < from) from = occurrence.startsAt;
    if (to === null || occurrence.startsAt > to) to = occurrence.startsAt;
    if (occurrence.approximate) approximate++;
  }
  return {
    previewId: cached.id,
    files: calendarsOf(cached, plan),
    events: cached.parsed.reduce((n, f) => n + f.events, 0),
    occurrences: cached.parsed.reduce((n, f) => n + f.occurrences.length, 0),
    toCreate: plan.created,
    toUpdate: plan.updated,
    moved: plan.moved,
    recreated: plan.recreated,
    updatedYours,
    unchanged: plan.unchanged,
    matchedPeople: people
      .filter((p) => p.contactId !== null)
      .sort(byMeetings)
      .map(strip),
    newPeople: people
      .filter((p) => p.contactId === null && p.proposable)
      .sort(byMeetings)
      .map(strip),
    topPeople: people.sort(byMeetings).slice(0, 20).map(strip),
    unaddressed: [...plan.unaddressed.values()]
      .sort((a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name))
      .slice(0, 200),
    series: seriesOf(plan, cached.skipSeries, leftOutBefore),
    skippedByReason: plan.skippedByReason,
    skipped: plan.skipped.slice(0, 200),
    capped: cached.parsed.flatMap((f) => f.capped),
    approximate: {
      occurrences: approximate,
      zones: [...new Set(cached.parsed.flatMap((f) => f.approximateZones))],
    },
    unanswered: {
      meetings: plan.unanswered,
      leftOut: cached.skipUnanswered,
      imported: removal(plan.unansweredImported, untouched.unanswered),
    },
    deletedByYou: { meetings: plan.deletedByYou, broughtBack: cached.bringBackDeleted },
    warnings: cached.parsed
      .flatMap((f) => f.warnings)
      .filter((w) => w.uid === undefined)
      .slice(0, 200),
    range: { from, to },
    withdrawn: removal(plan.withdrawn, untouched.withdrawn),
    seriesImported: removal(plan.leftOutImported, untouched.leftOut),
    deleted: {
      ...removal(plan.deleted, untouched.deleted),
      first: firstMeetings(cached.planned.sqlite, untouched.deleted),
    },
    perMonth: meetingsPerMonth(plan.interactions.map((p) => p.occurrence.startsAt)),
    perKind: meetingsPerKind(plan.interactions.map((p) => p.occurrence.kind)),
    windowEnd: cached.windowEnd.toISOString(),
    windowStart: cached.windowStart?.toISOString() ?? null,
    maxMeetingSize: cached.maxMeetingSize,
    selfEmails: cached.self,
    selfEmailsSuggested: cached.selfSuggested,
  };
}

/** The user's addresses: those given, else those saved; null when neither (the preview suggests one). */
async function resolveSelf(
  ctx: ServiceContext,
  given: string[] | undefined,
): Promise<{ self: string[]; suggested: boolean } | null> {
  const explicit = (given ?? []).map(normalizeEmail).filter(isEmail);
  if (explicit.length > 0) return { self: explicit, suggested: false };
  const saved = await getSelfEmails(ctx.store.db);
  return saved.length > 0 ? { self: saved, suggested: false } : null;
}

export async function previewImport(request: PreviewRequest, ctx: ServiceContext): Promise<CalendarPreview> {
  const windowEnd = request.windowEnd ?? ctx.now();
  if (request.windowStart && request.windowStart >= windowEnd) {
    throw new AppError(
      'VALIDATION',
      'The meetings to import start after they end: choose a start before the end.',
      [{ path: ['windowStart'], message: 'After the window end' }],
    );
  }
  const maxMeetingSize = request.maxMeetingSize ?? DEFAULT_MAX_MEETING_SIZE;
  ctx.progress?.('reading', 0, 1);
  const known = await resolveSelf(ctx, request.selfEmails);
  // Parsed without "me": occurrences carry who declined, so a change of address needs no re-read.
  const sha256 = digest(request.files);
  const readWith = readingOf(request, sha256, windowEnd);
  const { calendars, parsed } = await parse(request, windowEnd, readWith, ctx);
  let self = known?.self ?? [];
  let suggested = false;
  if (!known) {
    const top = likelySelf(parsed);
    if (top) {
      self = [top];
      suggested = true;
    }
  }
  const planned = { sqlite: ctx.store.sqlite, version: storeVersion(ctx.store.sqlite) };
  const windowStart = request.windowStart ?? null;
  const leftOutBefore = await readRemembered(ctx.store.db, 'calendar.leftOutSeries');
  const skipSeries = request.skipSeries ? new Set(request.skipSeries) : leftOutBefore;
  const skipUnanswered = request.skipUnanswered ?? (await readSkipUnanswered(ctx.store.db));
  const bringBackDeleted = request.bringBackDeleted ?? false;
  const existing = loadExisting(ctx.store.sqlite);
  const plan = planImport(
    parsed,
    new Set(self),
    existing,
    { maxMeetingSize, windowStart, windowEnd, skipSeries, skipUnanswered, bringBackDeleted },
    'preview',
  );
  const cached: CachedPreview = {
    id: randomUUID(),
    storePath: ctx.store.path,
    calendars,
    parsed,
    readWith,
    fileName: request.files.map((f) => f.name).join(', '),
    sha256,
    self,
    selfSuggested: suggested,
    maxMeetingSize,
    windowEnd,
    windowStart,
    skipSeries,
    skipUnanswered,
    bringBackDeleted,
    plan,
    planned,
  };
  remember(cached);
  ctx.progress?.('reading', 1, 1);
  return summarize(
    cached,
    plan,
    await readRemembered(ctx.store.db, 'calendar.droppedPeople'),
    leftOutBefore,
    existing.contactsByName,
    {
      withdrawn: untouchedInteractions(ctx.store.sqlite, ids(plan.withdrawn)),
      leftOut: untouchedInteractions(ctx.store.sqlite, ids(plan.leftOutImported)),
      deleted: untouchedInteractions(ctx.store.sqlite, ids(plan.deleted)),
      unanswered: untouchedInteractions(ctx.store.sqlite, ids(plan.unansweredImported)),
    },
    countUserEdited(
      ctx.store.sqlite,
      plan.interactions.flatMap((p) => (p.action === 'update' ? [p.existingId!] : [])),
    ),
  );
}

const ids = (stored: StoredInteraction[]) => stored.map((s) => s.id);

/**
 * The address most likely the user's: the one in the most meetings of the files (one is in every
 * meeting of one's own calendar), organising more of them breaking a tie. The most frequent
 * organiser alone is often someone else: a manager who sends the team's invitations.
 */
function likelySelf(parsed: ParsedCalendar[]): string | null {
  const meetings = new Map<string, number>();
  const add = (email: string) => meetings.set(email, (meetings.get(email) ?? 0) + 1);
  for (const f of parsed) {
    for (const o of f.occurrences) {
      for (const p of o.people) if (p.email !== '') add(p.email);
      for (const email of o.declinedBy) add(email);
    }
  }
  const organised = new Map<string, number>();
  for (const f of parsed)
    for (const o of f.organizers) organised.set(o.email, (organised.get(o.email) ?? 0) + o.count);
  const organisedBy = (email: string) => organised.get(email) ?? 0;
  const ranked = [...meetings.keys()].sort(
    (a, b) => meetings.get(b)! - meetings.get(a)! || organisedBy(b) - organisedBy(a) || a.localeCompare(b),
  );
  return ranked[0] ?? null;
}

export interface CommitRequest {
  previewId: string;
  createPeople: string[];
  linkPeople?: Array<{ email: string; contactId: number }>;
  selfEmails?: string[];
  newPeopleCircle?: NewPeopleCircle;
  keepWithdrawn?: boolean;
  removeLeftOutSeries?: boolean;
  removeDeleted?: boolean;
  removeUnanswered?: boolean;
}

export async function commitImport(
  request: CommitRequest,
  ctx: ServiceContext,
): Promise<CalendarCommitResult> {
  const cached = previews.get(request.previewId);
  if (!cached || cached.storePath !== ctx.store.path) {
    throw new AppError('NOT_FOUND', 'This preview has expired; preview the calendar again before importing.');
  }
  // The write needs the memory the idle parser threads hold more than a next read needs them
  // warm. Released first, so that the database is read for the plan after this wait, not before.
  await releaseParserThreads();
  let self = cached.self;
  const parsed = cached.parsed;
  // The preview's plan still holds when neither the database nor "me" has changed since.
  let unchanged =
    cached.planned.sqlite === ctx.store.sqlite && cached.planned.version === storeVersion(ctx.store.sqlite);
  if (request.selfEmails) {
    const given = [...new Set(request.selfEmails.map(normalizeEmail).filter(isEmail))];
    if (!sameAddresses(given, self)) unchanged = false;
    self = given;
    await setSelfEmails(ctx.store.db, self);
  }
  const existing = loadExisting(ctx.store.sqlite);
  const before = unchanged ? cached.plan : planImport(parsed, new Set(self), existing, cached, 'people');
  const wanted = new Set(request.createPeople.map(normalizeEmail));
  const linkTo = new Map((request.linkPeople ?? []).map((l) => [normalizeEmail(l.email), l.contactId]));
  for (const email of linkTo.keys()) {
    if (wanted.has(email)) {
      throw new AppError('VALIDATION', `${email} is both to create and to add to a contact; choose one.`, [
        { path: ['linkPeople'], message: 'Also in createPeople' },
      ]);
    }
  }
  const newPeople: NewPerson[] = [];
  const linkedPeople: LinkedPerson[] = [];
  const dropped: string[] = [];
  const domains = workDomains(self);
  for (const person of before.people.values()) {
    if (person.contactId !== null || !person.proposable) continue;
    const contactId = linkTo.get(person.email);
    if (contactId !== undefined) linkedPeople.push({ email: person.email, contactId });
    else if (wanted.has(person.email)) {
      const circle = circleFor(person.email, request.newPeopleCircle ?? null, domains);
      newPeople.push({ email: person.email, name: person.name, circle });
    } else dropped.push(person.email);
  }
  // Remembered once the import has gone through (or had nothing to write).
  const remember = async () => {
    await rememberChoices(
      ctx.store.db,
      'calendar.droppedPeople',
      dropped,
      [...newPeople, ...linkedPeople].map((p) => p.email),
    );
    const series = [...before.series.keys()];
    await rememberChoices(
      ctx.store.db,
      'calendar.leftOutSeries',
      series.filter((uid) => cached.skipSeries.has(uid)),
      series.filter((uid) => !cached.skipSeries.has(uid)),
    );
    await rememberSkipUnanswered(ctx.store.db, cached.skipUnanswered);
  };
  // Plan again with the people about to be created, so their meetings link to them.
  for (const [i, person] of newPeople.entries()) {
    existing.contactByEmail.set(person.email, { id: -1 - i, name: person.name });
  }
  for (const person of linkedPeople)
    existing.contactByEmail.set(person.email, { id: person.contactId, name: '' });
  // The write takes back only the untouched ones, checked inside its transaction.
  const withdrawable = (p: ImportPlan) => (request.keepWithdrawn ? [] : ids(p.withdrawn));
  const takenOut = (p: ImportPlan) => (request.removeLeftOutSeries ? ids(p.leftOutImported) : []);
  const deleted = (p: ImportPlan) => (request.removeDeleted ? ids(p.deleted) : []);
  const unanswered = (p: ImportPlan) => (request.removeUnanswered ? ids(p.unansweredImported) : []);
  const nothingNew = (p: ImportPlan) =>
    p.created === 0 &&
    p.updated === 0 &&
    newPeople.length === 0 &&
    linkedPeople.length === 0 &&
    untouchedInteractions(ctx.store.sqlite, [
      ...withdrawable(p),
      ...takenOut(p),
      ...deleted(p),
      ...unanswered(p),
    ]).length === 0;
  const plan =
    unchanged && nothingNew(cached.plan)
      ? cached.plan
      : planImport(parsed, new Set(self), existing, cached, 'write');
  if (nothingNew(plan)) {
    await remember();
    previews.delete(cached.id);
    return {
      importId: null,
      created: 0,
      updated: 0,
      unchanged: plan.unchanged,
      contactsCreated: 0,
      addressesAdded: 0,
      withdrawn: 0,
      seriesRemoved: 0,
      deletedRemoved: 0,
      unansweredRemoved: 0,
      nothingNew: true,
    };
  }
  const total = plan.created + plan.updated;
  ctx.progress?.('writing', 0, total);
  const result = writeImport(ctx.store.sqlite, {
    fileName: cached.fileName,
    sha256: cached.sha256,
    now: ctx.now().toISOString(),
    plan,
    newPeople,
    linkedPeople,
    withdraw: withdrawable(plan),
    takeOut: takenOut(plan),
    deleted: deleted(plan),
    unanswered: unanswered(plan),
    stats: {
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      skipped: plan.skippedByReason,
      events: parsed.reduce((n, f) => n + f.events, 0),
      // Kept so the next import of these files takes each calendar for the same one (`renamedBefore`).
      ...(plan.renamed.size > 0 ? { renamed: Object.fromEntries(plan.renamed) } : {}),
    },
    progress: (done, all) => ctx.progress?.('writing', done, all),
  });
  await remember();
  previews.delete(cached.id);
  return {
    importId: result.importId,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    contactsCreated: result.contactsCreated,
    addressesAdded: result.addressesAdded,
    withdrawn: result.withdrawn,
    seriesRemoved: result.seriesRemoved,
    deletedRemoved: result.deletedRemoved,
    unansweredRemoved: result.unansweredRemoved,
    nothingNew: false,
  };
}

export function undoCalendarImport(importId: number, ctx: ServiceContext): CalendarUndoResult {
  return undoImport(ctx.store.sqlite, importId, ctx.now().toISOString());
}
