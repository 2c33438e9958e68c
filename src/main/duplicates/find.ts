import Fuse from 'fuse.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DuplicatePair, DuplicateReason, DuplicateSide } from '../../shared/journal/views';

/** Letters of their own that a keyboard without them types as plain ones: "Michał" is typed "Michal". */
const PLAIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * Folds case, accents, letters of their own and punctuation; word order does not matter
 * ("Souza, Ana" = "Ana Souza", "Michał Nowak" = "Michal Nowak").
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßøłđðþæœı]/g, (letter) => PLAIN_LETTERS[letter])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .sort()
    .join(' ');
}

/** How German and Scandinavian names are written out without their letters: "Müller" as "Mueller". */
const WRITTEN_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };

/**
 * Every key a name goes by: its `nameKey` and, when it has an ä, ö, ü, ø or å, the key of
 * those letters written out, so "Jonas Müller" is found as "Jonas Muller" and as "Jonas
 * Mueller" (what an address such as jonas.mueller@… gives), while "Michael" stays "Michael".
 */
export function nameKeys(name: string): string[] {
  const lower = name.normalize('NFC').toLowerCase();
  if (!/[äöüøå]/.test(lower)) return [nameKey(name)];
  return [nameKey(name), nameKey(lower.replace(/[äöüøå]/g, (letter) => WRITTEN_OUT[letter]))];
}

/**
 * Domains that reach the same mailbox as another for any user name, because the provider hands
 * out one name across them: an Apple ID's ana@me.com is also ana@icloud.com, a Proton user's
 * ana@pm.me is ana@proton.me. Not Outlook.com's hotmail, live and outlook: each is its own.
 */
const SAME_MAILBOX_DOMAIN: Record<string, string> = {
  'googlemail.com': 'gmail.com',
  'me.com': 'icloud.com',
  'mac.com': 'icloud.com',
  'protonmail.com': 'proton.me',
  'protonmail.ch': 'proton.me',
  'pm.me': 'proton.me',
};

/** One mailbox however it is written: `+tags` dropped, Gmail ignores dots, and a provider's other domains. */
export function mailboxKey(email: string): string {
  const [local, written = ''] = email.toLowerCase().split('@');
  const domain = SAME_MAILBOX_DOMAIN[written] ?? written;
  let user = local.split('+')[0];
  if (domain === 'gmail.com') user = user.replace(/\./g, '');
  return `${user}@${domain}`;
}

/** The last nine digits: the same number with or without country code and trunk prefix. */
export function phoneKey(normalized: string): string | null {
  const digits = normalized.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

const weights: Record<DuplicateReason, number> = {
  email: 0.95,
  phone: 0.9,
  'same-name': 0.8,
  'similar-name': 0.5,
};

/** Larger groups are shared switchboards or common names, not one person. */
const maxGroup = 8;

interface Person {
  id: number;
  name: string;
  key: string;
}

/**
 * Likely pairs of the same person. Exact signals (mailbox, phone, normalised name) are
 * grouped by key; close names are compared with Fuse.js within blocks of people who share
 * initials, so the work grows with block sizes rather than with the square of the network.
 */
export async function findDuplicates(db: Kysely<Database>, limit: number): Promise<DuplicatePair[]> {
  const [contacts, emails, phones, dismissed] = await Promise.all([
    db.selectFrom('contacts').select(['id', 'display_name']).where('archived', '=', 0).execute(),
    sql<{ contact_id: number; email: string }>`SELECT e.contact_id, e.email FROM contact_emails e
      JOIN contacts c ON c.id = e.contact_id WHERE c.archived = 0`.execute(db),
    sql<{ contact_id: number; normalized: string }>`SELECT p.contact_id, p.normalized FROM contact_phones p
      JOIN contacts c ON c.id = p.contact_id WHERE c.archived = 0`.execute(db),
    db.selectFrom('duplicate_dismissals').selectAll().execute(),
  ]);
  const skip = new Set(dismissed.map((d) => `${d.low_id}:${d.high_id}`));
  const pairs = new Map<string, { a: number; b: number; reasons: Map<DuplicateReason, number> }>();
  const add = (x: number, y: number, reason: DuplicateReason, strength = 1) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    if (skip.has(key)) return;
    const pair = pairs.get(key) ?? { a, b, reasons: new Map() };
    pair.reasons.set(reason, Math.max(pair.reasons.get(reason) ?? 0, strength));
    pairs.set(key, pair);
  };
  const groupPairs = (entries: Array<[string | null, number]>, reason: DuplicateReason) => {
    const groups = new Map<string, Set<number>>();
    for (const [key, id] of entries) {
      if (key === null || key === '') continue;
      const g = groups.get(key) ?? new Set<number>();
      g.add(id);
      groups.set(key, g);
    }
    for (const ids of groups.values()) {
      if (ids.size < 2 || ids.size > maxGroup) continue;
      const list = [...ids];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) add(list[i], list[j], reason);
    }
  };

  groupPairs(
    emails.rows.map((e) => [mailboxKey(e.email), e.contact_id]),
    'email',
  );
  groupPairs(
    phones.rows.map((p) => [phoneKey(p.normalized), p.contact_id]),
    'phone',
  );
  const people: Person[] = contacts.map((c) => ({
    id: c.id,
    name: c.display_name,
    key: nameKey(c.display_name),
  }));
  groupPairs(
    people.flatMap((p) => nameKeys(p.name).map((key): [string, number] => [key, p.id])),
    'same-name',
  );

  const blocks = new Map<string, Person[]>();
  for (const p of people) {
    const words = p.key.split(' ');
    if (words.length === 0 || words[0] === '') continue;
    const block = words.map((w) => w[0]).join('');
    const list = blocks.get(block) ?? [];
    list.push(p);
    blocks.set(block, list);
  }
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    const fuse = new Fuse(block, {
      keys: ['key'],
      includeScore: true,
      threshold: 0.25,
      ignoreLocation: true,
    });
    for (const p of block) {
      for (const hit of fuse.search(p.key, { limit: 5 })) {
        if (hit.item.id === p.id || hit.item.key === p.key) continue;
        add(p.id, hit.item.id, 'similar-name', 1 - (hit.score ?? 0));
      }
    }
  }

  const scored = [...pairs.values()]
    .map((p) => {
      let miss = 1;
      for (const [reason, strength] of p.reasons) miss *= 1 - weights[reason] * strength;
      return { ...p, score: 1 - miss };
    })
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
    .slice(0, limit);
  const sides = await loadSides(
    db,
    scored.flatMap((p) => [p.a, p.b]),
  );
  return scored.map((p) => ({
    a: sides.get(p.a)!,
    b: sides.get(p.b)!,
    reasons: [...p.reasons.keys()].sort(),
    score: Math.round(p.score * 1000) / 1000,
  }));
}

async function loadSides(db: Kysely<Database>, ids: number[]): Promise<Map<number, DuplicateSide>> {
  const unique = [...new Set(ids)];
  const sides = new Map<number, DuplicateSide>();
  if (unique.length === 0) return sides;
  const rows = await sql<{
    id: number;
    display_name: string;
    organisation: string | null;
    emails: string | null;
    n: number;
  }>`
    SELECT c.id, c.display_name, c.organisation,
      (SELECT group_concat(email, ' ') FROM contact_emails WHERE contact_id = c.id) AS emails,
      (SELECT count(*) FROM interaction_participants WHERE contact_id = c.id) AS n
    FROM contacts c WHERE c.id IN (${sql.join(unique)})`.execute(db);
  for (const r of rows.rows) {
    sides.set(r.id, {
      id: r.id,
      displayName: r.display_name,
      organisation: r.organisation,
      emails: r.emails ? r.emails.split(' ') : [],
      interactionCount: r.n,
    });
  }
  return sides;
}

export async function dismissPair(db: Kysely<Database>, aId: number, bId: number): Promise<void> {
  const [low_id, high_id] = aId < bId ? [aId, bId] : [bId, aId];
  await db
    .insertInto('duplicate_dismissals')
    .values({ low_id, high_id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
