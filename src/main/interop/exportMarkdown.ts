import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interactionKindLabels, type InteractionKind } from '../../shared/journal/kinds';
import { careerRoleText, careerSteps } from '../../shared/contacts/career';
import { loadContactsForExport, type ExportContact } from './exportData';

/**
 * The journal as plain Markdown, one file per contact, entries oldest first, so notes can
 * be read or kept anywhere. Imported text is written as it is: Markdown readers render it.
 */

interface Entry {
  kind: string;
  title: string;
  notes: string;
  location: string | null;
  startsAt: string;
  allDay: boolean;
  durationMinutes: number | null;
  others: string[];
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[đð]/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'contact';
}

function when(e: Entry): string {
  if (e.allDay || e.startsAt.length === 10) return e.startsAt.slice(0, 10);
  return `${e.startsAt.slice(0, 10)} ${e.startsAt.slice(11, 16)} UTC`;
}

export function contactMarkdown(c: ExportContact, entries: Entry[]): string {
  const lines = [`# ${c.displayName}`, ''];
  const role = [c.title, c.organisation].filter(Boolean).join(', ');
  if (role) lines.push(`${role}  `);
  if (c.location) lines.push(`Location: ${c.location}  `);
  if (c.circles.length) lines.push(`Circles: ${c.circles.join(', ')}  `);
  if (c.emails.length) lines.push(`Email: ${c.emails.map((e) => e.email).join(', ')}  `);
  if (c.phones.length) lines.push(`Phone: ${c.phones.map((p) => p.phone).join(', ')}  `);
  for (const l of c.links)
    lines.push(`${l.kind === 'linkedin' ? 'LinkedIn' : l.kind === 'x' ? 'X' : 'Web'}: <${l.url}>  `);
  if (c.tags.length) lines.push(`Tags: ${c.tags.join(', ')}  `);
  if (c.birthday) lines.push(`Birthday: ${c.birthday}  `);
  for (const d of c.importantDates) lines.push(`${d.label}: ${d.date}  `);
  // A value's own lines stay lines of the one field, not paragraphs or headings of the file.
  for (const f of c.customFields) lines.push(`${f.label}: ${f.value.split('\n').join(' / ')}  `);
  for (const r of c.relationships) lines.push(`${r.label} ${r.name}${r.note ? ` (${r.note})` : ''}  `);
  if (c.howWeMet) lines.push('', `**How we met:** ${c.howWeMet}`);
  if (c.notes) lines.push('', '## Notes', '', c.notes);
  const career = careerSteps({ organisation: c.organisation, title: c.title }, c.jobChanges);
  if (career.length) {
    lines.push('', '## Career', '');
    const day = (iso: string | null) => iso?.slice(0, 10);
    for (const step of career) {
      const span =
        step.until === null
          ? `since ${day(step.since)}`
          : step.since
            ? `${day(step.since)} – ${day(step.until)}`
            : `until ${day(step.until)}`;
      lines.push(`- ${careerRoleText(step)}: ${span}`);
    }
  }
  if (c.followUps.length) {
    lines.push('', '## Follow-ups', '');
    for (const f of c.followUps) {
      const when = f.doneAt ? ` (done ${f.doneAt.slice(0, 10)})` : f.dueOn ? ` (due ${f.dueOn})` : '';
      lines.push(`- [${f.doneAt ? 'x' : ' '}] ${f.text}${when}`);
    }
  }
  lines.push('', '## Journal', '');
  if (entries.length === 0) lines.push('_No entries yet._');
  for (const e of entries) {
    const label = interactionKindLabels[e.kind as InteractionKind] ?? e.kind;
    const minutes = e.durationMinutes ? `, ${e.durationMinutes} min` : '';
    lines.push(`### ${when(e)} · ${label}${e.title ? `: ${e.title}` : ''}`, '');
    const meta = [
      e.location ? `Where: ${e.location}` : '',
      e.others.length ? `With: ${e.others.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    if (meta || minutes) lines.push(`${meta}${minutes}`.replace(/^, /, ''), '');
    if (e.notes) lines.push(e.notes, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Writes `<folder>/<name>-<id>.md` for every contact; returns the number of files and bytes. */
export function writeMarkdownJournal(
  sqlite: BetterSqlite3.Database,
  folder: string,
): { files: number; bytes: number } {
  mkdirSync(folder, { recursive: true });
  const contacts = loadContactsForExport(sqlite, false);
  const names = new Map(contacts.map((c) => [c.id, c.displayName]));
  const byContact = new Map<number, Entry[]>();
  const others = new Map<number, number[]>();
  for (const [interactionId, contactId] of sqlite
    .prepare('SELECT interaction_id, contact_id FROM interaction_participants')
    .raw(true)
    .iterate() as Iterable<[number, number]>) {
    const list = others.get(interactionId);
    if (list) list.push(contactId);
    else others.set(interactionId, [contactId]);
  }
  const rows = sqlite
    .prepare(
      `SELECT p.contact_id, i.id, i.kind, i.title, i.notes, i.location, i.starts_at, i.all_day, i.duration_minutes
       FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id
       ORDER BY p.contact_id, i.starts_at, i.id`,
    )
    .raw(true);
  for (const r of rows.iterate() as Iterable<
    [number, number, string, string, string, string | null, string, number, number | null]
  >) {
    const [contactId, id, kind, title, notes, location, startsAt, allDay, durationMinutes] = r;
    const list = byContact.get(contactId) ?? [];
    if (list.length === 0) byContact.set(contactId, list);
    list.push({
      kind,
      title,
      notes,
      location,
      startsAt,
      allDay: allDay === 1,
      durationMinutes,
      others: (others.get(id) ?? []).filter((o) => o !== contactId).map((o) => names.get(o) ?? `#${o}`),
    });
  }
  let bytes = 0;
  for (const c of contacts) {
    const text = contactMarkdown(c, byContact.get(c.id) ?? []);
    writeFileSync(join(folder, `${slugify(c.displayName)}-${c.id}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: contacts.length, bytes };
}
