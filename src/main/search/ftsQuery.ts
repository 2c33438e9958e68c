/**
 * Turns what the user typed into an FTS5 query: every word must match, the last one (or
 * all, while typing) as a prefix. Words are quoted, so FTS5 operators typed by the user are
 * plain text, never syntax. Returns null when nothing searchable is left.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ');
}
