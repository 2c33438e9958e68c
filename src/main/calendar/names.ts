/**
 * The name a new contact gets from a calendar: directories (Exchange, many Google Workspace
 * domains) write CN="Müller, Jonas", and an attendee with no CN has only an address, so a
 * contact made of either as it stands reads "Müller, Jonas" or "jonas.mueller".
 */

/** What can follow "Name, " without being a given name: a suffix, a degree, a company form. */
const NOT_GIVEN_NAME =
  /^(?:jr|sr|ii|iii|iv|v|phd|md|mba|msc|bsc|esq|cpa|inc|ltd|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|co|corp|team|et al)\.?$/i;

/** Scripts whose names are written family name first, without a space: kept as written. */
const FAMILY_FIRST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** One to three words of letters (with the apostrophes, hyphens and dots of real names). */
const WORDS = /^\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,2}$/u;

/**
 * "Last, First" as "First Last", keeping a directory's trailing "(Department)": "Müller, Jonas
 * (IT)" is "Jonas Müller (IT)". Anything else (one comma too many, a suffix such as "Smith,
 * Jr.", a company such as "Acme, Inc.", a name in Chinese, Japanese or Korean) is kept as written.
 */
export function givenNameFirst(cn: string): string {
  const name = cn.replace(/\s+/g, ' ').trim();
  if (FAMILY_FIRST.test(name)) return name;
  const match = /^([^,()]+), ?([^,()]+?)( \([^()]*\))?$/.exec(name);
  if (!match) return name;
  const [, last, first, department = ''] = match;
  if (!WORDS.test(last) || !WORDS.test(first) || NOT_GIVEN_NAME.test(first)) return name;
  return `${first} ${last}${department}`;
}

/**
 * A name read off an address written as "first.last" or "first_last" (a "+tag" aside):
 * "jonas.mueller@…" is "Jonas Mueller". Null when the address does not look like one
 * ("jmueller", "info", "team-berlin"), where a guess would be wrong more often than right.
 */
export function nameFromAddress(email: string): string | null {
  const local = email.split('@', 1)[0].split('+', 1)[0];
  const parts = local.split(/[._]/);
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\p{L}{2,}$/u.test(p))) return null;
  return parts.map((p) => p[0].toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

/** The name to propose for a new contact: the CN given name first, else the address's, else its local part. */
export function proposedName(cn: string | null, email: string): string {
  if (cn !== null && cn.trim() !== '') return givenNameFirst(cn);
  return nameFromAddress(email) ?? email.split('@', 1)[0];
}
