import { z } from 'zod';
import type { Layer, Trend } from '../strength/model';
import { layerSchema } from '../strength/schemas';
import { tagName } from '../tags/schemas';
import { birthdaySchema } from './birthday';
import { importantDateList, type ImportantDate } from './importantDates';
import { refuseRepeatedLabels } from './labels';

export const circles = ['colleague', 'mentor', 'sponsor', 'mentee', 'peer', 'friend', 'other'] as const;
export type Circle = (typeof circles)[number];
export const circleSchema = z.enum(circles);

export const linkKinds = ['linkedin', 'x', 'website', 'other'] as const;
export type LinkKind = (typeof linkKinds)[number];

export const contactSortKeys = [
  'name',
  'organisation',
  'updated',
  'created',
  'strength',
  'lastContact',
] as const;
export type ContactSortKey = (typeof contactSortKeys)[number];

const id = z.number().int().positive();
const shortText = (max: number) => z.string().trim().max(max);

export const emailInput = z.strictObject({
  email: z
    .string()
    .trim()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, 'Not an email address'),
  label: shortText(40).optional(),
});

export const phoneInput = z.strictObject({
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+()0-9 .\-/x]+$/i, 'Not a phone number'),
  label: shortText(40).optional(),
});

export const linkInput = z.strictObject({
  kind: z.enum(linkKinds),
  url: z.string().trim().max(2000).url(),
});

/** Most values of one custom field the list's filter offers. */
export const MAX_FIELD_VALUE_FACETS = 100;

/** Most custom fields one contact holds. */
export const MAX_CUSTOM_FIELDS = 30;

/** A field of the user's own: "Team: Platform", "Expertise: Kubernetes". */
export const customFieldInput = z.strictObject({
  label: z.string().trim().min(1, 'Name the field').max(60),
  value: z.string().trim().min(1, 'Give the field a value').max(2000),
});

const customFieldList = z
  .array(customFieldInput)
  .max(MAX_CUSTOM_FIELDS)
  .superRefine(refuseRepeatedLabels('field'));

/** Everything a contact form can set. Lists replace what is stored. */
export const contactFields = z.strictObject({
  displayName: z.string().trim().min(1, 'A contact needs a name').max(200),
  givenName: shortText(100).optional(),
  familyName: shortText(100).optional(),
  organisation: shortText(200).optional(),
  title: shortText(200).optional(),
  howWeMet: shortText(2000).optional(),
  notes: z.string().max(100_000).optional(),
  cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
  /** Left out: unchanged (a birthday an import brought in survives a client that does not know it); null clears it. */
  birthday: birthdaySchema.nullable().optional(),
  /** Where they live or work, "City, country"; left out: unchanged, as the birthday; null or blank clears it. */
  location: shortText(200).nullable().optional(),
  circles: z.array(circleSchema).max(circles.length).default([]),
  emails: z.array(emailInput).max(50).default([]),
  phones: z.array(phoneInput).max(50).default([]),
  links: z.array(linkInput).max(50).default([]),
  tags: z.array(tagName).max(100).default([]),
  /** Left out: unchanged, as the birthday (a client that does not know them keeps them). */
  customFields: customFieldList.optional(),
  /** Left out: unchanged, as the custom fields. */
  importantDates: importantDateList.optional(),
});
export type ContactFieldsInput = z.input<typeof contactFields>;
export type ContactFields = z.output<typeof contactFields>;

/** A new contact, and optionally who introduced them (recorded as a relationship in the same write). */
export const contactCreateInput = contactFields.extend({ introducedBy: id.optional() });
export const contactUpdateInput = z.strictObject({
  id,
  fields: contactFields,
  /** Put a change of organisation or title on the contact's timeline (`isJobChange` decides if it is one). */
  jobChange: z.boolean().default(false),
});
export const contactIdInput = z.strictObject({ id });
export const contactArchiveInput = z.strictObject({ id, archived: z.boolean() });

/** Most contacts one change may name (`contacts:bulk`), and so most "select all" picks. */
export const MAX_BULK_IDS = 10_000;

/** One change applied to many contacts at once (the list's selection). */
export const contactBulkAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('addTag'), tag: tagName }),
  z.strictObject({ kind: z.literal('removeTag'), tag: tagName }),
  z.strictObject({ kind: z.literal('addCircle'), circle: circleSchema }),
  z.strictObject({ kind: z.literal('removeCircle'), circle: circleSchema }),
  z.strictObject({ kind: z.literal('setArchived'), archived: z.boolean() }),
]);
export type ContactBulkAction = z.output<typeof contactBulkAction>;
export const contactBulkInput = z.strictObject({
  ids: z.array(id).min(1).max(MAX_BULK_IDS),
  action: contactBulkAction,
});
export interface ContactBulkResult {
  /** Contacts the action changed (those it already applied to are left as they were). */
  changed: number;
}

export const contactListInput = z.strictObject({
  query: z.string().max(200).optional(),
  circle: circleSchema.optional(),
  tag: z.string().max(60).optional(),
  organisation: z.string().max(200).optional(),
  /** With `organisation`: also those who worked there, as a job change on their timeline says. */
  formerToo: z.boolean().optional(),
  /** Only contacts whose location's city (the part before the first comma) is this one, ignoring case. */
  city: z.string().max(200).optional(),
  /** Only contacts with this custom field holding this value, case aside ("Team" is "Platform"). */
  field: z
    .strictObject({ label: z.string().trim().min(1).max(60), value: z.string().trim().min(1).max(2000) })
    .optional(),
  /** Only contacts shown in this strength layer (a pin counts as the layer). */
  layer: layerSchema.optional(),
  archived: z.boolean().default(false),
  sort: z.enum(contactSortKeys).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ContactListInput = z.input<typeof contactListInput>;

/** Every contact the list's filters match, for "select all": the list input without order or paging. */
export const contactIdsInput = contactListInput.omit({
  sort: true,
  direction: true,
  offset: true,
  limit: true,
});
export interface ContactIds {
  /** In name order, at most MAX_BULK_IDS of them. */
  ids: number[];
  total: number;
}

export interface ContactEmail {
  email: string;
  label: string | null;
}
export interface ContactPhone {
  phone: string;
  label: string | null;
}
export interface ContactLink {
  kind: LinkKind;
  url: string;
}

export type CustomField = z.output<typeof customFieldInput>;

/** How close a contact is, as the strength model has it now: what a list row draws. */
export interface ContactStrengthSummary {
  /** The layer shown (the user's pin, else the model's). */
  layer: Layer;
  /** Strength T. */
  t: number;
  trend: Trend;
  /** The last interaction that counted, UTC ISO; null when none has. */
  lastContactAt: string | null;
}

export interface ContactSummary {
  id: number;
  displayName: string;
  organisation: string | null;
  title: string | null;
  location: string | null;
  circles: Circle[];
  primaryEmail: string | null;
  archived: boolean;
  updatedAt: string;
  /** When the photo was set (`contacts:photo`'s version), '' for one stored before that was kept; null for none. */
  photo: string | null;
  strength: ContactStrengthSummary;
}

export interface Contact {
  id: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  organisation: string | null;
  title: string | null;
  howWeMet: string | null;
  notes: string | null;
  cadenceDays: number | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is not known. */
  birthday: string | null;
  location: string | null;
  archived: boolean;
  circles: Circle[];
  emails: ContactEmail[];
  phones: ContactPhone[];
  links: ContactLink[];
  tags: string[];
  customFields: CustomField[];
  /** Yearly dates beside the birthday, in the user's order. */
  importantDates: ImportantDate[];
  /** As on `ContactSummary`. */
  photo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactPage {
  items: ContactSummary[];
  total: number;
  offset: number;
}

export interface ContactFacets {
  organisations: string[];
  tags: string[];
  /** The custom fields' labels in use, one spelling each (the most written), so a new one is named alike. */
  customFieldLabels: string[];
  /**
   * The values each label holds, with how many contacts hold each, the most held first (at most
   * `MAX_FIELD_VALUE_FACETS`), for the list's filter; labels as in `customFieldLabels`.
   */
  customFieldValues: Array<{ label: string; values: Array<{ value: string; count: number }> }>;
  /** The important dates' labels in use, one spelling each, as `customFieldLabels`. */
  importantDateLabels: string[];
  /** The cities contacts are in (each location's part before its first comma), once each ignoring case. */
  cities: string[];
  /** Locations as written, the most used first (at most `MAX_LOCATION_FACETS`), to keep new ones spelled alike. */
  locations: string[];
}

export const MAX_LOCATION_FACETS = 500;
