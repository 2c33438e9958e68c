import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import type { CalendarPreview } from '../../shared/calendar/schemas';
import { AppError } from '../../shared/ipc/envelope';
import { count } from '../../shared/text/count';

function readFiles(paths: string[]): Array<{ name: string; data: string }> {
  return paths.map((path) => {
    try {
      return { name: basename(path), data: readFileSync(path).toString('base64') };
    } catch (error) {
      throw new AppError('IMPORT', `Cannot read ${path}: ${(error as Error).message}`, {
        code: 'UNREADABLE',
      });
    }
  });
}

function describe(p: CalendarPreview): string[] {
  const lines = [
    `${p.events} events, ${p.occurrences} meetings ${p.windowStart ? `from ${p.windowStart.slice(0, 10)} ` : ''}up to ${p.windowEnd.slice(0, 10)} in ${p.files.length} calendar(s)`,
    `  to create ${p.toCreate}, to update ${p.toUpdate}, unchanged ${p.unchanged}`,
    ...(p.withdrawn.remove + p.withdrawn.keep > 0
      ? [
          `  cancelled or declined since imported: ${p.withdrawn.remove} to remove${p.withdrawn.keep > 0 ? `, ${p.withdrawn.keep} kept (your notes or tags)` : ''}`,
        ]
      : []),
    `  people: ${p.matchedPeople.length} matched, ${p.newPeople.length} new`,
    `  dates: ${p.range.from ?? '-'} to ${p.range.to ?? '-'}`,
    `  you: ${p.selfEmails.join(', ') || '(unknown)'}${p.selfEmailsSuggested ? ' (suggested: the most frequent organiser)' : ''}`,
  ];
  if (p.files.length > 1) {
    for (const f of p.files) {
      lines.push(
        f.skipped
          ? `  calendar ${f.name}: left out`
          : `  calendar ${f.name}${f.calendar ? ` ("${f.calendar}")` : ''}: ${count(f.meetings, 'meeting')}, you are in ${f.withMe}`,
      );
    }
  }
  const skipped = Object.entries(p.skippedByReason);
  if (skipped.length > 0) lines.push(`  skipped: ${skipped.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  if (p.approximate.occurrences > 0) {
    lines.push(
      `  approximate times: ${p.approximate.occurrences} (unknown zones: ${p.approximate.zones.join(', ')})`,
    );
  }
  for (const c of p.capped) lines.push(`  capped: "${c.title}" at ${c.limit} occurrences`);
  for (const person of p.topPeople.slice(0, 20)) {
    lines.push(
      `    ${String(person.meetings).padStart(5)}  ${person.name ?? ''} <${person.email}>${person.contactId ? '' : ' (new)'}`,
    );
  }
  return lines;
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
  const until = date('until');
  const since = date('since');
  const files = readFiles(positionals);
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const self = values.self as string[] | undefined;
    const preview = await call('calendar:preview', {
      files,
      ...(until ? { windowEnd: until } : {}),
      ...(since ? { windowStart: since } : {}),
      ...(self ? { selfEmails: self } : {}),
      ...(values['skip-calendar'] ? { skipFiles: values['skip-calendar'] as string[] } : {}),
    });
    if (values['dry-run']) {
      io.out(values.json ? JSON.stringify({ preview }, null, 2) : describe(preview).join('\n'));
      return 0;
    }
    // Without a preview to untick them in, people dropped in an earlier import stay dropped; as in
    // the Import view, someone with a contact's name is added to that contact.
    const kept = values['no-new-people'] ? [] : preview.newPeople.filter((p) => !p.droppedBefore);
    const result = await call('calendar:commit', {
      previewId: preview.previewId,
      createPeople: kept.filter((p) => !p.sameNameAs).map((p) => p.email),
      linkPeople: kept.flatMap((p) => (p.sameNameAs ? [{ email: p.email, contactId: p.sameNameAs.id }] : [])),
      // Confirms the addresses, the suggested organiser included, so later imports know them.
      selfEmails: preview.selfEmails,
      ...(values['keep-cancelled'] ? { keepWithdrawn: true } : {}),
    });
    if (values.json) io.out(JSON.stringify({ preview, result }, null, 2));
    else {
      io.out(describe(preview).join('\n'));
      io.out(
        result.nothingNew
          ? 'Nothing new: every meeting is already imported.'
          : `Imported #${result.importId}: ${result.created} created, ${result.updated} updated, ${count(result.contactsCreated, 'new contact')}, ${count(result.addressesAdded, 'address', 'addresses')} added to contacts you had${result.withdrawn > 0 ? `, ${count(result.withdrawn, 'cancelled or declined meeting')} removed` : ''}.`,
      );
    }
    return 0;
  });
}

export const calendarCommands: CliCommand[] = [
  {
    name: 'import-ics',
    usage:
      'import-ics FILE... --db PATH [--json] [--dry-run] [--self EMAIL ...] [--since DATE] [--until DATE] [--no-new-people] [--skip-calendar NAME ...] [--keep-cancelled]',
    run: importIcs,
  },
];
