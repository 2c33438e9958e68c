/** Unicode's Combining Diacritical Marks block, what an NFD form writes after a Latin "ü" or "é". */
const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * Text as a comparison sees it: "ZÜRICH", "Zürich", a decomposed "Zu\u0308rich" and "Zurich"
 * are one, as search already finds "Zürich" for "zurich" (its index removes diacritics).
 * Unicode case folding, not SQLite's ASCII-only NOCASE, and no locale, so it is the same on
 * every machine (a Turkish locale would fold "I" apart). Only the combining diacritical marks
 * of Latin, Greek and Cyrillic letters go: a Japanese voicing mark changes the word, so it stays.
 */
export function folded(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
}
