import { dueText } from '../../shared/followUps/due';
import { snoozedUntil, type SnoozeChoice } from '../../shared/followUps/snooze';
import { localDate } from '../../shared/journal/quickLog';
import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import type { CliCommand } from '../cli/command';
import { withCliContext, type CliIo } from '../cli/runtime';

function positiveId(value: unknown, flag: string): number {
  const id = Number(requireString(value, flag));
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--${flag} takes a positive whole number`);
  return id;
}

/** Open follow-ups by due day (or only those due today and overdue), as lines or JSON: a morning digest. */
async function list(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    due: { type: 'boolean' },
    contact: { type: 'string' },
  });
  const today = localDate(new Date());
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const found = await call('followups:list', {
      contactId: values.contact === undefined ? undefined : positiveId(values.contact, 'contact'),
      dueBy: values.due ? today : undefined,
      limit: 500,
    });
    if (values.json) io.out(JSON.stringify(found, null, 2));
    else
      for (const f of found.items)
        io.out([f.id, dueText(f.dueOn, today).text, f.contactName, f.text].join('\t'));
    return 0;
  });
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    contact: { type: 'string' },
    text: { type: 'string' },
    due: { type: 'string' },
    json: { type: 'boolean' },
  });
  const contactId = positiveId(values.contact, 'contact');
  const text = requireString(values.text, 'text');
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const created = await call('followups:create', {
      contactId,
      text,
      dueOn: (values.due as string | undefined) ?? null,
    });
    io.out(
      values.json
        ? JSON.stringify(created, null, 2)
        : `Follow-up #${created.id} with ${created.contactName}: ${created.text}`,
    );
    return 0;
  });
}

async function done(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, id: { type: 'string' } });
  const id = positiveId(values.id, 'id');
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const updated = await call('followups:setDone', { id, done: true });
    io.out(`Done: ${updated.text} (${updated.contactName})`);
    return 0;
  });
}

const snoozeWords: Record<string, SnoozeChoice> = {
  tomorrow: 'tomorrow',
  week: 'nextWeek',
  month: 'nextMonth',
};

/** Puts a follow-up off: `--until` a day, or tomorrow, a week (the default) or a month from today. */
async function snooze(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    id: { type: 'string' },
    until: { type: 'string' },
  });
  const id = positiveId(values.id, 'id');
  const until = (values.until as string | undefined) ?? 'week';
  const choice = snoozeWords[until];
  const dueOn = choice ? snoozedUntil(choice, localDate(new Date())) : until;
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const updated = await call('followups:update', { id, dueOn });
    io.out(`Snoozed until ${updated.dueOn}: ${updated.text} (${updated.contactName})`);
    return 0;
  });
}

export const followUpsCommands: CliCommand[] = [
  { name: 'followups list', usage: 'followups list --db PATH [--due] [--contact ID] [--json]', run: list },
  {
    name: 'followups add',
    usage: 'followups add --db PATH --contact ID --text TEXT [--due YYYY-MM-DD] [--json]',
    run: add,
  },
  { name: 'followups done', usage: 'followups done --db PATH --id ID', run: done },
  {
    name: 'followups snooze',
    usage: 'followups snooze --db PATH --id ID [--until tomorrow|week|month|YYYY-MM-DD]',
    run: snooze,
  },
];
