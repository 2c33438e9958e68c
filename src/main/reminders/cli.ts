import { localDate } from '../../shared/journal/quickLog';
import { parseCommandArgs, requireString } from '../cli/args';
import type { CliCommand } from '../cli/command';
import { withCliContext, type CliIo } from '../cli/runtime';

/**
 * Today's reminder, as the notification would say it: for a scheduler (cron, a login script)
 * to show when Rapport is not open. Prints nothing on a day with nothing to say.
 */
async function today(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const digest = await call('reminders:preview', { today: localDate(new Date()) });
    if (values.json) io.out(JSON.stringify(digest, null, 2));
    else if (digest) io.out([digest.title, ...digest.lines].join('\n'));
    return 0;
  });
}

export const remindersCommands: CliCommand[] = [
  { name: 'reminders today', usage: 'reminders today --db PATH [--json]', run: today },
];
