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

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
