import type BetterSqlite3 from 'better-sqlite3';
import { relationshipLabel, type RelationshipKind } from '../../shared/relationships/kinds';
import { endedRole, type RecordedJobChange } from '../../shared/contacts/career';

/** Every contact with its lists, read in a few bulk queries (exports of 10,000 stay well under a second). */
export interface ExportContact {
  id: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  organisation: string | null;
  title: string | null;
  location: string | null;
  howWeMet: string | null;
  notes: string | null;
  birthday: string | null;
  cadenceDays: number | null;
  archived: boolean;
  updatedAt: string;
  circles: string[];
  emails: Array<{ email: string; label: string | null }>;
  phones: Array<{ phone: string; label: string | null }>;
  links: Array<{ kind: string; url: string }>;
  tags: string[];
  customFields: Array<{ label: string; value: string }>;
  /** `YYYY-MM-DD`, or `--MM-DD` without the year, in the user's order. */
  importantDates: Array<{ label: string; date: string }>;
  /** Read from this contact's end: "Reports to Tomás Herrera". */
  relationships: Array<{ label: string; name: string; note: string }>;
  /** Open ones by due day, then done ones. */
  followUps: Array<{ text: string; dueOn: string | null; doneAt: string | null }>;
  /** The job changes on their timeline, for their career (`careerSteps`). */
  jobChanges: RecordedJobChange[];
  photo: { mime: string; data: Buffer } | null;
}

export function loadContactsForExport(sqlite: BetterSqlite3.Database, withPhotos = true): ExportContact[] {
  const byId = new Map<number, ExportContact>();
  const rows = sqlite
    .prepare(
      `SELECT id, display_name, given_name, family_name, organisation, title, how_we_met, notes, birthday, cadence_days, archived, updated_at, location
       FROM contacts ORDER BY display_name COLLATE NOCASE, id`,
    )
    .raw(true)
    .all() as Array<
    [
      number,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      number | null,
      number,
      string,
      string | null,
    ]
  >;
  for (const r of rows) {
    byId.set(r[0], {
      id: r[0],
      displayName: r[1],
      givenName: r[2],
      familyName: r[3],
      organisation: r[4],
      title: r[5],
      howWeMet: r[6],
      notes: r[7],
      birthday: r[8],
      cadenceDays: r[9],
      archived: r[10] === 1,
      updatedAt: r[11],
      location: r[12],
      circles: [],
      emails: [],
      phones: [],
      links: [],
      tags: [],
      customFields: [],
      importantDates: [],
      relationships: [],
      followUps: [],
      jobChanges: [],
      photo: null,
    });
  }
  const each = <T extends unknown[]>(sql: string, fn: (c: ExportContact, row: T) => void) => {
    for (const row of sqlite.prepare(sql).raw(true).iterate() as Iterable<T>) {
      const c = byId.get(row[0] as number);
      if (c) fn(c, row);
    }
  };
  each<[number, string]>(
    'SELECT contact_id, circle FROM contact_circles ORDER BY contact_id, circle',
    (c, r) => c.circles.push(r[1]),
  );
  each<[number, string, string | null]>(
    'SELECT contact_id, email, label FROM contact_emails ORDER BY contact_id, position',
    (c, r) => c.emails.push({ email: r[1], label: r[2] }),
  );
  each<[number, string, string | null]>(
    'SELECT contact_id, phone, label FROM contact_phones ORDER BY contact_id, position',
    (c, r) => c.phones.push({ phone: r[1], label: r[2] }),
  );
  each<[number, string, string]>(
    'SELECT contact_id, kind, url FROM contact_links ORDER BY contact_id, position',
    (c, r) => c.links.push({ kind: r[1], url: r[2] }),
  );
  each<[number, string]>(
    'SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id ORDER BY ct.contact_id, t.name',
    (c, r) => c.tags.push(r[1]),
  );
  each<[number, string, string]>(
    'SELECT contact_id, label, value FROM contact_custom_fields ORDER BY contact_id, position, id',
    (c, r) => c.customFields.push({ label: r[1], value: r[2] }),
  );
  each<[number, string, string]>(
    'SELECT contact_id, label, date FROM contact_important_dates ORDER BY contact_id, position, id',
    (c, r) => c.importantDates.push({ label: r[1], date: r[2] }),
  );
  for (const side of ['from', 'to'] as const) {
    const [own, other] =
      side === 'from' ? ['from_contact_id', 'to_contact_id'] : ['to_contact_id', 'from_contact_id'];
    each<[number, RelationshipKind, string, string]>(
      `SELECT r.${own}, r.kind, c.display_name, r.note FROM relationships r JOIN contacts c ON c.id = r.${other}
       ORDER BY r.${own}, c.display_name COLLATE NOCASE, r.id`,
      (c, r) => c.relationships.push({ label: relationshipLabel(r[1], side), name: r[2], note: r[3] }),
    );
  }
  each<[number, string, string | null, string | null]>(
    `SELECT contact_id, text, due_on, done_at FROM follow_ups
     ORDER BY contact_id, done_at IS NOT NULL, due_on IS NULL, due_on, done_at, id`,
    (c, r) => c.followUps.push({ text: r[1], dueOn: r[2], doneAt: r[3] }),
  );
  each<[number, number, string, string, number, string | null, string | null]>(
    `SELECT p.contact_id, i.id, i.starts_at, i.title, r.interaction_id IS NOT NULL, r.organisation, r.title
     FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id
     LEFT JOIN previous_roles r ON r.interaction_id = i.id
     WHERE i.kind = 'job_change'`,
    (c, r) =>
      c.jobChanges.push({
        interactionId: r[1],
        at: r[2],
        previous: endedRole(r[4] === 1, { organisation: r[5], title: r[6] }, r[3]),
      }),
  );
  if (withPhotos) {
    each<[number, string, Buffer]>('SELECT contact_id, mime, data FROM contact_photos', (c, r) => {
      c.photo = { mime: r[1], data: r[2] };
    });
  }
  return [...byId.values()];
}
