import { nameKeys, phoneKey } from '../duplicates/find';
import { normalizePhone } from '../contacts/repository';
import type {
  ContactAction,
  ContactDecision,
  ContactsPreview,
  FieldChange,
  IncomingContact,
  MatchKind,
  ParsedContacts,
  PreviewItem,
  SkippedRow,
} from '../../shared/interop/types';
import type { ExistingContact, ExistingIndex } from './existing';
import { urlKey } from './incoming';
import { isJobChange } from '../../shared/contacts/jobChange';
import { labelKey } from '../../shared/contacts/labels';

/**
 * Matching and diffing, pure over a snapshot of the stored contacts. Order of evidence:
 * LinkedIn files match the profile address first, then email, then name plus company;
 * other files match email, then phone, then web address, then name. Only an exact email
 * (or, for LinkedIn, the same profile) updates by default; weaker matches are proposed
 * for review and create a new contact unless the user merges them.
 */

export interface PlannedItem {
  incoming: IncomingContact;
  preview: PreviewItem;
  /** What an update adds or changes, for the writer. */
  update: ContactUpdate | null;
  /** Emails another stored contact holds: left out of this one (addresses are unique). */
  takenEmails: string[];
}

export interface ContactUpdate {
  scalars: Partial<Record<ScalarField, string>>;
  emails: IncomingContact['emails'];
  phones: IncomingContact['phones'];
  links: IncomingContact['links'];
  tags: string[];
  customFields: IncomingContact['customFields'];
  importantDates: IncomingContact['importantDates'];
  photo: IncomingContact['photo'];
}

type ScalarField =
  'given_name' | 'family_name' | 'organisation' | 'title' | 'location' | 'notes' | 'birthday';

const scalarFields: Array<[ScalarField, keyof IncomingContact & keyof ExistingContact, string]> = [
  ['given_name', 'givenName', 'First name'],
  ['family_name', 'familyName', 'Last name'],
  ['organisation', 'organisation', 'Organisation'],
  ['title', 'title', 'Title'],
  ['location', 'location', 'Location'],
  ['notes', 'notes', 'Notes'],
  ['birthday', 'birthday', 'Birthday'],
];

const strongMatches: ReadonlySet<MatchKind> = new Set(['email', 'linkedin']);

function findMatch(
  c: IncomingContact,
  index: ExistingIndex,
  linkedIn: boolean,
): { contactId: number; by: MatchKind } | null {
  const byEmail = () => {
    for (const e of c.emails) {
      const id = index.byEmail.get(e.email);
      if (id !== undefined) return { contactId: id, by: 'email' as const };
    }
    return null;
  };
  const byUrl = (kind: 'linkedin' | 'url') => {
    for (const l of c.links) {
      if ((kind === 'linkedin') !== (l.kind === 'linkedin')) continue;
      const id = index.byUrl.get(urlKey(l.url));
      if (id !== undefined) return { contactId: id, by: kind };
    }
    return null;
  };
  const byPhone = () => {
    for (const p of c.phones) {
      const key = phoneKey(normalizePhone(p.phone));
      const id = key ? index.byPhone.get(key) : undefined;
      if (id !== undefined) return { contactId: id, by: 'phone' as const };
    }
    return null;
  };
  const byName = () => {
    const ids = [...new Set(nameKeys(c.displayName).flatMap((key) => index.byName.get(key) ?? []))];
    if (ids.length === 0) return null;
    const org = c.organisation?.toLowerCase();
    const sameOrg = org
      ? ids.find((id) => index.contacts.get(id)?.organisation?.toLowerCase() === org)
      : undefined;
    if (sameOrg !== undefined) return { contactId: sameOrg, by: 'name_company' as const };
    // Without a company to confirm, a shared name is only a suggestion for non-LinkedIn files.
    return linkedIn ? null : { contactId: ids[0], by: 'name' as const };
  };
  if (linkedIn) return byUrl('linkedin') ?? byEmail() ?? byName();
  return byEmail() ?? byUrl('linkedin') ?? byPhone() ?? byUrl('url') ?? byName();
}

const differs = (a: string | null, b: string | null) =>
  (a ?? '').trim().toLowerCase() !== (b ?? '').trim().toLowerCase();

/**
 * What merging `c` into `existing` would change: fills empty fields and adds new list items.
 * Where the file says another organisation or title than Rapport has, LinkedIn's is taken (it is
 * the authority on where someone works now) and recorded as a job change; another file's only when
 * `takeRole` (the user ticked it: the file may be older than what they know), else it is offered.
 */
export function diffContact(
  c: IncomingContact,
  existing: ExistingContact,
  index: ExistingIndex,
  linkedIn: boolean,
  takeRole = false,
): {
  update: ContactUpdate;
  changes: FieldChange[];
  takenEmails: string[];
  jobChange: PreviewItem['jobChange'];
  roleInFile: PreviewItem['roleInFile'];
} {
  const update: ContactUpdate = {
    scalars: {},
    emails: [],
    phones: [],
    links: [],
    tags: [],
    customFields: [],
    importantDates: [],
    photo: null,
  };
  const changes: FieldChange[] = [];
  const take = linkedIn || takeRole;
  for (const [column, key, label] of scalarFields) {
    const incoming = c[key] as string | null;
    const current = existing[key] as string | null;
    if (incoming === null) continue;
    const overwrite = take && (column === 'organisation' || column === 'title');
    if (current === null || (overwrite && differs(current, incoming))) {
      update.scalars[column] = incoming;
      changes.push({ field: label, from: current, to: incoming });
    }
  }
  const takenEmails: string[] = [];
  for (const e of c.emails) {
    const owner = index.byEmail.get(e.email);
    if (owner === existing.id) continue;
    if (owner !== undefined) {
      takenEmails.push(e.email);
      continue;
    }
    update.emails.push(e);
    changes.push({ field: 'Email', from: null, to: e.email });
  }
  for (const p of c.phones) {
    const key = phoneKey(normalizePhone(p.phone));
    if (key && existing.phoneKeys.has(key)) continue;
    update.phones.push(p);
    changes.push({ field: 'Phone', from: null, to: p.phone });
  }
  for (const l of c.links) {
    if (existing.urlKeys.has(urlKey(l.url))) continue;
    update.links.push(l);
    changes.push({ field: 'Link', from: null, to: l.url });
  }
  for (const t of c.tags) {
    if (existing.tags.has(t.toLowerCase())) continue;
    update.tags.push(t);
    changes.push({ field: 'Tag', from: null, to: t });
  }
  // Like an empty field, a label the contact lacks is filled; a value the user has is theirs.
  for (const f of c.customFields) {
    if (existing.customFieldKeys.has(labelKey(f.label))) continue;
    update.customFields.push(f);
    changes.push({ field: f.label, from: null, to: f.value });
  }
  // The same for an important date: a label the contact has keeps the user's day.
  for (const d of c.importantDates) {
    if (existing.importantDateKeys.has(labelKey(d.label))) continue;
    update.importantDates.push(d);
    changes.push({ field: d.label, from: null, to: d.date });
  }
  if (c.photo && !existing.hasPhoto) {
    update.photo = c.photo;
    changes.push({ field: 'Photo', from: null, to: c.photo.mime });
  }
  // What the file leaves out stays as stored: a file without an organisation is not news of leaving.
  const inFile = { organisation: c.organisation ?? existing.organisation, title: c.title ?? existing.title };
  const roleChanged = isJobChange(existing, inFile);
  const jobChange = take && roleChanged ? { from: existing.organisation, to: inFile.organisation } : null;
  const roleInFile =
    !linkedIn && roleChanged
      ? { from: { organisation: existing.organisation, title: existing.title }, to: inFile }
      : null;
  return { update, changes, takenEmails, jobChange, roleInFile };
}

/** Rows repeating an email or profile of an earlier row in the same file are duplicates. */
function inFileKeys(c: IncomingContact): string[] {
  return [
    ...c.emails.map((e) => `email:${e.email}`),
    ...c.links.filter((l) => l.kind === 'linkedin').map((l) => `url:${urlKey(l.url)}`),
  ];
}

export interface Plan {
  items: PlannedItem[];
  skipped: SkippedRow[];
}

export function planImport(
  parsed: ParsedContacts,
  index: ExistingIndex,
  decisions: ContactDecision[] = [],
  /** Rows whose other organisation or title the user chose to take (`PreviewItem.roleInFile`). */
  takeRoles: ReadonlySet<number> = new Set(),
): Plan {
  const linkedIn = parsed.format === 'linkedin';
  const chosen = new Map(decisions.map((d) => [d.row, d]));
  const seen = new Map<string, number>();
  /** The row that updates each stored contact: one import changes a contact once (its undo keeps one snapshot). */
  const updating = new Map<number, number>();
  const skipped: SkippedRow[] = [...parsed.skipped];
  const items: PlannedItem[] = [];
  for (const c of parsed.contacts) {
    const keys = inFileKeys(c);
    const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
    if (earlier !== undefined) {
      skipped.push({
        row: c.row,
        reason: 'duplicate_in_file',
        message: `${c.displayName} repeats row ${earlier}.`,
      });
      continue;
    }
    for (const k of keys) seen.set(k, c.row);

    const decision = chosen.get(c.row);
    let match = findMatch(c, index, linkedIn);
    if (decision?.contactId !== undefined && index.contacts.has(decision.contactId)) {
      match = {
        contactId: decision.contactId,
        by: match?.contactId === decision.contactId ? match.by : 'name',
      };
    }
    const existing = match ? index.contacts.get(match.contactId) : undefined;
    const defaultAction: ContactAction =
      existing && match && strongMatches.has(match.by) ? 'update' : 'create';
    let action: ContactAction = decision?.action ?? defaultAction;
    if (action === 'update' && !existing) action = 'create';
    if (action === 'update' && existing) {
      // Two rows for one person (each with another of their addresses) that the file did not tell apart.
      const other = updating.get(existing.id);
      if (other !== undefined) {
        skipped.push({
          row: c.row,
          reason: 'duplicate_in_file',
          message: `${c.displayName} is ${existing.displayName} again, whom row ${other} updates.`,
        });
        continue;
      }
      updating.set(existing.id, c.row);
    }

    let update: ContactUpdate | null = null;
    let changes: FieldChange[] = [];
    let takenEmails: string[] = [];
    let jobChange: PreviewItem['jobChange'] = null;
    let roleInFile: PreviewItem['roleInFile'] = null;
    if (existing && action === 'update') {
      ({ update, changes, takenEmails, jobChange, roleInFile } = diffContact(
        c,
        existing,
        index,
        linkedIn,
        takeRoles.has(c.row),
      ));
    } else if (action === 'create') {
      takenEmails = c.emails.filter((e) => index.byEmail.has(e.email)).map((e) => e.email);
    }
    items.push({
      incoming: c,
      update,
      takenEmails,
      preview: {
        row: c.row,
        displayName: c.displayName,
        organisation: c.organisation,
        title: c.title,
        emails: c.emails.map((e) => e.email),
        match:
          existing && match
            ? { contactId: existing.id, displayName: existing.displayName, by: match.by }
            : null,
        action,
        changes,
        jobChange,
        roleInFile,
      },
    });
  }
  return { items, skipped: skipped.sort((a, b) => a.row - b.row) };
}

export function isReview(item: PreviewItem): boolean {
  return item.match !== null && !strongMatches.has(item.match.by);
}

export function previewOf(
  parsed: ParsedContacts & { sha256: string },
  plan: Plan,
): Omit<ContactsPreview, 'previewId'> {
  const counts = { create: 0, update: 0, unchanged: 0, review: 0, skipped: plan.skipped.length };
  for (const { preview } of plan.items) {
    if (isReview(preview)) counts.review++;
    if (preview.action === 'create') counts.create++;
    else if (preview.action === 'update' && (preview.changes.length > 0 || preview.jobChange))
      counts.update++;
    else if (preview.action === 'update') counts.unchanged++;
    else counts.skipped++;
  }
  return {
    fileName: parsed.fileName,
    sha256: parsed.sha256,
    format: parsed.format,
    encoding: parsed.encoding,
    total: parsed.contacts.length + parsed.skipped.length,
    counts,
    items: plan.items.map((i) => i.preview),
    skipped: plan.skipped,
    warnings: parsed.warnings,
  };
}
