import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import { AppError } from '../../shared/ipc/envelope';
import { interactionKinds, type InteractionKind } from '../../shared/journal/kinds';
import { normalizeEmail } from '../../shared/text/email';
import type { SnippetPart } from '../../shared/journal/views';

async function log(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    with: { type: 'string', multiple: true },
    kind: { type: 'string' },
    at: { type: 'string' },
    minutes: { type: 'string' },
    title: { type: 'string' },
    notes: { type: 'string' },
    json: { type: 'boolean' },
  });
  const kind = requireString(values.kind, 'kind');
  if (!interactionKinds.includes(kind as InteractionKind)) {
    throw new UsageError(`Unknown kind ${kind}; one of ${interactionKinds.join(', ')}`);
  }
  const at = requireString(values.at, 'at');
  let minutes: number | undefined;
  if (values.minutes !== undefined) {
    minutes = Number(values.minutes);
    if (!Number.isInteger(minutes) || minutes < 0)
      throw new UsageError(`--minutes must be a whole number, not ${String(values.minutes)}`);
  }
  const emails = (values.with as string[] | undefined) ?? [];
  return withCliContext(requireString(values.db, 'db'), async (call, ctx) => {
    const participants = [];
    for (const email of emails) {
      const row = await ctx.store.db
        .selectFrom('contact_emails')
        .select('contact_id')
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst();
      if (!row) throw new AppError('VALIDATION', `No contact has the email ${email}.`);
      participants.push({ contactId: row.contact_id });
    }
    const entry = await call('journal:create', {
      kind: kind as InteractionKind,
      startsAt: at,
      allDay: /^\d{4}-\d{2}-\d{2}$/.test(at),
      durationMinutes: minutes,
      title: (values.title as string | undefined) ?? '',
      notes: (values.notes as string | undefined) ?? '',
      participants,
    });
    io.out(
      values.json
        ? JSON.stringify(entry, null, 2)
        : `Logged #${entry.id} ${entry.kind} at ${entry.startsAt} with ${entry.participants.map((p) => p.displayName).join(', ') || 'nobody'}`,
    );
    return 0;
  });
}

const plain = (parts: SnippetPart[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

async function search(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
    true,
  );
  if (positionals.length === 0) throw new UsageError('Missing QUERY');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new UsageError('--limit must be between 1 and 100');
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const results = await call('search:query', { query: positionals.join(' '), limit });
    if (values.json) {
      io.out(JSON.stringify(results, null, 2));
      return 0;
    }
    for (const c of results.contacts) io.out(`contact\t${c.id}\t${c.displayName}\t${plain(c.snippet)}`);
    for (const i of results.interactions)
      io.out(`entry\t${i.id}\t${i.startsAt}\t${i.title}\t${plain(i.snippet)}`);
    return 0;
  });
}

export const journalCommands: CliCommand[] = [
  {
    name: 'log',
    usage:
      'log --db PATH --kind KIND --at ISO [--with EMAIL ...] [--minutes N] [--title TITLE] [--notes TEXT] [--json]',
    run: log,
  },
  { name: 'search', usage: 'search --db PATH QUERY [--json] [--limit N]', run: search },
];
