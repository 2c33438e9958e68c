import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import type { CalendarPreview } from '../../shared/calendar/schemas';
import { AppError } from '../../shared/ipc/envelope';
import { count } from '../../shared/text/count';
import { notAddressesIn } from '../../shared/text/email';
import {
  folderFileNames,
  isCalendarInFolder,
  MAX_CALENDAR_FILES,
  noCalendarIn,
} from '../../shared/calendar/calendarFiles';
import { importOutcome } from '../../shared/calendar/outcome';
import type { NewPeopleCircle } from '../../shared/calendar/newPeopleCircle';
import { peoplelessAdvice } from '../../shared/calendar/peopleless';
import { updateParts } from '../../shared/calendar/updates';
import { circles, type Circle } from '../../shared/contacts/schemas';
import { interactionKindLabels } from '../../shared/journal/kinds';

function unreadable(path: string, error: unknown): AppError {
  return new AppError('IMPORT', `Cannot read ${path}: ${(error as Error).message}`, { code: 'UNREADABLE' });
}

/** The calendar files in a folder and its folders (an unpacked Google export), as `folderFileNames` names them. */
function filesInFolder(folder: string): Array<{ name: string; path: string }> {
  let found: string[];
  try {
    found = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((path) => path.split(sep).join('/'))
      .filter(isCalendarInFolder)
      .sort();
  } catch (error) {
    throw unreadable(folder, error);
  }
  if (found.length === 0) {
    throw new AppError('IMPORT', noCalendarIn([folder]), { code: 'NOT_ICALENDAR' });
  }
  if (found.length > MAX_CALENDAR_FILES) {
    throw new AppError(
      'IMPORT',
      `${folder} holds ${found.length} calendar files, more than the ${MAX_CALENDAR_FILES} one import reads: name the calendars themselves.`,
      { code: 'TOO_LARGE' },
    );
  }
  // Named by their path from the folder's own name on, as when the folder is chosen or dropped in the app.
  const names = folderFileNames(found.map((path) => `${basename(resolve(folder))}/${path}`));
  return found.map((path, i) => ({ name: names[i], path: join(folder, path) }));
}

/** The files named, each folder among them giving the calendars in it. */
function readFiles(paths: string[]): Array<{ name: string; data: string }> {
  const files = paths.flatMap((path) => {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch (error) {
      throw unreadable(path, error);
    }
    return folder ? filesInFolder(path) : [{ name: basename(path), path }];
  });
  return files.map(({ name, path }) => {
    try {
      return { name, data: readFileSync(path).toString('base64') };
    } catch (error) {
      throw unreadable(path, error);
    }
  });
}

/** The UIDs of the recurring series with this title (any case) or UID. */
function seriesNamed(p: CalendarPreview, name: string): string[] {
  const wanted = name.trim().toLowerCase();
  const found = p.series.filter((s) => s.uid === name || s.title.trim().toLowerCase() === wanted);
  if (found.length === 0) throw new UsageError(`--skip-series: no recurring series is called "${name}"`);
  return found.map((s) => s.uid);
}

/** Recurring series the summary lists, besides those left out. */
const LISTED_SERIES = 10;

/** Notes on reading the files (lines repaired or left out) the summary lists. */
const LISTED_NOTES = 10;

/** The summary's line for meetings imported before that the import may remove; none when there are none. */
function removals(label: string, r: { remove: number; keep: number }, how: string): string[] {
  if (r.remove + r.keep === 0) return [];
  return [`  ${label}: ${r.remove} ${how}${r.keep > 0 ? `, ${r.keep} kept (changed or tagged by you)` : ''}`];
}

/** The first people named without an address, with their meeting counts, the rest counted. */
function unaddressed(p: CalendarPreview): string {
  const listed = p.unaddressed
    .slice(0, LISTED_NOTES)
    .map((u) => `${u.name} (${count(u.meetings, 'meeting')})`);
  const more = p.unaddressed.length - listed.length;
  return listed.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function describe(p: CalendarPreview): string[] {
  const updates = updateParts(p).join('; ');
  const lines = [
    `${p.events} events, ${p.occurrences} meetings ${p.windowStart ? `from ${p.windowStart.slice(0, 10)} ` : ''}up to ${p.windowEnd.slice(0, 10)} in ${p.files.length} calendar(s)`,
    `  to create ${p.toCreate}, to update ${p.toUpdate}${updates ? ` (${updates})` : ''}, unchanged ${p.unchanged}`,
    ...removals('cancelled or not attended since imported', p.withdrawn, 'to remove'),
    ...removals(
      'imported before from series left out',
      p.seriesImported,
      '(removed with --remove-skipped-series)',
    ),
    ...removals('imported before, no longer in the calendar', p.deleted, '(removed with --remove-deleted)'),
    ...p.deleted.first.map((m) => `    ${m.startsAt.slice(0, 10)}  ${m.title}`),
    `  people: ${p.matchedPeople.length} matched, ${p.newPeople.length} new`,
    ...p.newPeople
      .filter((n) => n.looksLikeYou)
      .map(
        (n) => `    ${n.name} <${n.email}> has your name: not created (one of yours? give it with --self)`,
      ),
    ...(p.unaddressed.length > 0 ? [`  without an address, no contact of that name: ${unaddressed(p)}`] : []),
    `  dates: ${p.range.from ?? '-'} to ${p.range.to ?? '-'}`,
    ...(p.perKind.length > 0
      ? [
          `  as: ${p.perKind.map((k) => `${interactionKindLabels[k.kind].toLowerCase()} ${k.meetings}`).join(', ')}`,
        ]
      : []),
    `  you: ${p.selfEmails.join(', ') || '(unknown)'}${p.selfEmailsSuggested ? ' (suggested: the address in the most meetings)' : ''}`,
  ];
  if (p.files.length > 1 || p.files.some((f) => f.importedAs !== null)) {
    for (const f of p.files) {
      lines.push(
        f.skipped
          ? `  calendar ${f.name}: left out`
          : `  calendar ${f.name}${f.calendar ? ` ("${f.calendar}")` : ''}: ${count(f.meetings, 'meeting')}, you are in ${f.withMe}${f.importedAs === null ? '' : `, imported before as "${f.importedAs}"`}`,
      );
    }
  }
  for (const f of p.files) {
    if (f.peopleless) lines.push(`  calendar ${f.name} has no one in it. ${peoplelessAdvice(f.peopleless)}`);
  }
  const skipped = Object.entries(p.skippedByReason);
  if (skipped.length > 0) lines.push(`  skipped: ${skipped.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  if (p.approximate.occurrences > 0) {
    lines.push(
      `  approximate times: ${p.approximate.occurrences} (unknown zones: ${p.approximate.zones.join(', ')})`,
    );
  }
  for (const c of p.capped) lines.push(`  capped: "${c.title}" at ${c.limit} occurrences`);
  if (p.deletedByYou.meetings > 0) {
    lines.push(
      `  deleted by you in Rapport: ${count(p.deletedByYou.meetings, 'meeting')}, ${
        p.deletedByYou.broughtBack
          ? 'imported again'
          : 'left out (import them again with --bring-back-deleted)'
      }`,
    );
  }
  const { unanswered } = p;
  if (unanswered.meetings > 0) {
    lines.push(
      `  never answered: ${count(unanswered.meetings, 'meeting')}, ${
        unanswered.leftOut ? 'left out' : 'kept (leave them out with --skip-unanswered)'
      }`,
      ...removals(
        'imported before, never answered',
        unanswered.imported,
        '(removed with --remove-unanswered)',
      ),
    );
  }
  for (const w of p.warnings.slice(0, LISTED_NOTES)) lines.push(`  note: ${w.message}`);
  if (p.warnings.length > LISTED_NOTES)
    lines.push(`  note: and ${p.warnings.length - LISTED_NOTES} more (see --json)`);
  const series = p.series.filter((s, i) => i < LISTED_SERIES || s.leftOut);
  if (series.length > 0) lines.push('  recurring series (leave one out with --skip-series TITLE):');
  for (const s of series) {
    lines.push(
      `    ${String(s.meetings).padStart(5)}  ${s.title || s.uid} (up to ${count(s.largest, 'person', 'people')})${s.leftOut ? ' left out' : ''}`,
    );
  }
  for (const person of p.topPeople.slice(0, 20)) {
    lines.push(
      `    ${String(person.meetings).padStart(5)}  ${person.name} <${person.email}>${person.contactId ? '' : ' (new)'}`,
    );
  }
  return lines;
}

/** `--circle`: a circle, "none", or by default "by-domain" (colleague at the user's work domain), as in the Import view. */
function circleOption(value: string | undefined): NewPeopleCircle {
  if (value === undefined || value === 'by-domain') return 'by_domain';
  if (value === 'none') return null;
  if ((circles as readonly string[]).includes(value)) return value as Circle;
  throw new UsageError(`--circle ${value} is not one of ${[...circles, 'none', 'by-domain'].join(', ')}`);
}

async function importIcs(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      db: { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      self: { type: 'string', multiple: true },
      until: { type: 'string' },
      since: { type: 'string' },
      'no-new-people': { type: 'boolean' },
      'skip-calendar': { type: 'string', multiple: true },
      'keep-cancelled': { type: 'boolean' },
      'skip-series': { type: 'string', multiple: true },
      'skip-large-series': { type: 'boolean' },
      'remove-skipped-series': { type: 'boolean' },
      'remove-deleted': { type: 'boolean' },
      'skip-unanswered': { type: 'boolean' },
      'keep-unanswered': { type: 'boolean' },
      'remove-unanswered': { type: 'boolean' },
      'bring-back-deleted': { type: 'boolean' },
      circle: { type: 'string' },
    },
    true,
  );
  if (positionals.length === 0) throw new UsageError('Give at least one .ics or .zip file');
  const date = (option: 'until' | 'since'): string | undefined => {
    const value = values[option] as string | undefined;
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new UsageError(`--${option} ${value} is not a date`);
    return value && new Date(value).toISOString();
  };
  if (values['skip-unanswered'] && values['keep-unanswered'])
    throw new UsageError('Give --skip-unanswered or --keep-unanswered, not both');
  const self = values.self as string[] | undefined;
  const notAddresses = notAddressesIn((self ?? []).join(' '));
  if (notAddresses.length > 0)
    throw new UsageError(`--self ${notAddresses.join(', ')} is not an email address`);
  const newPeopleCircle = circleOption(values.circle as string | undefined);
  const until = date('until');
  const since = date('since');
  const files = readFiles(positionals);
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const request = {
      files,
      ...(until ? { windowEnd: until } : {}),
      ...(since ? { windowStart: since } : {}),
      ...(self ? { selfEmails: self } : {}),
      ...(values['skip-calendar'] ? { skipFiles: values['skip-calendar'] as string[] } : {}),
      // Neither: as the last import chose.
      ...(values['skip-unanswered'] ? { skipUnanswered: true } : {}),
      ...(values['keep-unanswered'] ? { skipUnanswered: false } : {}),
      ...(values['bring-back-deleted'] ? { bringBackDeleted: true } : {}),
    };
    let preview = await call('calendar:preview', request);
    const skipSeries = (values['skip-series'] as string[] | undefined) ?? [];
    const skipLarge = values['skip-large-series'] === true;
    if (skipSeries.length > 0 || skipLarge) {
      // Named by title or UID, or too large to propose new people; those left out before stay out.
      const uids = new Set(
        preview.series
          .filter((s) => s.leftOut || (skipLarge && s.largest > preview.maxMeetingSize))
          .map((s) => s.uid),
      );
      for (const name of skipSeries) for (const uid of seriesNamed(preview, name)) uids.add(uid);
      // Up to the same instant as the first (by default "now"), so the files are not read again.
      preview = await call('calendar:preview', {
        ...request,
        windowEnd: preview.windowEnd,
        skipSeries: [...uids],
      });
    }
    if (values['dry-run']) {
      io.out(values.json ? JSON.stringify({ preview }, null, 2) : describe(preview).join('\n'));
      return 0;
    }
    // Without a preview to untick them in, people dropped in an earlier import stay dropped, and
    // someone with the user's own name is not made a contact; as in the Import view, someone with
    // a contact's name is added to that contact.
    const kept = values['no-new-people']
      ? []
      : preview.newPeople.filter((p) => !p.droppedBefore && !p.looksLikeYou);
    const result = await call('calendar:commit', {
      previewId: preview.previewId,
      createPeople: kept.filter((p) => !p.sameNameAs).map((p) => p.email),
      linkPeople: kept.flatMap((p) => (p.sameNameAs ? [{ email: p.email, contactId: p.sameNameAs.id }] : [])),
      // Confirms the addresses, the suggested one included, so later imports know them.
      selfEmails: preview.selfEmails,
      newPeopleCircle,
      ...(values['keep-cancelled'] ? { keepWithdrawn: true } : {}),
      ...(values['remove-skipped-series'] ? { removeLeftOutSeries: true } : {}),
      ...(values['remove-deleted'] ? { removeDeleted: true } : {}),
      ...(values['remove-unanswered'] ? { removeUnanswered: true } : {}),
    });
    if (values.json) io.out(JSON.stringify({ preview, result }, null, 2));
    else {
      io.out(describe(preview).join('\n'));
      io.out(
        result.nothingNew
          ? 'Nothing new: every meeting is already imported.'
          : `Imported #${result.importId}: ${importOutcome(result, 'full')}.`,
      );
    }
    return 0;
  });
}

export const calendarCommands: CliCommand[] = [
  {
    name: 'import-ics',
    usage:
      'import-ics FILE|FOLDER... --db PATH [--json] [--dry-run] [--self EMAIL ...] [--since DATE] [--until DATE] [--no-new-people] [--skip-calendar NAME ...] [--skip-series TITLE ...] [--skip-large-series] [--remove-skipped-series] [--remove-deleted] [--keep-cancelled] [--circle CIRCLE|none|by-domain] [--skip-unanswered [--remove-unanswered] | --keep-unanswered] [--bring-back-deleted]',
    run: importIcs,
  },
];
