import Papa from 'papaparse';
import type { ExportContact } from './exportData';

/**
 * One row per contact. Lists are joined with " ::: " as Google Contacts does, and the
 * header uses names the importer recognises, so the file imports back into Rapport.
 */
export const csvHeader = [
  'Name',
  'First Name',
  'Last Name',
  'Organisation',
  'Title',
  'Location',
  'E-mail',
  'Phone',
  'Website',
  'Tags',
  'Circles',
  'Birthday',
  'How We Met',
  'Notes',
  'Archived',
];

/**
 * A list of pairs as Google Contacts writes it, two columns per item ("Custom Field 1 - Label",
 * "Custom Field 1 - Value"), as many pairs as the contact with the most has.
 */
function pairColumns(
  contacts: ExportContact[],
  kind: string,
  pairsOf: (c: ExportContact) => Array<[string, string]>,
): { header: string[]; cells(c: ExportContact): string[] } {
  const pairs = Math.max(0, ...contacts.map((c) => pairsOf(c).length));
  const numbers = Array.from({ length: pairs }, (_, i) => i + 1);
  return {
    header: numbers.flatMap((n) => [`${kind} ${n} - Label`, `${kind} ${n} - Value`]),
    cells: (c) => {
      const list = pairsOf(c);
      return numbers.flatMap((n) => list[n - 1] ?? ['', '']);
    },
  };
}

export function contactsToCsv(contacts: ExportContact[]): string {
  const custom = pairColumns(contacts, 'Custom Field', (c) => c.customFields.map((f) => [f.label, f.value]));
  // Important dates in Google's event columns, which Google Contacts and Rapport read back.
  const events = pairColumns(contacts, 'Event', (c) => c.importantDates.map((d) => [d.label, d.date]));
  const rows = contacts.map((c) => [
    c.displayName,
    c.givenName ?? '',
    c.familyName ?? '',
    c.organisation ?? '',
    c.title ?? '',
    c.location ?? '',
    c.emails.map((e) => e.email).join(' ::: '),
    c.phones.map((p) => p.phone).join(' ::: '),
    c.links.map((l) => l.url).join(' ::: '),
    c.tags.join('; '),
    c.circles.join('; '),
    c.birthday ?? '',
    c.howWeMet ?? '',
    c.notes ?? '',
    c.archived ? 'yes' : '',
    ...custom.cells(c),
    ...events.cells(c),
  ]);
  // A leading BOM makes Excel read the file as UTF-8; cells that would run as formulas get a leading quote.
  const safe = rows.map((r) => r.map((v) => (/^[=@\t\r]/.test(v) ? `'${v}` : v)));
  return `\uFEFF${Papa.unparse({ fields: [...csvHeader, ...custom.header, ...events.header], data: safe }, { newline: '\r\n' })}\r\n`;
}
