import Papa from 'papaparse';
import type { ContactFormat, IncomingContact, RowWarning, SkippedRow } from '../../shared/interop/types';
import { fileError } from './errors';
import { buildIncoming, placeOf, type LooseContact } from './incoming';

/**
 * Contacts CSVs from LinkedIn (Connections.csv), Google Contacts (current and older
 * layouts), Outlook (web and desktop) and plain spreadsheets with a name and email column.
 * The header row is found by its column names, so LinkedIn's lines of notes above it and
 * blank lines are passed over.
 */

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

type Row = string[];
interface Columns {
  index: Map<string, number>;
  get(row: Row, ...names: string[]): string | null;
  has(name: string): boolean;
  matching(pattern: RegExp): Array<{ name: string; match: RegExpExecArray }>;
}

function columnsOf(header: string[]): Columns {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(norm(h))) index.set(norm(h), i);
  });
  return {
    index,
    get(row, ...names) {
      for (const name of names) {
        const i = index.get(name);
        if (i !== undefined && row[i] !== undefined && row[i].trim() !== '') return row[i];
      }
      return null;
    },
    has: (name) => index.has(name),
    matching(pattern) {
      const out: Array<{ name: string; match: RegExpExecArray }> = [];
      for (const name of index.keys()) {
        const match = pattern.exec(name);
        if (match) out.push({ name, match });
      }
      return out.sort((a, b) => Number(a.match[1]) - Number(b.match[1]));
    },
  };
}

function detect(c: Columns): ContactFormat | null {
  if (
    c.has('first name') &&
    c.has('last name') &&
    (c.has('url') || c.has('profile url')) &&
    c.has('connected on')
  ) {
    return 'linkedin';
  }
  if (
    c.has('e-mail 1 - value') ||
    c.has('given name') ||
    c.has('phone 1 - value') ||
    c.has('organization name')
  ) {
    return 'google';
  }
  if (c.has('e-mail address') || c.has('job title') || c.has('business phone') || c.has('mobile phone')) {
    return 'outlook';
  }
  if (c.has('name') || c.has('full name') || c.has('first name') || c.has('email') || c.has('e-mail'))
    return 'csv';
  return null;
}

const splitList = (value: string | null, separator: RegExp) =>
  (value ?? '')
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

function linkedInRow(c: Columns, row: Row): LooseContact {
  return {
    givenName: c.get(row, 'first name'),
    familyName: c.get(row, 'last name'),
    organisation: c.get(row, 'company'),
    title: c.get(row, 'position'),
    emails: [{ email: c.get(row, 'email address') ?? '' }],
    urls: [{ url: c.get(row, 'url', 'profile url') ?? '', kind: 'linkedin' }],
    connectedOn: c.get(row, 'connected on'),
  };
}

/** Google's numbered columns ("Phone 1 - Value" with "Phone 1 - Label", older files "- Type") in number order. */
function numberedColumns(c: Columns, row: Row, kind: string): Array<{ value: string; label: string | null }> {
  return c.matching(new RegExp(`^${kind} (\\d+) - value$`)).map(({ name, match }) => ({
    value: row[c.index.get(name) as number] ?? '',
    label: c.get(row, `${kind} ${match[1]} - label`, `${kind} ${match[1]} - type`),
  }));
}

function googleRow(c: Columns, row: Row): LooseContact {
  // Google marks the primary item with "* " ("* Work").
  const numbered = (kind: string) =>
    numberedColumns(c, row, kind).map((n) => ({ ...n, label: n.label?.replace(/^\*\s*/, '') ?? null }));
  const labels = splitList(c.get(row, 'labels', 'group membership'), /:::/)
    .map((l) => l.replace(/^\*\s*/, ''))
    .filter((l) => !/^(mycontacts|starred|other contacts)$/i.test(l));
  return {
    fullName: c.get(row, 'name'),
    givenName: c.get(row, 'first name', 'given name'),
    middleName: c.get(row, 'middle name', 'additional name'),
    familyName: c.get(row, 'last name', 'family name'),
    organisation: c.get(row, 'organization name', 'organization 1 - name'),
    title: c.get(row, 'organization title', 'organization 1 - title'),
    location: placeOf(
      c.get(row, 'address 1 - city'),
      c.get(row, 'address 1 - region'),
      c.get(row, 'address 1 - country'),
    ),
    notes: c.get(row, 'notes'),
    birthday: c.get(row, 'birthday'),
    emails: numbered('e-mail').map((e) => ({ email: e.value, label: e.label })),
    phones: numbered('phone').map((p) => ({ phone: p.value, label: p.label })),
    urls: numbered('website').map((w) => ({ url: w.value })),
    tags: labels,
    customFields: numbered('custom field').map((f) => ({ label: f.label ?? '', value: f.value })),
    importantDates: numbered('event').map((e) => ({ label: e.label, date: e.value })),
  };
}

function outlookRow(c: Columns, row: Row): LooseContact {
  const phoneColumns: Array<[string, string]> = [
    ['mobile phone', 'mobile'],
    ['business phone', 'work'],
    ['business phone 2', 'work'],
    ['home phone', 'home'],
    ['home phone 2', 'home'],
    ['primary phone', 'main'],
    ['company main phone', 'work'],
    ['other phone', 'other'],
  ];
  return {
    givenName: c.get(row, 'first name'),
    middleName: c.get(row, 'middle name'),
    familyName: c.get(row, 'last name'),
    // Outlook's "Title" is Mr/Ms; the job is "Job Title".
    organisation: c.get(row, 'company'),
    title: c.get(row, 'job title'),
    // Where they work, else where they live.
    location:
      placeOf(
        c.get(row, 'business city'),
        c.get(row, 'business state'),
        c.get(row, 'business country/region', 'business country'),
      ) ??
      placeOf(
        c.get(row, 'home city'),
        c.get(row, 'home state'),
        c.get(row, 'home country/region', 'home country'),
      ),
    notes: c.get(row, 'notes'),
    birthday: c.get(row, 'birthday'),
    emails: ['e-mail address', 'e-mail 2 address', 'e-mail 3 address'].map((h) => ({
      email: c.get(row, h) ?? '',
    })),
    phones: phoneColumns.map(([h, label]) => ({ phone: c.get(row, h) ?? '', label })),
    urls: ['web page', 'personal web page'].map((h) => ({ url: c.get(row, h) ?? '' })),
    tags: splitList(c.get(row, 'categories'), /[;,]/),
    importantDates: [{ label: 'Anniversary', date: c.get(row, 'anniversary') ?? '' }],
  };
}

function plainRow(c: Columns, row: Row): LooseContact {
  return {
    fullName: c.get(row, 'name', 'full name', 'display name'),
    givenName: c.get(row, 'first name', 'given name'),
    familyName: c.get(row, 'last name', 'family name', 'surname'),
    organisation: c.get(row, 'company', 'organisation', 'organization'),
    title: c.get(row, 'title', 'job title', 'position'),
    location: c.get(row, 'location') ?? placeOf(c.get(row, 'city'), c.get(row, 'country')),
    notes: c.get(row, 'notes', 'note'),
    birthday: c.get(row, 'birthday'),
    emails: splitList(c.get(row, 'email', 'e-mail', 'email address'), /:::/).map((email) => ({ email })),
    phones: [{ phone: c.get(row, 'phone', 'mobile', 'telephone') ?? '' }],
    urls: [{ url: c.get(row, 'url', 'website', 'linkedin') ?? '' }],
    tags: splitList(c.get(row, 'tags', 'labels', 'categories'), /[;,]/),
    // Our own export writes them in Google's columns; a label is taken as written ("* " and all).
    customFields: numberedColumns(c, row, 'custom field').map((f) => ({
      label: f.label ?? '',
      value: f.value,
    })),
    importantDates: numberedColumns(c, row, 'event').map((e) => ({ label: e.label, date: e.value })),
  };
}

/**
 * A cell as written before Rapport's CSV export (and spreadsheets) put a quote ahead of what
 * a spreadsheet would run as a formula: the quote guards the cell and is no part of the value.
 */
const unguarded = (cell: string): string => (/^'[=@\t\r]/.test(cell) ? cell.slice(1) : cell);

const rowReaders: Record<Exclude<ContactFormat, 'vcard'>, (c: Columns, row: Row) => LooseContact> = {
  linkedin: linkedInRow,
  google: googleRow,
  outlook: outlookRow,
  csv: plainRow,
};

/** Where the header row starts: the first of the early lines that names known columns. */
function findHeader(
  text: string,
): { offset: number; line: number; header: string[]; format: ContactFormat } | null {
  let offset = 0;
  for (let line = 1; line <= 40 && offset < text.length; line++) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    if (raw.trim() !== '') {
      const parsed = Papa.parse<string[]>(raw, { header: false });
      const header = parsed.data[0] ?? [];
      const format = header.length >= 2 ? detect(columnsOf(header)) : null;
      if (format) return { offset, line, header, format };
    }
    if (end === -1) break;
    offset = end + 1;
  }
  return null;
}

export interface CsvResult {
  format: ContactFormat;
  contacts: IncomingContact[];
  skipped: SkippedRow[];
  warnings: RowWarning[];
}

export function parseContactsCsv(text: string): CsvResult {
  const found = findHeader(text);
  if (!found) {
    throw fileError(
      'MISSING_COLUMNS',
      'No header row with known columns was found. A contacts CSV needs at least a name or an email column (for example "First Name", "Last Name", "E-mail Address"); LinkedIn\'s Connections.csv needs "First Name", "Last Name", "URL" and "Connected On".',
    );
  }
  const { format, header } = found;
  const columns = columnsOf(header);
  const read = rowReaders[format as Exclude<ContactFormat, 'vcard'>];
  const parsed = Papa.parse<string[]>(text.slice(found.offset), { header: false, skipEmptyLines: 'greedy' });
  const badRows = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && error.row !== null && error.code === 'MissingQuotes') {
      badRows.set(error.row, 'a quoted field is never closed (the file may be cut short)');
    }
  }
  const contacts: IncomingContact[] = [];
  const skipped: SkippedRow[] = [];
  const warnings: RowWarning[] = [];
  for (let i = 1; i < parsed.data.length; i++) {
    const row = parsed.data[i];
    const rowNumber = i;
    const bad = badRows.get(i);
    if (bad) {
      skipped.push({ row: rowNumber, reason: 'broken', message: `Row ${rowNumber}: ${bad}.` });
      continue;
    }
    if (row.length < header.length - 1 && row.length < 2) {
      skipped.push({
        row: rowNumber,
        reason: 'broken',
        message: `Row ${rowNumber} has ${row.length} field(s); expected ${header.length}.`,
      });
      continue;
    }
    if (row.length !== header.length) {
      warnings.push({
        row: rowNumber,
        message: `Row ${rowNumber} has ${row.length} fields; the header has ${header.length}.`,
      });
    }
    const built = buildIncoming(
      rowNumber,
      read(columns, format === 'csv' ? row.map(unguarded) : row),
      warnings,
    );
    if ('skipped' in built) skipped.push(built.skipped);
    else contacts.push(built.contact);
  }
  return { format, contacts, skipped, warnings };
}
