import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type {
  Circle,
  Contact,
  ContactFacets,
  ContactFields,
  ContactSortKey,
  ContactSummary,
  LinkKind,
} from '../../shared/contacts/schemas';
import {
  MAX_FIELD_VALUE_FACETS,
  MAX_LOCATION_FACETS,
  type contactListInput,
  type CustomField,
} from '../../shared/contacts/schemas';
import type { z } from 'zod';
import { toPrefixQuery } from '../search/ftsQuery';
import { normalizeEmail } from '../../shared/text/email';
import { nocaseKey } from '../../shared/text/nocase';
import { upsertTagIds } from '../tags/repository';
import { cityKeySql, citySql } from './city';
import { organisationSpellings } from './organisationSpellings';
import { photoVersionOf } from './photoVersion';
import { cityKey } from '../../shared/contacts/location';
import type { ImportantDate } from '../../shared/contacts/importantDates';
import { labelKey, tidyLabel } from '../../shared/contacts/labels';
import { organisationKey } from '../../shared/contacts/career';

type Db = Kysely<Database> | Transaction<Database>;
type ListQuery = z.output<typeof contactListInput>;

const emptyToNull = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value.trim();

export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}

/** Which contact, if any other than `exceptId`, already holds each address. */
export async function findEmailOwners(
  db: Db,
  emails: string[],
  exceptId?: number,
): Promise<Array<{ email: string; contactId: number; displayName: string }>> {
  if (emails.length === 0) return [];
  let query = db
    .selectFrom('contact_emails as e')
    .innerJoin('contacts as c', 'c.id', 'e.contact_id')
    .select(['e.email', 'e.contact_id as contactId', 'c.display_name as displayName'])
    .where('e.email', 'in', emails.map(normalizeEmail));
  if (exceptId !== undefined) query = query.where('e.contact_id', '!=', exceptId);
  return query.execute();
}

/**
 * Replaces a contact's circles, emails, phones, links and tags with the given lists, and its
 * custom fields when given (left out, they stay as they are).
 */
async function writeContactLists(db: Db, contactId: number, fields: ContactFields): Promise<void> {
  await db.deleteFrom('contact_circles').where('contact_id', '=', contactId).execute();
  await db.deleteFrom('contact_emails').where('contact_id', '=', contactId).execute();
  await db.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
  await db.deleteFrom('contact_links').where('contact_id', '=', contactId).execute();
  await db.deleteFrom('contact_tags').where('contact_id', '=', contactId).execute();

  const circles = [...new Set(fields.circles)];
  if (circles.length > 0) {
    await db
      .insertInto('contact_circles')
      .values(circles.map((circle) => ({ contact_id: contactId, circle })))
      .execute();
  }
  const emails = [...new Map(fields.emails.map((e) => [normalizeEmail(e.email), e])).entries()];
  if (emails.length > 0) {
    await db
      .insertInto('contact_emails')
      .values(
        emails.map(([email, e], position) => ({
          contact_id: contactId,
          email,
          label: emptyToNull(e.label),
          position,
        })),
      )
      .execute();
  }
  if (fields.phones.length > 0) {
    await db
      .insertInto('contact_phones')
      .values(
        fields.phones.map((p, position) => ({
          contact_id: contactId,
          phone: p.phone,
          normalized: normalizePhone(p.phone),
          label: emptyToNull(p.label),
          position,
        })),
      )
      .execute();
  }
  if (fields.links.length > 0) {
    await db
      .insertInto('contact_links')
      .values(
        fields.links.map((l, position) => ({ contact_id: contactId, kind: l.kind, url: l.url, position })),
      )
      .execute();
  }
  const tagIds = await upsertTagIds(db, fields.tags);
  if (tagIds.length > 0) {
    await db
      .insertInto('contact_tags')
      .values(tagIds.map((tag_id) => ({ contact_id: contactId, tag_id })))
      .execute();
  }
  if (fields.customFields !== undefined) await writeCustomFields(db, contactId, fields.customFields);
  if (fields.importantDates !== undefined) await writeImportantDates(db, contactId, fields.importantDates);
}

async function writeImportantDates(db: Db, contactId: number, dates: ImportantDate[]): Promise<void> {
  await db.deleteFrom('contact_important_dates').where('contact_id', '=', contactId).execute();
  if (dates.length === 0) return;
  await db
    .insertInto('contact_important_dates')
    .values(
      dates.map((d, position) => ({
        contact_id: contactId,
        label: tidyLabel(d.label),
        date: d.date,
        position,
      })),
    )
    .execute();
}

async function writeCustomFields(db: Db, contactId: number, fields: CustomField[]): Promise<void> {
  await db.deleteFrom('contact_custom_fields').where('contact_id', '=', contactId).execute();
  if (fields.length === 0) return;
  await db
    .insertInto('contact_custom_fields')
    .values(
      fields.map((f, position) => ({
        contact_id: contactId,
        label: tidyLabel(f.label),
        value: f.value.trim(),
        position,
      })),
    )
    .execute();
}

function scalarColumns(fields: ContactFields) {
  return {
    display_name: fields.displayName.trim(),
    given_name: emptyToNull(fields.givenName),
    family_name: emptyToNull(fields.familyName),
    organisation: emptyToNull(fields.organisation),
    title: emptyToNull(fields.title),
    how_we_met: emptyToNull(fields.howWeMet),
    notes: emptyToNull(fields.notes),
    cadence_days: fields.cadenceDays ?? null,
    ...(fields.birthday === undefined ? {} : { birthday: fields.birthday }),
    ...(fields.location === undefined ? {} : { location: emptyToNull(fields.location ?? undefined) }),
  };
}

export async function insertContact(db: Db, fields: ContactFields, now: string): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({ ...scalarColumns(fields), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeContactLists(db, row.id, fields);
  return row.id;
}

export async function updateContact(
  db: Db,
  id: number,
  fields: ContactFields,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ ...scalarColumns(fields), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await writeContactLists(db, id, fields);
  return true;
}

export async function setArchived(db: Db, id: number, archived: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ archived: archived ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteContact(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function contactExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function getContact(db: Db, id: number): Promise<Contact | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [circles, emails, phones, links, tags, customFields, importantDates, photo] = await Promise.all([
    db
      .selectFrom('contact_circles')
      .select('circle')
      .where('contact_id', '=', id)
      .orderBy('circle')
      .execute(),
    db
      .selectFrom('contact_emails')
      .select(['email', 'label'])
      .where('contact_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_phones')
      .select(['phone', 'label'])
      .where('contact_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_links')
      .select(['kind', 'url'])
      .where('contact_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_tags as ct')
      .innerJoin('tags as t', 't.id', 'ct.tag_id')
      .select('t.name')
      .where('ct.contact_id', '=', id)
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('contact_custom_fields')
      .select(['label', 'value'])
      .where('contact_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('contact_important_dates')
      .select(['label', 'date'])
      .where('contact_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db.selectFrom('contact_photos').select('updated_at').where('contact_id', '=', id).executeTakeFirst(),
  ]);
  return {
    id: row.id,
    displayName: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    organisation: row.organisation,
    title: row.title,
    howWeMet: row.how_we_met,
    notes: row.notes,
    cadenceDays: row.cadence_days,
    birthday: row.birthday,
    location: row.location,
    archived: row.archived === 1,
    circles: circles.map((c) => c.circle as Circle),
    emails,
    phones,
    links: links.map((l) => ({ kind: l.kind as LinkKind, url: l.url })),
    tags: tags.map((t) => t.name),
    customFields,
    importantDates,
    photo: photo?.updated_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A list row as the database has it; the strength model adds `strength` (contacts/list.ts). */
export type ContactRow = Omit<ContactSummary, 'strength'>;

/** The orders the database can give: strength and last contact come from the strength model. */
export const sqlSortKeys = ['name', 'organisation', 'updated', 'created'] as const;
export type SqlSortKey = (typeof sqlSortKeys)[number];

export function isSqlSort(key: ContactSortKey): key is SqlSortKey {
  return (sqlSortKeys as readonly string[]).includes(key);
}

const sortColumns: Record<SqlSortKey, RawBuilder<unknown>> = {
  name: sql`c.display_name COLLATE NOCASE`,
  organisation: sql`coalesce(c.organisation, '') COLLATE NOCASE`,
  updated: sql`c.updated_at`,
  created: sql`c.created_at`,
};

type ListFilters = Pick<
  ListQuery,
  'query' | 'circle' | 'tag' | 'organisation' | 'formerToo' | 'city' | 'field' | 'archived'
>;

/** The contacts matching the filters, or null when the search text or organisation can match nothing. */
async function matching(db: Db, query: ListFilters) {
  const match = query.query ? toPrefixQuery(query.query) : null;
  if (query.query && match === null) return null;
  let spellings: RawBuilder<unknown> | null = null;
  if (query.organisation) {
    const matched = await organisationSpellings(db, [query.organisation], query.formerToo ?? false);
    if (matched.length === 0) return null;
    spellings = sql.join(matched);
  }

  let labels: RawBuilder<unknown> | null = null;
  if (query.field) {
    // The label's spellings in use, compared as the form compares them (a few distinct labels in all).
    const key = labelKey(query.field.label);
    const stored = await db.selectFrom('contact_custom_fields').select('label').distinct().execute();
    const matched = stored.map((r) => r.label).filter((label) => labelKey(label) === key);
    if (matched.length === 0) return null;
    labels = sql.join(matched);
  }

  let base = db.selectFrom('contacts as c').where('c.archived', '=', query.archived ? 1 : 0);
  if (match !== null) {
    base = base.where(
      'c.id',
      'in',
      sql<number>`(SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${match})`,
    );
  }
  if (query.circle) {
    const circle = query.circle;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contact_circles as cc')
          .select(sql`1`.as('one'))
          .whereRef('cc.contact_id', '=', 'c.id')
          .where('cc.circle', '=', circle),
      ),
    );
  }
  if (query.tag) {
    const tag = query.tag;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contact_tags as ct')
          .innerJoin('tags as t', 't.id', 'ct.tag_id')
          .select(sql`1`.as('one'))
          .whereRef('ct.contact_id', '=', 'c.id')
          .where('t.name', '=', tag),
      ),
    );
  }
  if (labels !== null && query.field) {
    const value = query.field.value;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contact_custom_fields as f')
          .select(sql`1`.as('one'))
          .whereRef('f.contact_id', '=', 'c.id')
          .where(sql<boolean>`f.label IN (${labels}) AND f.value = ${value} COLLATE NOCASE`),
      ),
    );
  }
  if (spellings !== null) {
    const there = sql<boolean>`c.organisation COLLATE NOCASE IN (${spellings})`;
    // The role a recorded job change ended (`previous_roles`) says where they were.
    const wasThere = sql<boolean>`EXISTS (SELECT 1 FROM interaction_participants p
      JOIN previous_roles r ON r.interaction_id = p.interaction_id
      WHERE p.contact_id = c.id AND r.organisation COLLATE NOCASE IN (${spellings}))`;
    base = base.where(query.formerToo ? sql<boolean>`(${there} OR ${wasThere})` : there);
  }
  if (query.city) {
    base = base.where(sql<boolean>`${sql.raw(cityKeySql('c.location'))} = ${cityKey(query.city)}`);
  }
  return base;
}

type Matching = NonNullable<Awaited<ReturnType<typeof matching>>>;

function orderBy(base: Matching, sort: SqlSortKey, direction: 'asc' | 'desc') {
  return base
    .orderBy(sql`${sortColumns[sort]} ${direction === 'desc' ? sql`DESC` : sql`ASC`}`)
    .orderBy('c.id');
}

function selectRows(base: Matching) {
  return base.select([
    'c.id',
    'c.display_name',
    'c.organisation',
    'c.title',
    'c.location',
    'c.archived',
    'c.updated_at',
    sql<string | null>`(SELECT group_concat(circle) FROM contact_circles WHERE contact_id = c.id)`.as(
      'circles',
    ),
    sql<
      string | null
    >`(SELECT email FROM contact_emails WHERE contact_id = c.id ORDER BY position LIMIT 1)`.as(
      'primary_email',
    ),
    photoVersionOf('c.id').as('photo'),
  ]);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function toContactRow(r: SelectedRow): ContactRow {
  return {
    id: r.id,
    displayName: r.display_name,
    organisation: r.organisation,
    title: r.title,
    location: r.location,
    circles: r.circles ? (r.circles.split(',').sort() as Circle[]) : [],
    primaryEmail: r.primary_email,
    archived: r.archived === 1,
    updatedAt: r.updated_at,
    photo: r.photo,
  };
}

/** One page of contacts matching the filters in a database order, with the total for the scroll height. */
export async function listContacts(
  db: Db,
  query: ListFilters & Pick<ListQuery, 'direction' | 'offset' | 'limit'> & { sort: SqlSortKey },
): Promise<{ items: ContactRow[]; total: number; offset: number }> {
  const base = await matching(db, query);
  if (base === null) return { items: [], total: 0, offset: query.offset };
  const [rows, count] = await Promise.all([
    selectRows(orderBy(base, query.sort, query.direction))
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toContactRow), total: count.n, offset: query.offset };
}

/** The ids of every contact matching the filters, in a database order (for orders kept in memory). */
export async function listMatchingIds(
  db: Db,
  query: ListFilters,
  sort: SqlSortKey,
  direction: 'asc' | 'desc',
): Promise<number[]> {
  const base = await matching(db, query);
  if (base === null) return [];
  const rows = await orderBy(base, sort, direction).select('c.id').execute();
  return rows.map((r) => r.id);
}

/** List rows of the given contacts, in the order given (ids that do not exist are left out). */
export async function contactRows(db: Db, ids: readonly number[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectRows(db.selectFrom('contacts as c').where('c.id', 'in', ids)).execute();
  const byId = new Map(rows.map((r) => [r.id, toContactRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listFacets(db: Db): Promise<ContactFacets> {
  const city = sql<string>`${sql.raw(citySql('location'))}`;
  const [orgs, tags, cities, locations, fields, dateLabels] = await Promise.all([
    // Where people work, and where the job changes on their timelines say they worked.
    db
      .selectFrom(
        db
          .selectFrom('contacts')
          .select('organisation')
          .where('organisation', 'is not', null)
          .unionAll(
            db.selectFrom('previous_roles').select('organisation').where('organisation', 'is not', null),
          )
          .as('o'),
      )
      .select(['o.organisation as text', sql<number>`count(*)`.as('n')])
      .groupBy('o.organisation')
      .execute(),
    db
      .selectFrom('tags')
      .select('name')
      .orderBy(sql`name COLLATE NOCASE`)
      .execute(),
    db
      .selectFrom('contacts')
      .select([city.as('text'), sql<number>`count(*)`.as('n')])
      .where('location', 'is not', null)
      .where(city, '!=', '')
      .groupBy(city)
      .execute(),
    db
      .selectFrom('contacts')
      .select(['location', sql<number>`count(*)`.as('n')])
      .where('location', 'is not', null)
      .groupBy('location')
      .orderBy('n', 'desc')
      .orderBy(sql`location COLLATE NOCASE`)
      .limit(MAX_LOCATION_FACETS)
      .execute(),
    db
      .selectFrom('contact_custom_fields')
      .select(['label', 'value', sql<number>`count(*)`.as('n')])
      .groupBy(['label', 'value'])
      .execute(),
    db
      .selectFrom('contact_important_dates')
      .select(['label as text', sql<number>`count(*)`.as('n')])
      .groupBy('label')
      .execute(),
  ]);
  return {
    // One spelling per organisation (as the list's filter matches them) and per city.
    organisations: mostWritten(orgs as Array<{ text: string; n: number }>, organisationKey),
    tags: tags.map((t) => t.name),
    cities: mostWritten(cities, cityKey),
    locations: locations.map((l) => l.location as string),
    ...customFieldFacets(fields),
    importantDateLabels: mostWritten(dateLabels, labelKey),
  };
}

/**
 * The labels in use, one spelling each, and for each the values it holds (case aside), the most
 * written first: what the contact form offers and what the list filters by.
 */
function customFieldFacets(
  rows: ReadonlyArray<{ label: string; value: string; n: number }>,
): Pick<ContactFacets, 'customFieldLabels' | 'customFieldValues'> {
  const labelCounts = new Map<string, number>();
  const values = new Map<string, Map<string, { text: string; n: number }>>();
  for (const { label, value, n } of rows) {
    labelCounts.set(label, (labelCounts.get(label) ?? 0) + n);
    const key = labelKey(label);
    const byValue = values.get(key) ?? new Map<string, { text: string; n: number }>();
    values.set(key, byValue);
    // Told apart as the list's filter tells them.
    const valueKey = nocaseKey(value);
    const seen = byValue.get(valueKey);
    if (seen) seen.n += n;
    else byValue.set(valueKey, { text: value, n });
  }
  const labels = mostWritten(
    [...labelCounts].map(([text, n]) => ({ text, n })),
    labelKey,
  );
  return {
    customFieldLabels: labels,
    customFieldValues: labels.map((label) => ({
      label,
      values: [...(values.get(labelKey(label))?.values() ?? [])]
        .sort((a, b) => b.n - a.n || a.text.localeCompare(b.text))
        .slice(0, MAX_FIELD_VALUE_FACETS)
        .map((v) => ({ value: v.text, count: v.n })),
    })),
  };
}

/**
 * One spelling per `key`, the one written most often (ties: the first in code order), in
 * alphabetical order for a menu.
 */
function mostWritten(
  rows: ReadonlyArray<{ text: string; n: number }>,
  key: (text: string) => string | null,
): string[] {
  const best = new Map<string, { text: string; n: number }>();
  for (const row of rows) {
    const k = key(row.text);
    if (k === null) continue;
    const seen = best.get(k);
    if (!seen || row.n > seen.n || (row.n === seen.n && row.text < seen.text)) best.set(k, row);
  }
  return [...best.values()].map((r) => r.text).sort((a, b) => a.localeCompare(b));
}
