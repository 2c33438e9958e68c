import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs, requireString, UsageError } from '../cli/args';
import type { CliCommand } from '../cli/command';
import { withCliContext, type CliIo } from '../cli/runtime';
import { roleText } from '../../shared/contacts/jobChange';
import { circles, type Circle } from '../../shared/contacts/schemas';
import { count } from '../../shared/text/count';
import { exportFormats, type ContactsPreview, type ExportFormat } from '../../shared/interop/types';
import { backupsDir, createBackup } from './backup';
import { commitPreview, previewContacts } from './contactsImport';
import { exportTo } from './exports';
import { restoreFromFile } from './restore';

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return positionals[0];
}

function summary(p: ContactsPreview): string {
  const lines = [
    `${p.fileName}: ${p.format} (${p.encoding}), ${p.total} rows`,
    `  new ${p.counts.create}, update ${p.counts.update}, unchanged ${p.counts.unchanged}, to review ${p.counts.review}, skipped ${p.counts.skipped}`,
  ];
  const roles = p.items.flatMap((i) => (i.roleInFile ? [{ name: i.displayName, ...i.roleInFile }] : []));
  if (roles.length > 0) {
    lines.push(`  another organisation or title in the file for ${roles.length} (--take-roles takes them):`);
    for (const r of roles.slice(0, 20)) lines.push(`    ${r.name}: ${roleText(r.from)} → ${roleText(r.to)}`);
  }
  for (const s of p.skipped.slice(0, 20)) lines.push(`  skipped row ${s.row} (${s.reason}): ${s.message}`);
  for (const w of p.warnings.slice(0, 20)) lines.push(`  warning row ${w.row}: ${w.message}`);
  return lines.join('\n');
}

async function importContacts(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      db: { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      circle: { type: 'string' },
      'take-roles': { type: 'boolean' },
    },
    true,
  );
  const file = resolve(one(positionals, 'FILE to import'));
  const circle = (values.circle as string | undefined) ?? 'colleague';
  if (!circles.includes(circle as Circle))
    throw new UsageError(`Unknown circle ${circle}; one of ${circles.join(', ')}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  return withCliContext(requireString(values.db, 'db'), async (_call, ctx) => {
    const preview = previewContacts(ctx.store, file.split(/[\\/]/).pop() as string, bytes);
    if (values['dry-run']) {
      io.out(values.json ? JSON.stringify(preview, null, 2) : summary(preview));
      return 0;
    }
    const outcome = await commitPreview(ctx.store, preview.previewId, {
      circle: circle as Circle,
      takeRoles: values['take-roles'] ? preview.items.filter((i) => i.roleInFile).map((i) => i.row) : [],
      now: ctx.now(),
      dataDir: ctx.dataDir,
    });
    if (values.json) io.out(JSON.stringify({ preview: { ...preview, items: undefined }, outcome }, null, 2));
    else
      io.out(
        `${summary(preview)}\nImported as #${outcome.importId}: ${outcome.created} created, ${outcome.updated} updated.`,
      );
    return 0;
  });
}

async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const format = requireString(values.format, 'format');
  if (!exportFormats.includes(format as ExportFormat))
    throw new UsageError(`Unknown format ${format}; one of ${exportFormats.join(', ')}`);
  const out = resolve(requireString(values.out, 'out'));
  return withCliContext(requireString(values.db, 'db'), async (_call, ctx) => {
    const outcome = exportTo(ctx.store.sqlite, format as ExportFormat, out, ctx.now());
    io.out(
      `Exported ${count(outcome.contacts, 'contact')} as ${format} to ${outcome.path} (${count(outcome.files, 'file')}, ${outcome.bytes} bytes).`,
    );
    return 0;
  });
}

async function backup(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' } });
  return withCliContext(requireString(values.db, 'db'), async (_call, ctx) => {
    const info = await createBackup(ctx.store, backupsDir(ctx.dataDir), 'manual', ctx.now());
    io.out(`Backed up to ${info.path} (${info.bytes} bytes).`);
    return 0;
  });
}

async function restore(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' } }, true);
  const file = resolve(one(positionals, 'FILE (a backup or a JSON export) to restore'));
  return withCliContext(requireString(values.db, 'db'), async (_call, ctx) => {
    const outcome = await restoreFromFile(ctx, ctx.dataDir, file, ctx.now());
    await ctx.store.close();
    io.out(`Restored ${file}. The state before the restore is saved as ${outcome.safetyBackup}.`);
    return 0;
  });
}

export const interopCommands: CliCommand[] = [
  {
    name: 'import-contacts',
    usage: 'import-contacts FILE --db PATH [--json] [--dry-run] [--circle CIRCLE] [--take-roles]',
    run: importContacts,
  },
  {
    name: 'export',
    usage: 'export --db PATH --format vcard|csv|json|markdown|ics --out PATH',
    run: exportCommand,
  },
  { name: 'backup', usage: 'backup --db PATH', run: backup },
  {
    name: 'restore',
    usage: 'restore FILE --db PATH   (FILE: a backup .sqlite or a JSON export)',
    run: restore,
  },
];
