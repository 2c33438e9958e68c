import type BetterSqlite3 from 'better-sqlite3';
import { nameKeys, phoneKey } from '../duplicates/find';
import { urlKey } from './incoming';
import { labelKey } from '../../shared/contacts/labels';

/** A stored contact as matching and diffing need it. */
export interface ExistingContact {
  id: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  organisation: string | null;
  title: string | null;
  location: string | null;
  notes: string | null;
  birthday: string | null;
  emails: string[];
  phoneKeys: Set<string>;
  urlKeys: Set<string>;
  tags: Set<string>;
  /** `labelKey` of each custom field's label. */
  customFieldKeys: Set<string>;
  /** `labelKey` of each important date's label. */
  importantDateKeys: Set<string>;
  hasPhoto: boolean;
}

/** Every stored contact indexed by the keys imports match on, loaded in a handful of queries. */
export interface ExistingIndex {
  contacts: Map<number, ExistingContact>;
  byEmail: Map<string, number>;
  byPhone: Map<string, number>;
  byUrl: Map<string, number>;
  byName: Map<string, number[]>;
  /** `source_key`s of LinkedIn "connected" interactions already recorded. */
  connectedKeys: Set<string>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function loadExisting(sqlite: BetterSqlite3.Database): ExistingIndex {
  const contacts = new Map<number, ExistingContact>();
  const byName = new Map<string, number[]>();
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.display_name, c.given_name, c.family_name, c.organisation, c.title, c.location, c.notes, c.birthday,
              EXISTS (SELECT 1 FROM contact_photos p WHERE p.contact_id = c.id) AS has_photo
       FROM contacts c ORDER BY c.id`,
    )
    .raw(true)
    .all() as Array<
    [
      number,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      number,
    ]
  >;
  for (const [
    id,
    displayName,
    givenName,
    familyName,
    organisation,
    title,
    location,
    notes,
    birthday,
    hasPhoto,
  ] of rows) {
    contacts.set(id, {
      id,
      displayName,
      givenName,
      familyName,
      organisation,
      title,
      location,
      notes,
      birthday,
      emails: [],
      phoneKeys: new Set(),
      urlKeys: new Set(),
      tags: new Set(),
      customFieldKeys: new Set(),
      importantDateKeys: new Set(),
      hasPhoto: hasPhoto === 1,
    });
    for (const key of nameKeys(displayName)) push(byName, key, id);
  }
  const byEmail = new Map<string, number>();
  for (const [contactId, email] of sqlite
    .prepare('SELECT contact_id, email FROM contact_emails ORDER BY contact_id, position')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    byEmail.set(email, contactId);
    contacts.get(contactId)?.emails.push(email);
  }
  const byPhone = new Map<string, number>();
  for (const [contactId, normalized] of sqlite
    .prepare('SELECT contact_id, normalized FROM contact_phones')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    const key = phoneKey(normalized);
    if (!key) continue;
    if (!byPhone.has(key)) byPhone.set(key, contactId);
    contacts.get(contactId)?.phoneKeys.add(key);
  }
  const byUrl = new Map<string, number>();
  for (const [contactId, url] of sqlite
    .prepare('SELECT contact_id, url FROM contact_links')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    const key = urlKey(url);
    if (!byUrl.has(key)) byUrl.set(key, contactId);
    contacts.get(contactId)?.urlKeys.add(key);
  }
  for (const [contactId, name] of sqlite
    .prepare('SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    contacts.get(contactId)?.tags.add(name.toLowerCase());
  }
  for (const [contactId, label] of sqlite
    .prepare('SELECT contact_id, label FROM contact_custom_fields')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    contacts.get(contactId)?.customFieldKeys.add(labelKey(label));
  }
  for (const [contactId, label] of sqlite
    .prepare('SELECT contact_id, label FROM contact_important_dates')
    .raw(true)
    .iterate() as Iterable<[number, string]>) {
    contacts.get(contactId)?.importantDateKeys.add(labelKey(label));
  }
  const connectedKeys = new Set(
    sqlite
      .prepare(`SELECT source_key FROM interactions WHERE kind = 'connected' AND source_key IS NOT NULL`)
      .pluck()
      .all() as string[],
  );
  return { contacts, byEmail, byPhone, byUrl, byName, connectedKeys };
}
