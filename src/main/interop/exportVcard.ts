import type { ExportContact } from './exportData';
import { cityOf } from '../../shared/contacts/location';
import { labelKey } from '../../shared/contacts/labels';

/** RFC 6350 text escaping: backslash, comma and newlines; semicolons only inside structured values (N, ORG). */
function esc(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const escPart = (value: string) => esc(value).replace(/;/g, '\\;');

/** Folds at 75 octets without splitting a UTF-8 character (RFC 6350 3.2). */
function fold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(line)) return foldAscii(line);
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Base64 photos are long ASCII: fold them by slicing, which is much faster than the general path. */
function foldAscii(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
  return parts.join('\r\n ');
}

/** A parameter value, quoted (it may hold `;`, `:` or `,`); a quote or line break cannot be written in one. */
const quotedParam = (value: string) => JSON.stringify(value.replace(/["\r\n]/g, ''));

/**
 * A custom field's or an important date's label, read back by Rapport alone: quoted, with RFC 6868's
 * carets for what a quoted value cannot hold (`^'` a quote, `^n` a line break, `^^` a caret), so every
 * label comes back as written.
 */
function labelParam(label: string): string {
  const carets = label
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return `"${carets}"`;
}

const typeParam = (label: string | null) => (label ? `;TYPE=${quotedParam(label)}` : '');

/** A birthday or an important date as vCard writes a date: `19850412`, `--0412` without the year. */
function birthdayValue(birthday: string): string {
  return birthday.startsWith('--') ? `--${birthday.slice(2).replace('-', '')}` : birthday.replace(/-/g, '');
}

/** A location as an address: its city as the locality, what follows the first comma as its country. */
function adrValue(location: string): string {
  const comma = location.indexOf(',');
  const rest = comma < 0 ? '' : location.slice(comma + 1).trim();
  return `;;;${escPart(cityOf(location) ?? '')};;;${escPart(rest)}`;
}

export function contactToVcard(c: ExportContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:rapport:contact:${c.id}`, `FN:${esc(c.displayName)}`];
  lines.push(`N:${escPart(c.familyName ?? '')};${escPart(c.givenName ?? '')};;;`);
  if (c.organisation) lines.push(`ORG:${escPart(c.organisation)}`);
  if (c.title) lines.push(`TITLE:${esc(c.title)}`);
  if (c.location) lines.push(`ADR:${adrValue(c.location)}`);
  for (const e of c.emails) lines.push(`EMAIL${typeParam(e.label)}:${e.email}`);
  for (const p of c.phones) lines.push(`TEL;VALUE=text${typeParam(p.label)}:${esc(p.phone)}`);
  for (const l of c.links) lines.push(`URL${l.kind === 'website' ? '' : `;TYPE=${l.kind}`}:${l.url}`);
  if (c.birthday) lines.push(`BDAY:${birthdayValue(c.birthday)}`);
  if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(esc).join(',')}`);
  if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
  for (const f of c.customFields)
    lines.push(`X-RAPPORT-FIELD;X-LABEL=${labelParam(f.label)}:${esc(f.value)}`);
  for (const d of c.importantDates) {
    lines.push(`X-RAPPORT-DATE;X-LABEL=${labelParam(d.label)}:${birthdayValue(d.date)}`);
    // vCard 4.0's own, for other apps; after ours, so a re-import keeps the user's spelling of the label
    // and meets this one as the same day again.
    if (labelKey(d.label) === 'anniversary') lines.push(`ANNIVERSARY:${birthdayValue(d.date)}`);
  }
  if (c.photo) lines.push(`PHOTO:data:${c.photo.mime};base64,${c.photo.data.toString('base64')}`);
  lines.push(`REV:${c.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`, 'END:VCARD');
  return lines.map((l) => (l.startsWith('PHOTO:') ? foldAscii(l) : fold(l))).join('\r\n');
}

/** All contacts as one vCard 4.0 file. */
export function contactsToVcard(contacts: ExportContact[]): string {
  return contacts.length === 0 ? '' : `${contacts.map(contactToVcard).join('\r\n')}\r\n`;
}
