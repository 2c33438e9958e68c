import { parseCommandArgs, requireString } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import type { GoalSummary } from '../../shared/goals/schemas';

function describeProgress(g: GoalSummary): string {
  const d = g.definition;
  const c = g.current;
  if (!c) return `#${d.id}\t${d.status}\t${d.title}`;
  const manual = c.fromCheckins > 0 ? ` (${c.fromCheckins} checked in)` : '';
  const left = g.daysLeft === null ? '' : `, ${g.daysLeft} days left`;
  const period = d.measure === 'milestones' || d.period === 'total' ? `${c.startDate}..${c.endDate}` : c.key;
  return `#${d.id}\t${d.status}\t${d.title}\t${c.value}/${c.target}${manual}\t${period}${left}${c.met ? '\tmet' : g.behind ? '\tbehind' : ''}`;
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  return withCliContext(requireString(values.db, 'db'), async (call) => {
    const goals = await call('goals:list', {});
    if (values.json) io.out(JSON.stringify(goals, null, 2));
    else if (goals.length === 0) io.out('No goals yet.');
    else for (const g of goals) io.out(describeProgress(g));
    return 0;
  });
}

export const goalsCommands: CliCommand[] = [{ name: 'goals', usage: 'goals --db PATH [--json]', run: list }];
