/**
 * The one form an email address is stored and compared in: no `mailto:` prefix, no
 * whitespace, lower case (the local part is case-insensitive at every provider people use).
 */
export function normalizeEmail(raw: string): string {
  return raw
    .replace(/^\s*mailto:/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Whether two lists of addresses (each without repeats) hold the same ones, in any order. */
export function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((email) => b.includes(email));
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** The addresses in a line the user typed, however separated (commas, semicolons, spaces), each once. */
export function addressesIn(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter((a) => a !== '')
        .map(normalizeEmail),
    ),
  ];
}

/** What the user typed among their addresses that is not an email address ("ana", "me@work"). */
export function notAddressesIn(text: string): string[] {
  return addressesIn(text).filter((a) => !isEmail(a));
}
