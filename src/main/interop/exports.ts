import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportFormat, ExportOutcome } from '../../shared/interop/types';
import { datesCalendar } from './exportCalendar';
import { contactsToCsv } from './exportCsv';
import { loadContactsForExport } from './exportData';
import { writeMarkdownJournal } from './exportMarkdown';
import { contactsToVcard } from './exportVcard';
import { fsyncPath } from './fsync';
import { writeJsonExport } from './jsonExport';

const extensions: Record<ExportFormat, string> = {
  vcard: '.vcf',
  csv: '.csv',
  json: '.json',
  markdown: '',
  ics: '.ics',
};

/** Where the app puts an export when the user did not choose: `<data dir>/exports/rapport-<time>.<ext>`. */
export function defaultExportPath(dataDir: string, format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name =
    format === 'markdown'
      ? `rapport-journal-${stamp}`
      : format === 'ics'
        ? `rapport-birthdays-and-dates-${stamp}.ics`
        : `rapport-${stamp}${extensions[format]}`;
  return join(dataDir, 'exports', name);
}

function writeAtomically(path: string, text: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  fsyncPath(tmp);
  renameSync(tmp, path);
  return Buffer.byteLength(text);
}

export function exportTo(
  sqlite: BetterSqlite3.Database,
  format: ExportFormat,
  out: string,
  now = new Date(),
): ExportOutcome {
  const contacts = sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  switch (format) {
    case 'vcard':
      return {
        format,
        path: out,
        files: 1,
        bytes: writeAtomically(out, contactsToVcard(loadContactsForExport(sqlite))),
        contacts,
      };
    case 'csv':
      return {
        format,
        path: out,
        files: 1,
        bytes: writeAtomically(out, contactsToCsv(loadContactsForExport(sqlite, false))),
        contacts,
      };
    case 'json': {
      mkdirSync(dirname(out), { recursive: true });
      writeJsonExport(sqlite, out, now);
      return { format, path: out, files: 1, bytes: statSync(out).size, contacts };
    }
    case 'ics': {
      const calendar = datesCalendar(sqlite, now);
      return {
        format,
        path: out,
        files: 1,
        bytes: writeAtomically(out, calendar.text),
        contacts: calendar.contacts,
      };
    }
    case 'markdown': {
      const { files, bytes } = writeMarkdownJournal(sqlite, out);
      return { format, path: out, files, bytes, contacts };
    }
  }
}
