import { parseCommandArgs, requireString } from '../cli/args';
import { withCliContext, type CliIo } from '../cli/runtime';
import type { CliCommand } from '../cli/command';
import { AppError } from '../../shared/ipc/envelope';
import { normalizeEmail } from '../../shared/text/email';
import type { StrengthDetail, StrengthRow } from '../../shared/strength/schemas';
import { explainAll } from './service';

const arrows = { up: '↑', flat: '→', down: '↓' } as const;

function line(rank: number, r: StrengthRow, why: string): string {
  const pin = r.pinnedLayer ? ` (pinned; computed ${r.computedLayer})` : '';
  return `${String(rank).padStart(4)}  ${r.t.toFixed(2).padStart(7)}  ${r.layer.padEnd(7)}${pin} ${arrows[r.trend]}  ${r.displayName}${why ? `  — ${why}` : ''}`;
}

function detailText(d: StrengthDetail): string[] {
  const r = d.row;
  return [
    `${r.displayName}: strength ${r.t.toFixed(2)}, layer ${r.layer}${r.pinnedLayer ? ` (pinned; computed ${r.computedLayer})` : ''}, trend ${r.trend} ${arrows[r.trend]}`,
    `Why: ${d.why || 'no interactions yet'}`,
    d.reciprocity,
    `Last 24 months: ${d.series.map((p) => p.t.toFixed(1)).join(' ')}`,
  ];
}

async function strength(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    contact: { type: 'string' },
    json: { type: 'boolean' },
  });
  return withCliContext(requireString(values.db, 'db'), async (call, ctx) => {
    if (typeof values.contact === 'string') {
      const email = normalizeEmail(values.contact);
      const id = ctx.store.sqlite
        .prepare('SELECT contact_id FROM contact_emails WHERE email = ?')
        .pluck()
        .get(email) as number | undefined;
      if (id === undefined) throw new AppError('NOT_FOUND', `No contact has the email address ${email}`);
      const detail = await call('strength:contact', { contactId: id });
      if (values.json) io.out(JSON.stringify(detail, null, 2));
      else for (const text of detailText(detail)) io.out(text);
      return 0;
    }
    const list = await call('strength:list', {});
    // One pass over the cached journal rather than a call per contact.
    const whys = explainAll(ctx.store.sqlite, ctx.now().getTime());
    if (values.json) {
      const items = list.items.map((row) => ({
        ...row,
        why: whys.get(row.contactId)?.why ?? '',
        reciprocity: whys.get(row.contactId)?.reciprocity ?? '',
      }));
      io.out(JSON.stringify({ total: list.total, layerCounts: list.layerCounts, items }, null, 2));
      return 0;
    }
    const c = list.layerCounts;
    io.out(
      `${list.total} contacts: ${c.inner} inner, ${c.close} close, ${c.active} active, ${c.known} known, ${c.dormant} dormant`,
    );
    io.out('rank strength  layer     name  — why');
    let rank = 0;
    for (const row of list.items) io.out(line(++rank, row, whys.get(row.contactId)?.why ?? ''));
    return 0;
  });
}

export const strengthCommands: CliCommand[] = [
  { name: 'strength', usage: 'strength --db PATH [--contact EMAIL] [--json]', run: strength },
];
