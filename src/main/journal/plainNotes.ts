/**
 * Notes are Markdown (the editor's, and what a calendar's formatted description becomes). Where
 * they are shown as plain text, on a journal row or in a search result, their marks go and
 * their words stay.
 */

/**
 * Text without Markdown's marks: rules, headings, quotes, links' targets, and emphasis and code
 * marks only where they open or close a span, since the marks in "snake_case", "2*3", "C#" or
 * "> 50" are the user's words. With `listItem`, each list item's marker becomes it.
 */
export function withoutMarks(text: string, { listItem }: { listItem?: string } = {}): string {
  let plain = text
    .replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, '')
    .replace(/^[ \t]*(?:#{1,6}(?=[ \t]|$)|>)[ \t]*/gm, '');
  if (listItem !== undefined) plain = plain.replace(/^[ \t]*(?:[-+*]|\d{1,3}[.)])[ \t]+/gm, listItem);
  return plain
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(^|[^\p{L}\p{N}])[*_~`]+(?=[^\s*_~`])/gmu, '$1')
    .replace(/([^\s*_~`])[*_~`]+(?=$|[^\p{L}\p{N}])/gmu, '$1');
}

/** A part that ends without a stop: a heading ("Agenda"), a paragraph without a full stop. */
const UNSTOPPED = /([^\s.!?:;,·…])[ \t]*$/;

/**
 * Notes as one plain line: mentions and links keep their text, Markdown marks go, and the parts
 * run on after dots: list items, and a heading or paragraph that ends without a stop
 * ("Agenda · Promotion case"), where joining them with a space would read as one sentence.
 */
export function previewOf(notes: string): string {
  // A heading is a part of its own, as if a blank line followed it.
  const marked = notes.slice(0, 600).replace(/^([ \t]*#{1,6}[ \t].*)$/gm, '$1\n');
  return withoutMarks(marked, { listItem: '· ' })
    .split(/\n[ \t]*\n\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, i, parts) =>
      i < parts.length - 1 && !parts[i + 1].startsWith('· ') ? part.replace(UNSTOPPED, '$1 ·') : part,
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 200)
    .replace(/[\s·]+$/, '')
    .trim();
}
