import { createRequire } from 'node:module';
import { decodeHTML } from 'entities';
import type TurndownService from 'turndown';

/**
 * A description written in HTML. Google Calendar keeps the formatting of a description written
 * or pasted in its editor ("<b>Agenda</b><br><ul><li>…"), and exports it as it is. Tags only:
 * entities alone do not make a plain-text description HTML.
 */
const HTML_TAG =
  /<\/?(?:br|p|div|span|b|i|u|strong|em|a|ul|ol|li|h[1-6]|html|body|table|tr|td|font|hr|blockquote)\b[^>]*>/i;

/**
 * A character reference in a description with no tag: Google writes one typed in its editor as
 * HTML even when it is one line, "Q&amp;A with Ana".
 */
const ENTITY = /&(?:[a-z][a-z\d]*|#\d+|#x[\da-f]+);/i;

/** Google Calendar sends every link in a description through its redirect; the address is in `q`. */
const GOOGLE_REDIRECT = /^https?:\/\/www\.google\.com\/url\?(?:.*&)?q=([^&]+)/i;

/** Turndown takes about half a millisecond a kilobyte: longer than notes may be, it would hold the import up. */
const MAX_CONVERTED = 200_000;
/**
 * Formatted notes hold a few hundred tags. Thousands nested inside each other take the DOM
 * behind turndown seconds to build (10,000 levels: 1.5 s) before its recursion gives up.
 */
const MAX_TAGS = 2_000;
const TAG = /<[a-z/!]/gi;

function tooMuchToConvert(description: string): boolean {
  if (description.length > MAX_CONVERTED) return true;
  let tags = 0;
  TAG.lastIndex = 0;
  while (TAG.exec(description) !== null) if (++tags > MAX_TAGS) return true;
  return false;
}

/** A Word list item's style: `mso-list:l0 level2 lfo1`, its list, level and format. */
const WORD_LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)/i;
/** The span in which Word draws a list item's bullet or number. */
const WORD_LIST_MARKER = /mso-list:\s*ignore/i;

/** Where a table cell begins in its row's converted content (a character HTML text never holds). */
const CELL = '\u0000';

let converter: TurndownService | null = null;

function makeConverter(): TurndownService {
  // Loaded on the first HTML description only: turndown brings a whole DOM (domino), about
  // 10 MB in each thread that loads it, which most calendars never need.
  const Turndown = createRequire(import.meta.url)('turndown') as typeof TurndownService;
  const service = new Turndown({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    // Notes are edited as text: a line break is a new line, not two trailing spaces.
    br: '',
  });
  service.remove(['style', 'script', 'head', 'title', 'meta']);
  // Word (Outlook's HTML bodies) writes a list item as a paragraph, its bullet or number drawn in
  // a span of its own: the item becomes Markdown's, the drawn marker goes.
  service.remove(
    (node) => node.nodeName === 'SPAN' && WORD_LIST_MARKER.test(node.getAttribute('style') ?? ''),
  );
  service.addRule('wordListItem', {
    filter: (node) => node.nodeName === 'P' && WORD_LIST_ITEM.test(node.getAttribute('style') ?? ''),
    replacement: (content, node) => {
      // Word has nine levels; a style claiming more is not Word's, and indents no further.
      const level = Math.min(
        9,
        Math.max(1, Number(WORD_LIST_ITEM.exec(node.getAttribute('style') ?? '')?.[1] ?? 1)),
      );
      const number = /^\s*(\d+)[.)]/.exec(wordListMarker(node))?.[1];
      return `\n${'  '.repeat(level - 1)}${number === undefined ? '-' : `${number}.`} ${content.trim()}\n`;
    },
  });
  // Notes draw no tables: a row of several cells reads as one line, its cells run on after a
  // dot; a row of one cell (a table used for layout, as invitations do) keeps what it holds.
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => (content.trim() === '' ? '' : `${CELL}${content}`),
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content) => {
      const cells = content.split(CELL).filter((cell) => cell.trim() !== '');
      if (cells.length <= 1) return `\n\n${cells.join('').trim()}\n\n`;
      return `\n${cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).join(' · ')}\n`;
    },
  });
  // What was text in the HTML stays as it read, not backslashed against Markdown.
  service.escape = (text) => text;
  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && node.getAttribute('href') !== null,
    replacement: (content, node) => {
      const href = linkTarget(node.getAttribute('href') ?? '');
      const label = content.trim();
      if (label === '' || label === href) return href;
      return href.startsWith('http') || href.startsWith('mailto:') ? `[${label}](${href})` : label;
    },
  });
  return service;
}

/** What the converter reads of an element of turndown's DOM. */
interface DomElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

/** What Word draws before a list item: "·", "o", "1.". */
function wordListMarker(item: DomElement): string {
  for (const span of Array.from(item.getElementsByTagName('span'))) {
    if (WORD_LIST_MARKER.test(span.getAttribute('style') ?? '')) return span.textContent ?? '';
  }
  return '';
}

/** The address a link goes to, out of Google's redirect. */
function linkTarget(href: string): string {
  const redirect = GOOGLE_REDIRECT.exec(href);
  if (!redirect) return href;
  try {
    return decodeURIComponent(redirect[1]);
  } catch {
    return href;
  }
}

/**
 * Descriptions already converted. A series' moved meetings repeat its description, and teams
 * send the same agenda every week: turndown takes about 0.17 ms for one of a few hundred bytes.
 */
const converted = new Map<string, string>();
/** About 4 MB of strings at most, whatever the descriptions' sizes. */
const MAX_REMEMBERED_CHARS = 2_000_000;
let rememberedChars = 0;

/**
 * A calendar description as the Markdown notes are written in: HTML (bold, lists, links) turned
 * into its Markdown, so the notes read as they did in the calendar, not as tags and `&nbsp;`.
 * Plain text is returned as it is, but for its character references ("&amp;"). Line ends in an
 * HTML description stay line ends: Google appends its Meet block as plain lines after the HTML.
 */
export function descriptionAsNotes(description: string): string {
  if (!HTML_TAG.test(description)) {
    return ENTITY.test(description) ? decodeHTML(description).replace(/\u00a0/g, ' ') : description;
  }
  // Too much, or nested deeper than turndown's recursion goes: the HTML is kept as it is.
  return remembered(description, true) ?? description;
}

/**
 * An event's body in HTML alone (Outlook's X-ALT-DESC, where the plain copy is missing) as
 * notes: a whole document, whose line ends are layout. Nothing when it cannot be converted:
 * a document's tags are no notes.
 */
export function htmlBodyAsNotes(html: string): string {
  return remembered(html, false) ?? '';
}

/** The conversion, from the descriptions already converted when it is there; null when refused. */
function remembered(html: string, lineEnds: boolean): string | null {
  if (tooMuchToConvert(html)) return null;
  // The same HTML read as a body converts otherwise (its line ends are layout).
  const key = lineEnds ? html : `\u0000${html}`;
  const known = converted.get(key);
  if (known !== undefined) return known;
  const notes = convert(html, lineEnds);
  if (notes === null) return null;
  rememberedChars += html.length + notes.length;
  if (rememberedChars > MAX_REMEMBERED_CHARS) {
    converted.clear();
    rememberedChars = html.length + notes.length;
  }
  converted.set(key, notes);
  return notes;
}

/** The HTML's Markdown; `lineEnds` keeps its line ends as breaks. Null when turndown fails. */
function convert(html: string, lineEnds: boolean): string | null {
  converter ??= makeConverter();
  let markdown: string;
  try {
    markdown = converter.turndown(lineEnds ? html.replace(/\r\n|\r|\n/g, '<br>') : html);
  } catch {
    return null;
  }
  return (
    markdown
      .replace(/\u00a0/g, ' ')
      // Turndown pads a list marker to four columns; one space reads as people write lists.
      .replace(/^([ \t]*(?:-|\d+\.)) {2,}/gm, '$1 ')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
