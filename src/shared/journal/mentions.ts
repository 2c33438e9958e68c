/**
 * Mentions are ordinary Markdown links with an in-app address, `[@Ana Souza](rapport://contact/12)`,
 * so notes stay readable as plain text and the renderer turns them into links to the contact page.
 */
export const mentionScheme = 'rapport://contact/';

const mentionPattern = /\[@[^\]\n]{0,200}\]\(rapport:\/\/contact\/(\d{1,12})\)/g;

export function mentionMarkdown(contactId: number, displayName: string): string {
  // Brackets would end the link text early; drop them from the label.
  return `[@${displayName.replace(/[[\]]/g, '')}](${mentionScheme}${contactId})`;
}

/** The contact ids mentioned in notes, each once, in order of first mention. */
export function mentionedContactIds(notes: string): number[] {
  const ids: number[] = [];
  for (const match of notes.matchAll(mentionPattern)) {
    const id = Number(match[1]);
    if (Number.isSafeInteger(id) && id > 0 && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The contact id an in-app link points to, or null for any other address. */
export function contactIdFromHref(href: string | undefined): number | null {
  if (!href) return null;
  const m = /^rapport:\/\/contact\/(\d{1,12})$/.exec(href);
  return m ? Number(m[1]) : null;
}

/** Notes with every mention of one contact pointed at another (used when merging contacts). */
export function retargetMentions(notes: string, fromId: number, toId: number): string {
  return notes.replace(mentionPattern, (whole, id: string) =>
    Number(id) === fromId ? whole.replace(`${mentionScheme}${id})`, `${mentionScheme}${toId})`) : whole,
  );
}
