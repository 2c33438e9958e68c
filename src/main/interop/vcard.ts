import ICAL from 'ical.js';
import type { IncomingContact, RowWarning, SkippedRow } from '../../shared/interop/types';
import { buildIncoming, limits, placeOf, type LooseContact } from './incoming';

/**
 * vCard 2.1, 3.0 and 4.0, many cards per file. Cards are cut apart first and parsed one
 * by one with ical.js, so a broken card is skipped with its reason and the rest import.
 * Oversized photos are dropped before parsing (a 20 MB photo would otherwise be decoded).
 */

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

interface RawCard {
  number: number;
  line: number;
  text: string;
  complete: boolean;
  droppedPhoto: number;
}

const maxPhotoChars = Math.ceil((limits.photoBytes * 4) / 3) + 1024;

/** Cuts the text into cards by BEGIN/END lines, leaving out PHOTO properties over the size limit. */
function splitCards(text: string): RawCard[] {
  const cards: RawCard[] = [];
  let current: {
    lines: string[];
    line: number;
    propStart: number;
    propChars: number;
    dropped: number;
  } | null = null;
  const closeProperty = () => {
    if (!current || current.propStart < 0) return;
    if (current.propChars > maxPhotoChars && /^(\S+\.)?photo[;:]/i.test(current.lines[current.propStart])) {
      current.dropped += current.propChars;
      current.lines.length = current.propStart;
    }
  };
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!current) {
      if (/^begin:vcard\s*$/i.test(line))
        current = { lines: [line], line: i + 1, propStart: -1, propChars: 0, dropped: 0 };
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      current.lines.push(line);
      current.propChars += line.length;
      continue;
    }
    closeProperty();
    if (/^end:vcard\s*$/i.test(line)) {
      current.lines.push(line);
      cards.push({
        number: cards.length + 1,
        line: current.line,
        text: current.lines.join('\r\n'),
        complete: true,
        droppedPhoto: current.dropped,
      });
      current = null;
    } else if (/^begin:vcard\s*$/i.test(line)) {
      // A card that never ended, then a new one: the first was cut short.
      cards.push({
        number: cards.length + 1,
        line: current.line,
        text: '',
        complete: false,
        droppedPhoto: 0,
      });
      current = { lines: [line], line: i + 1, propStart: -1, propChars: 0, dropped: 0 };
    } else {
      current.propStart = current.lines.length;
      current.propChars = line.length;
      current.lines.push(line);
    }
  }
  if (current)
    cards.push({ number: cards.length + 1, line: current.line, text: '', complete: false, droppedPhoto: 0 });
  return cards;
}

const asText = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(' ') : '';

/** ical.js hands a property it does not know over as written: its text escapes (RFC 6350 3.4) are undone here. */
const unescapeText = (raw: string): string =>
  raw.replace(/\\([\\,;nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

function typeLabel(params: Record<string, unknown>): string | null {
  const raw = params.type;
  const types = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
    .map((t) => String(t).toLowerCase())
    .filter((t) => !['internet', 'pref', 'voice', 'x400'].includes(t));
  return types[0] ?? null;
}

function photoOf(prop: JCardProperty): { mime: string; base64: string } | null {
  const [, params, type, value] = prop;
  if (typeof value !== 'string') return null;
  const dataUri = /^data:([\w.+-]+\/[\w.+-]+)?(;[^,]*)?;base64,(.*)$/is.exec(value);
  if (dataUri) return { mime: dataUri[1] ?? 'image/jpeg', base64: dataUri[3].replace(/\s+/g, '') };
  if (
    type === 'binary' ||
    /^b$/i.test(String(params.encoding ?? '')) ||
    /^base64$/i.test(String(params.encoding ?? ''))
  ) {
    const t = String(params.type ?? 'jpeg').toLowerCase();
    return {
      mime: t.includes('/') ? t : `image/${t === 'jpg' ? 'jpeg' : t}`,
      base64: value.replace(/\s+/g, ''),
    };
  }
  return null;
}

/**
 * A date as written, year-less where Apple says so: it writes such a date in a stand-in year and names
 * it in a parameter; the stand-in can look real (1900), so only the parameter tells (an impossible one,
 * 1604, is caught anyway).
 */
function appleDate(value: unknown, params: Record<string, unknown>): string | null {
  if (typeof value !== 'string') return null;
  return params['x-apple-omit-year'] !== undefined ? value.replace(/^\d{4}-?/, '--') : value;
}

/** Apple's built-in labels are written `_$!<Anniversary>!$_`; the user's own as they typed them. */
const appleLabel = (label: string | undefined): string | null =>
  label === undefined ? null : (/^_\$!<(.*)>!\$_$/.exec(label)?.[1] ?? label);

/** Apple names a grouped property in another of its group: `item1.X-ABDATE` by `item1.X-ABLabel`. */
function groupLabels(props: JCardProperty[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [name, params, , value] of props) {
    if (name === 'x-ablabel' && typeof params.group === 'string') labels.set(params.group, asText(value));
  }
  return labels;
}

function cardToLoose(props: JCardProperty[]): LooseContact {
  const loose: Required<
    Pick<LooseContact, 'emails' | 'phones' | 'urls' | 'tags' | 'customFields' | 'importantDates'>
  > &
    LooseContact = {
    emails: [],
    phones: [],
    urls: [],
    tags: [],
    customFields: [],
    importantDates: [],
  };
  const notes: string[] = [];
  const labels = groupLabels(props);
  for (const prop of props) {
    const [name, params, , ...values] = prop;
    const first = values[0];
    switch (name) {
      case 'fn':
        loose.fullName = asText(first);
        break;
      case 'n': {
        const parts = Array.isArray(first) ? first.map(asText) : asText(first).split(';');
        loose.familyName = parts[0] || null;
        loose.givenName = parts[1] || null;
        loose.middleName = parts[2] || null;
        break;
      }
      case 'org':
        loose.organisation = Array.isArray(first) ? asText(first[0]) : asText(first);
        break;
      case 'title':
        loose.title = asText(first);
        break;
      case 'adr': {
        // Street parts are left out: a CRM wants the city. A work address wins over the others.
        const parts = Array.isArray(first) ? first.map(asText) : asText(first).split(';');
        const place = placeOf(parts[3], parts[4], parts[6]);
        if (place && (loose.location === undefined || typeLabel(params) === 'work')) loose.location = place;
        break;
      }
      case 'note':
        notes.push(asText(first));
        break;
      case 'bday':
        loose.birthday = appleDate(first, params);
        break;
      case 'anniversary':
        loose.importantDates.push({ label: 'Anniversary', date: asText(first) });
        break;
      case 'x-abdate':
        loose.importantDates.push({
          label: appleLabel(typeof params.group === 'string' ? labels.get(params.group) : undefined),
          date: appleDate(first, params) ?? '',
        });
        break;
      case 'email':
        loose.emails.push({ email: asText(first), label: typeLabel(params) });
        break;
      case 'tel':
        loose.phones.push({ phone: asText(first), label: typeLabel(params) });
        break;
      case 'url':
      case 'x-socialprofile':
        loose.urls.push({ url: asText(first) });
        break;
      case 'categories':
        loose.tags.push(...values.map(asText).flatMap((v) => v.split(',')));
        break;
      case 'photo':
        loose.photo ??= photoOf(prop);
        break;
      // Rapport's own export: `X-RAPPORT-FIELD;X-LABEL="Team":Platform`.
      case 'x-rapport-field':
        loose.customFields.push({ label: asText(params['x-label']), value: unescapeText(asText(first)) });
        break;
      // And its important dates: `X-RAPPORT-DATE;X-LABEL="Work anniversary":20191203`.
      case 'x-rapport-date':
        loose.importantDates.push({ label: asText(params['x-label']), date: asText(first) });
        break;
    }
  }
  if (notes.length > 0) loose.notes = notes.join('\n\n');
  return loose;
}

export interface VcardResult {
  contacts: IncomingContact[];
  skipped: SkippedRow[];
  warnings: RowWarning[];
}

export function looksLikeVcard(text: string): boolean {
  return /^\s*begin:vcard\s*$/im.test(text.slice(0, 4096));
}

export function parseVcards(text: string): VcardResult {
  const contacts: IncomingContact[] = [];
  const skipped: SkippedRow[] = [];
  const warnings: RowWarning[] = [];
  for (const card of splitCards(text)) {
    const row = card.number;
    if (!card.complete) {
      skipped.push({
        row,
        reason: 'broken',
        message: `Card ${row} (line ${card.line}) has no END:VCARD; the file may be cut short.`,
      });
      continue;
    }
    if (card.droppedPhoto > 0) {
      warnings.push({
        row,
        message: `The photo of card ${row} (${((card.droppedPhoto * 0.75) / 1_048_576).toFixed(1)} MB) is larger than ${limits.photoBytes / 1_048_576} MB; left out.`,
      });
    }
    let props: JCardProperty[];
    try {
      const parsed = ICAL.parse(card.text) as unknown;
      const jcard = (Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : (parsed as unknown[])[0]) as [
        string,
        JCardProperty[],
      ];
      props = jcard[1];
      if (!Array.isArray(props)) throw new Error('no properties');
    } catch (error) {
      skipped.push({
        row,
        reason: 'broken',
        message: `Card ${row} (line ${card.line}) could not be read: ${String((error as Error).message ?? error).slice(0, 200)}`,
      });
      continue;
    }
    const built = buildIncoming(row, cardToLoose(props), warnings);
    if ('skipped' in built) skipped.push(built.skipped);
    else contacts.push(built.contact);
  }
  return { contacts, skipped, warnings };
}
