import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { InteractionKind } from '../../shared/journal/kinds';
import type { SearchResults, SnippetPart } from '../../shared/journal/views';
import { toPrefixQuery } from './ftsQuery';
import { withoutMarks } from '../journal/plainNotes';

// Control characters cannot occur in FTS tokens, so they mark matches unambiguously.
const open = '\u0001';
const close = '\u0002';

/** A snippet cut inside a link: what shows of its target goes, its text stays. */
function withoutCutLinks(snippet: string): string {
  return snippet
    .replace(/^([^[\]\n]*)\]\([^)\s]*\)/, '$1')
    .replace(/\[([^\]\n]*)\]\([^)\s]*$/, '$1…')
    .replace(/\[([^\]\n]*)$/, '$1');
}

/** Splits an FTS5 snippet into plain and matched runs, its Markdown read as plain text. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const clean = withoutMarks(withoutCutLinks(snippet));
  for (const chunk of clean.split(open)) {
    const end = chunk.indexOf(close);
    if (end === -1) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    if (end > 0) parts.push({ text: chunk.slice(0, end), hit: true });
    const rest = chunk.slice(end + 1).replaceAll(close, '');
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/**
 * Contacts and journal entries matching every word (the last as a prefix), ignoring case
 * and accents. Contacts rank by FTS5's bm25; entries are the most recent matches, which
 * is what someone searching a journal wants and stays fast when a word is everywhere.
 */
export async function searchAll(db: Kysely<Database>, text: string, limit: number): Promise<SearchResults> {
  const match = toPrefixQuery(text);
  if (match === null) return { contacts: [], interactions: [] };
  const [contacts, interactions] = await Promise.all([
    sql<{ id: number; display_name: string; organisation: string | null; snip: string }>`
      SELECT c.id, c.display_name, c.organisation, s.snip FROM (
        SELECT rowid, snippet(contacts_fts, -1, ${open}, ${close}, '…', 10) AS snip, rank
        FROM contacts_fts WHERE contacts_fts MATCH ${match} ORDER BY rank LIMIT ${limit}
      ) s JOIN contacts c ON c.id = s.rowid ORDER BY c.archived, s.rank`.execute(db),
    sql<{
      id: number;
      kind: string;
      title: string;
      starts_at: string;
      all_day: number;
      snip: string;
      names: string | null;
    }>`
      SELECT i.id, i.kind, i.title, i.starts_at, i.all_day, s.snip,
        (SELECT group_concat(display_name, char(31)) FROM (
          SELECT c.display_name FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id
          WHERE p.interaction_id = i.id ORDER BY p.role = 'mentioned', c.display_name LIMIT 4)) AS names
      FROM (
        SELECT rowid, snippet(interactions_fts, -1, ${open}, ${close}, '…', 12) AS snip
        FROM interactions_fts WHERE interactions_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}
      ) s JOIN interactions i ON i.id = s.rowid ORDER BY i.starts_at DESC`.execute(db),
  ]);
  return {
    contacts: contacts.rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      organisation: r.organisation,
      snippet: snippetParts(r.snip),
    })),
    interactions: interactions.rows.map((r) => ({
      id: r.id,
      kind: r.kind as InteractionKind,
      title: r.title,
      startsAt: r.starts_at,
      allDay: r.all_day === 1,
      participants: r.names ? r.names.split('\u001f') : [],
      snippet: snippetParts(r.snip),
    })),
  };
}
