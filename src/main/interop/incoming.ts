import { MAX_CUSTOM_FIELDS, type LinkKind } from '../../shared/contacts/schemas';
import type { IncomingContact, RowWarning, SkippedRow } from '../../shared/interop/types';
import { normalizeEmail } from '../../shared/text/email';
import { parseBirthday } from '../../shared/contacts/birthday';
import { MAX_IMPORTANT_DATES } from '../../shared/contacts/importantDates';
import { labelKey, tidyLabel } from '../../shared/contacts/labels';
import { MAX_PHOTO_BYTES } from '../../shared/contacts/photo';

/**
 * Turns the loose fields a file gave for one person into an `IncomingContact` that passes
 * the same rules as a contact typed into the app; what does not pass becomes a warning on
 * that row, never an error for the file.
 */
export interface LooseContact {
  fullName?: string | null;
  givenName?: string | null;
  middleName?: string | null;
  familyName?: string | null;
  organisation?: string | null;
  title?: string | null;
  location?: string | null;
  notes?: string | null;
  birthday?: string | null;
  emails?: Array<{ email: string; label?: string | null }>;
  phones?: Array<{ phone: string; label?: string | null }>;
  urls?: Array<{ url: string; kind?: LinkKind }>;
  tags?: string[];
  customFields?: Array<{ label: string; value: string }>;
  /** A date as the file writes it (`19850412`, `--0412`, `4/12/1985`); a missing label is "Date". */
  importantDates?: Array<{ label: string | null; date: string }>;
  photo?: { mime: string; base64: string } | null;
  connectedOn?: string | null;
}

export const limits = {
  name: 200,
  part: 100,
  organisation: 200,
  title: 200,
  location: 200,
  notes: 100_000,
  tag: 60,
  tags: 100,
  list: 50,
  label: 40,
  url: 2000,
  /** As `customFieldInput` and the table's checks have them. */
  customFieldLabel: 60,
  customFieldValue: 2000,
  customFields: MAX_CUSTOM_FIELDS,
  /** As `importantDateInput` and the table's checks have them. */
  importantDateLabel: 60,
  importantDates: MAX_IMPORTANT_DATES,
  photoBytes: MAX_PHOTO_BYTES,
};

/** An address's parts as one location, the city first: "Lisbon, Portugal"; null when all are empty. */
export function placeOf(...parts: Array<string | null | undefined>): string | null {
  const kept = parts.map((p) => (p ?? '').replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  return kept.length > 0 ? kept.join(', ') : null;
}

const emailPattern = /^[^\s@]+@[^\s@]+$/;
const phonePattern = /^[+()0-9 .\-/x]+$/i;

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Control characters other than tab and newline come from broken files, never from people.
  const trimmed = value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
  return trimmed === '' ? null : trimmed;
}

function clip(
  value: string | null,
  max: number,
  what: string,
  row: number,
  warnings: RowWarning[],
): string | null {
  if (value === null || value.length <= max) return value;
  warnings.push({ row, message: `${what} was longer than ${max} characters and was shortened.` });
  return value.slice(0, max);
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates as files write them: ISO (`1990-04-05`, `19900405`), year-less vCard (`--0405`,
 * `--04-05`), LinkedIn (`12 Mar 2024`, `12 Mar 24`) and Outlook's US `4/5/1990`.
 * Returns `YYYY-MM-DD`, `--MM-DD`, or null when it is not a real date.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  const value = clean(raw);
  if (!value) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value);
  if (m) return validDate(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (m) return validDate(2000, +m[1], +m[2]) ? `--${m[1]}-${m[2]}` : null;
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = monthNames.indexOf(m[2].toLowerCase()) + 1;
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return month > 0 && validDate(year, month, +m[1]) ? `${year}-${pad(month)}-${pad(+m[1])}` : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return validDate(+m[3], +m[1], +m[2]) ? `${m[3]}-${pad(+m[1])}-${pad(+m[2])}` : null;
  return null;
}

/** Outlook writes "0/0/00" for a date it does not have: nothing to warn of. */
const outlookNoDate = /^0?0\/0?0\/0{2,4}$/;

/**
 * A date as a birthday: a year no one alive was born in (Apple's 1604 and the 0000 some exporters
 * write for "no year") leaves the day and month, year-less, as the form and the dashboard read it.
 */
function birthdayOf(date: string | null): string | null {
  if (date === null || parseBirthday(date) !== null) return date;
  const yearLess = `--${date.slice(5)}`;
  return /^\d{4}-/.test(date) && parseBirthday(yearLess) !== null ? yearLess : null;
}

/** A canonical form of a LinkedIn profile address: `https://www.linkedin.com/in/<slug>`. */
export function canonicalLinkedIn(url: string): string | null {
  const m = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|pub)\/([^/?#\s]+)/i.exec(url.trim());
  if (!m) return null;
  let slug = m[2];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape stays as written.
  }
  return `https://www.linkedin.com/${m[1].toLowerCase()}/${encodeURIComponent(slug.toLowerCase())}`;
}

/** A form of any web address good for comparing: no scheme, no www, no trailing slash, lower case. */
export function urlKey(url: string): string {
  const linkedIn = canonicalLinkedIn(url);
  const base = linkedIn ?? url;
  return base
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

function classifyUrl(url: string): LinkKind {
  if (canonicalLinkedIn(url)) return 'linkedin';
  if (/^(https?:\/\/)?(www\.)?(twitter|x)\.com\//i.test(url)) return 'x';
  return 'website';
}

function toHttpUrl(raw: string): string | null {
  const value = raw.trim();
  const withScheme = /^https?:\/\//i.test(value)
    ? value
    : /^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(value)
      ? `https://${value}`
      : null;
  if (!withScheme) return null;
  try {
    const parsed = new URL(withScheme);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? withScheme : null;
  } catch {
    return null;
  }
}

/**
 * The custom fields as the contact form would accept them. A pair that cannot be stored is left out
 * with a warning; a label met again keeps its first value, silently only when nothing is lost.
 */
function customFieldsOf(
  row: number,
  loose: LooseContact,
  warnings: RowWarning[],
): IncomingContact['customFields'] {
  const fields: IncomingContact['customFields'] = [];
  for (const f of loose.customFields ?? []) {
    const value = clean(f.value);
    if (!value) continue;
    // A label is one line, spaced as the contact form stores it.
    const raw = clean(f.label);
    const label = raw === null ? null : tidyLabel(raw);
    if (!label) {
      warnings.push({
        row,
        message: `A custom field without a name ("${value.slice(0, 60)}") was left out.`,
      });
      continue;
    }
    if (label.length > limits.customFieldLabel) {
      warnings.push({
        row,
        message: `The custom field name "${label.slice(0, 60)}..." is longer than ${limits.customFieldLabel} characters; left out.`,
      });
      continue;
    }
    if (value.length > limits.customFieldValue) {
      warnings.push({
        row,
        message: `The value of the custom field "${label}" is longer than ${limits.customFieldValue} characters; left out.`,
      });
      continue;
    }
    fields.push({ label, value });
  }
  return firstPerLabel(
    fields,
    (f) => f.value,
    (f) =>
      warnings.push({
        row,
        message: `The custom field "${f.label}" appears twice; only the first value was kept.`,
      }),
  );
}

/**
 * The important dates as the contact form would accept them, read as the birthday is. A date that
 * cannot be stored is left out with a warning; a label met again keeps its first date, silently when
 * it is the same day (a vCard of ours writes an anniversary twice, once for other apps).
 */
function importantDatesOf(
  row: number,
  loose: LooseContact,
  warnings: RowWarning[],
): IncomingContact['importantDates'] {
  const dates: IncomingContact['importantDates'] = [];
  for (const d of loose.importantDates ?? []) {
    const raw = clean(d.date);
    if (!raw) continue;
    const label = tidyLabel(clean(d.label) ?? '') || 'Date';
    if (label.length > limits.importantDateLabel) {
      warnings.push({
        row,
        message: `The date name "${label.slice(0, 60)}..." is longer than ${limits.importantDateLabel} characters; left out.`,
      });
      continue;
    }
    const date = birthdayOf(normalizeDate(raw));
    if (!date) {
      if (!outlookNoDate.test(raw)) {
        warnings.push({
          row,
          message: `The date "${label}" ("${raw.slice(0, 40)}") is not a real day; left out.`,
        });
      }
      continue;
    }
    dates.push({ label, date });
  }
  return firstPerLabel(
    dates,
    (d) => d.date,
    (d) =>
      warnings.push({
        row,
        message: `The date "${d.label}" appears twice with different days; only the first was kept.`,
      }),
  );
}

/**
 * The first item of each label (told apart as the form tells them); `differs` is told of a later one
 * whose value is not the first's, so a repeat that loses nothing passes silently.
 */
function firstPerLabel<T extends { label: string }>(
  items: T[],
  valueOf: (item: T) => string,
  differs: (item: T) => void,
): T[] {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = labelKey(item.label);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, item);
    else if (valueOf(seen) !== valueOf(item)) differs(item);
  }
  return [...first.values()];
}

/** Builds the contact, or says why the row is skipped. */
export function buildIncoming(
  row: number,
  loose: LooseContact,
  warnings: RowWarning[],
): { contact: IncomingContact } | { skipped: SkippedRow } {
  const givenName = clip(clean(loose.givenName), limits.part, 'The first name', row, warnings);
  const familyName = clip(clean(loose.familyName), limits.part, 'The last name', row, warnings);
  const organisation = clip(
    clean(loose.organisation),
    limits.organisation,
    'The organisation',
    row,
    warnings,
  );
  const title = clip(clean(loose.title), limits.title, 'The title', row, warnings);
  const location = clip(clean(loose.location), limits.location, 'The location', row, warnings);
  const notes = clip(clean(loose.notes), limits.notes, 'The notes', row, warnings);

  const emails: IncomingContact['emails'] = [];
  const seenEmails = new Set<string>();
  for (const e of loose.emails ?? []) {
    const raw = clean(e.email);
    if (!raw) continue;
    const email = normalizeEmail(raw);
    if (email.length > 320 || !emailPattern.test(email)) {
      warnings.push({ row, message: `"${raw.slice(0, 80)}" is not an email address; left out.` });
      continue;
    }
    if (seenEmails.has(email)) continue;
    seenEmails.add(email);
    emails.push({
      email,
      label: clip(clean(e.label ?? null), limits.label, 'An email label', row, warnings),
    });
  }

  const phones: IncomingContact['phones'] = [];
  const seenPhones = new Set<string>();
  for (const p of loose.phones ?? []) {
    // Google joins several numbers in one cell with " ::: ".
    for (const part of (clean(p.phone) ?? '').split(':::')) {
      const phone = part.trim().replace(/^tel:/i, '');
      if (!phone) continue;
      if (phone.length < 3 || phone.length > 40 || !phonePattern.test(phone)) {
        warnings.push({ row, message: `"${phone.slice(0, 80)}" is not a phone number; left out.` });
        continue;
      }
      if (seenPhones.has(phone)) continue;
      seenPhones.add(phone);
      phones.push({
        phone,
        label: clip(clean(p.label ?? null), limits.label, 'A phone label', row, warnings),
      });
    }
  }

  const links: IncomingContact['links'] = [];
  const seenLinks = new Set<string>();
  for (const u of loose.urls ?? []) {
    for (const part of (clean(u.url) ?? '').split(':::')) {
      if (!part.trim()) continue;
      const url = toHttpUrl(part);
      if (!url || url.length > limits.url) {
        warnings.push({ row, message: `"${part.trim().slice(0, 80)}" is not a web address; left out.` });
        continue;
      }
      const kind = u.kind ?? classifyUrl(url);
      const stored = kind === 'linkedin' ? (canonicalLinkedIn(url) ?? url) : url;
      const key = urlKey(stored);
      if (seenLinks.has(key)) continue;
      seenLinks.add(key);
      links.push({ kind, url: stored });
    }
  }

  const tags: string[] = [];
  const seenTags = new Set<string>();
  for (const raw of loose.tags ?? []) {
    const tag = clean(raw);
    if (!tag || seenTags.has(tag.toLowerCase())) continue;
    if (tag.length > limits.tag) {
      warnings.push({ row, message: `The tag "${tag.slice(0, 60)}..." is too long; left out.` });
      continue;
    }
    seenTags.add(tag.toLowerCase());
    tags.push(tag);
  }

  const listLimited = <T>(list: T[], what: string, max = limits.list): T[] => {
    if (list.length <= max) return list;
    warnings.push({ row, message: `Only the first ${max} ${what} were kept.` });
    return list.slice(0, max);
  };
  const customFields = customFieldsOf(row, loose, warnings);
  const importantDates = importantDatesOf(row, loose, warnings);

  const rawBirthday = clean(loose.birthday);
  const birthday = birthdayOf(normalizeDate(rawBirthday));
  if (rawBirthday && !birthday && !outlookNoDate.test(rawBirthday)) {
    warnings.push({ row, message: `The birthday "${rawBirthday.slice(0, 40)}" is not a date; left out.` });
  }
  const connectedOn = normalizeDate(loose.connectedOn);
  if (clean(loose.connectedOn) && (!connectedOn || connectedOn.startsWith('--'))) {
    warnings.push({
      row,
      message: `"Connected On" ${String(loose.connectedOn).slice(0, 40)} is not a date; left out.`,
    });
  }

  const middle = clean(loose.middleName);
  const composed = [givenName, middle, familyName].filter(Boolean).join(' ');
  let displayName = clean(loose.fullName) ?? (composed || null) ?? organisation ?? emails[0]?.email ?? null;
  if (!displayName) {
    const empty =
      !notes &&
      phones.length === 0 &&
      links.length === 0 &&
      customFields.length === 0 &&
      importantDates.length === 0;
    return {
      skipped: {
        row,
        reason: empty ? 'empty' : 'no_name',
        message: empty
          ? 'The row is empty.'
          : 'The row has no name, organisation or email to call the contact by.',
      },
    };
  }
  displayName = clip(displayName, limits.name, 'The name', row, warnings) as string;

  let photo = loose.photo ?? null;
  if (photo && photo.base64.length * 0.75 > limits.photoBytes) {
    warnings.push({
      row,
      message: `The photo (${((photo.base64.length * 0.75) / 1_048_576).toFixed(1)} MB) is larger than ${limits.photoBytes / 1_048_576} MB; left out.`,
    });
    photo = null;
  }

  return {
    contact: {
      row,
      displayName,
      givenName,
      familyName,
      organisation,
      title,
      location,
      notes,
      birthday,
      emails: listLimited(emails, 'emails'),
      phones: listLimited(phones, 'phone numbers'),
      links: listLimited(links, 'links'),
      tags: tags.length > limits.tags ? tags.slice(0, limits.tags) : tags,
      customFields: listLimited(customFields, 'custom fields', limits.customFields),
      importantDates: listLimited(importantDates, 'important dates', limits.importantDates),
      photo,
      connectedOn: connectedOn && !connectedOn.startsWith('--') ? connectedOn : null,
    },
  };
}
