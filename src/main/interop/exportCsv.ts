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
 * Custom fields as Google Contacts writes them, a label and a value column per field
 * ("Custom Field 1 - Label"), as many pairs as the contact with the most has.
 */
function customFieldColumns(contacts: ExportContact[]): {
  header: string[];
  cells(c: ExportContact): string[];
} {
  const pairs = Math.max(0, ...contacts.map((c) => c.customFields.length));
  const numbers = Array.from({ length: pairs }, (_, i) => i + 1);
  return {
    header: numbers.flatMap((n) => [`Custom Field ${n} - Label`, `Custom Field ${n} - Value`]),
    cells: (c) =>
      numbers.flatMap((n) => [c.customFields[n - 1]?.label ?? '', c.customFields[n - 1]?.value ?? '']),
  };
}

export function contactsToCsv(contacts: ExportContact[]): string {
  const custom = customFieldColumns(contacts);
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
  ]);
  // A leading BOM makes Excel read the file as UTF-8; cells that would run as formulas get a leading quote.
  const safe = rows.map((r) => r.map((v) => (/^[=@\t\r]/.test(v) ? `'${v}` : v)));
  return `\uFEFF${Papa.unparse({ fields: [...csvHeader, ...custom.header], data: safe }, { newline: '\r\n' })}\r\n`;
}
