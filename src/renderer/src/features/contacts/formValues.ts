import {
  contactFields,
  type Circle,
  type Contact,
  type ContactFieldsInput,
  type LinkKind,
} from '../../../../shared/contacts/schemas';
import { formatBirthdayValue, parseBirthday } from '../../../../shared/contacts/birthday';
import { normalizeEmail } from '../../../../shared/text/email';

/** What the contact form edits: strings everywhere (inputs), list rows keyed for React. */
export interface ContactFormValues {
  displayName: string;
  givenName: string;
  familyName: string;
  organisation: string;
  title: string;
  /** "City, country" as they write it. */
  location: string;
  howWeMet: string;
  notes: string;
  /** Empty means no keep-in-touch reminder. */
  cadenceDays: number | '';
  /** A birthday as three inputs: day and month ('1' to '12'), and the year when known. */
  birthdayDay: number | '';
  birthdayMonth: string | null;
  birthdayYear: number | '';
  /** A stored birthday the inputs cannot show (an older import's); kept unless the user enters one. */
  birthdayUnshown: string | null;
  circles: Circle[];
  emails: Array<{ key: string; email: string; label: string }>;
  phones: Array<{ key: string; phone: string; label: string }>;
  links: Array<{ key: string; kind: LinkKind; url: string }>;
  tags: string[];
  customFields: Array<{ key: string; label: string; value: string }>;
  /** Each important date as the birthday's three inputs, and its name. */
  importantDates: Array<{ key: string; label: string } & DateInputs>;
}

/** A yearly date as three inputs: day and month ('1' to '12'), and the year when known. */
interface DateInputs {
  day: number | '';
  month: string | null;
  year: number | '';
}

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function toFormValues(contact?: Contact): ContactFormValues {
  return {
    displayName: contact?.displayName ?? '',
    givenName: contact?.givenName ?? '',
    familyName: contact?.familyName ?? '',
    organisation: contact?.organisation ?? '',
    title: contact?.title ?? '',
    location: contact?.location ?? '',
    howWeMet: contact?.howWeMet ?? '',
    notes: contact?.notes ?? '',
    cadenceDays: contact?.cadenceDays ?? '',
    ...birthdayInputs(contact?.birthday ?? null),
    circles: contact ? [...contact.circles] : [],
    emails: (contact?.emails ?? []).map((e) => ({ key: rowKey(), email: e.email, label: e.label ?? '' })),
    phones: (contact?.phones ?? []).map((p) => ({ key: rowKey(), phone: p.phone, label: p.label ?? '' })),
    links: (contact?.links ?? []).map((l) => ({ key: rowKey(), kind: l.kind, url: l.url })),
    tags: contact ? [...contact.tags] : [],
    customFields: (contact?.customFields ?? []).map((f) => ({
      key: rowKey(),
      label: f.label,
      value: f.value,
    })),
    importantDates: (contact?.importantDates ?? []).map((d) => {
      const parts = parseBirthday(d.date);
      return {
        key: rowKey(),
        label: d.label,
        day: parts?.day ?? '',
        month: parts ? String(parts.month) : null,
        year: parts?.year ?? '',
      };
    }),
  };
}

function birthdayInputs(
  birthday: string | null,
): Pick<ContactFormValues, 'birthdayDay' | 'birthdayMonth' | 'birthdayYear' | 'birthdayUnshown'> {
  const parts = birthday === null ? null : parseBirthday(birthday);
  return {
    birthdayDay: parts?.day ?? '',
    birthdayMonth: parts ? String(parts.month) : null,
    birthdayYear: parts?.year ?? '',
    birthdayUnshown: parts === null ? birthday : null,
  };
}

/**
 * The three birthday inputs as the stored form: null when all are empty (undefined, i.e.
 * unchanged, when a stored value they cannot show is kept). A day without a month (or the
 * reverse) becomes a value the schema refuses, so the form says what is missing.
 */
function birthdayField(values: ContactFormValues): string | null | undefined {
  const { birthdayDay: day, birthdayMonth: month, birthdayYear: year } = values;
  if (isBlankDate({ day, month, year })) return values.birthdayUnshown === null ? null : undefined;
  return dateValue({ day, month, year });
}

const isBlankDate = ({ day, month, year }: DateInputs): boolean =>
  day === '' && (month === null || month === '') && year === '';

/** Three date inputs as the stored form; a day without a month (or the reverse) as a value the schema refuses. */
function dateValue({ day, month, year }: DateInputs): string {
  if (day === '' || month === null || month === '') return 'incomplete';
  return formatBirthdayValue({
    year: year === '' ? null : Number(year),
    month: Number(month),
    day: Number(day),
  });
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** Indices of the rows that carry a value; blank rows are left out rather than rejected. */
function filledRows<T>(rows: T[], value: (row: T) => string): number[] {
  return rows.flatMap((row, index) => (value(row).trim() === '' ? [] : [index]));
}

/**
 * Form values -> the contract's fields. Empty text becomes absent; rows without a value
 * are dropped. `formPath` maps a path in the fields (as main or zod reports it) back to the
 * form field it came from, so an error lands next to the right input.
 */
export function toContactFields(values: ContactFormValues): {
  fields: ContactFieldsInput;
  formPath: (path: ReadonlyArray<string | number>) => string;
} {
  const emailRows = filledRows(values.emails, (r) => r.email);
  const phoneRows = filledRows(values.phones, (r) => r.phone);
  const linkRows = filledRows(values.links, (r) => r.url);
  // A row with either half filled in is kept, so the half left out is asked for.
  const customFieldRows = filledRows(values.customFields, (r) => r.label + r.value);
  const dateRows = values.importantDates.flatMap((row, index) =>
    row.label.trim() === '' && isBlankDate(row) ? [] : [index],
  );
  const fields: ContactFieldsInput = {
    displayName: values.displayName.trim(),
    givenName: optional(values.givenName),
    familyName: optional(values.familyName),
    organisation: optional(values.organisation),
    title: optional(values.title),
    // Null, not absent: absent would keep what is stored, and an emptied input means "none".
    location: optional(values.location) ?? null,
    howWeMet: optional(values.howWeMet),
    notes: values.notes.trim() === '' ? undefined : values.notes,
    cadenceDays: values.cadenceDays === '' ? null : Number(values.cadenceDays),
    birthday: birthdayField(values),
    circles: [...values.circles],
    emails: emailRows.map((i) => ({
      email: values.emails[i].email.trim(),
      label: optional(values.emails[i].label),
    })),
    phones: phoneRows.map((i) => ({
      phone: values.phones[i].phone.trim(),
      label: optional(values.phones[i].label),
    })),
    links: linkRows.map((i) => ({ kind: values.links[i].kind, url: values.links[i].url.trim() })),
    tags: values.tags.map((t) => t.trim()).filter((t) => t !== ''),
    customFields: customFieldRows.map((i) => ({
      label: values.customFields[i].label.trim(),
      value: values.customFields[i].value.trim(),
    })),
    importantDates: dateRows.map((i) => ({
      label: values.importantDates[i].label.trim(),
      date: dateValue(values.importantDates[i]),
    })),
  };
  const rowsByList: Record<string, number[]> = {
    emails: emailRows,
    phones: phoneRows,
    links: linkRows,
    customFields: customFieldRows,
    importantDates: dateRows,
  };
  const formPath = (path: ReadonlyArray<string | number>): string => {
    const parts = path.map(String);
    if (parts[0] === 'fields') parts.shift(); // contacts:update nests the fields
    const rows = rowsByList[parts[0]];
    if (rows && parts.length > 1) {
      const original = rows[Number(parts[1])];
      if (original !== undefined) parts[1] = String(original);
    }
    return parts.join('.');
  };
  return { fields, formPath };
}

export interface EmailOwner {
  email: string;
  contactId: number;
  displayName: string;
}

/** The owners listed in a CONFLICT error's details, if it is the "email already taken" kind. */
export function emailOwners(details: unknown): EmailOwner[] {
  if (typeof details !== 'object' || details === null) return [];
  const owners = (details as { owners?: unknown }).owners;
  if (!Array.isArray(owners)) return [];
  return owners.filter(
    (o): o is EmailOwner =>
      typeof o === 'object' &&
      o !== null &&
      typeof (o as EmailOwner).email === 'string' &&
      typeof (o as EmailOwner).displayName === 'string',
  );
}

/** Field errors for the email rows another contact already holds, keyed by form path. */
export function emailConflictErrors(values: ContactFormValues, owners: EmailOwner[]): Record<string, string> {
  const errors: Record<string, string> = {};
  values.emails.forEach((row, index) => {
    const owner = owners.find((o) => normalizeEmail(o.email) === normalizeEmail(row.email));
    if (owner) errors[`emails.${index}.email`] = `Already belongs to ${owner.displayName}`;
  });
  return errors;
}

/** Field errors from a VALIDATION error's details ({ path, message }[]), keyed by form path. */
export function validationErrors(
  details: unknown,
  formPath: (path: ReadonlyArray<string | number>) => string,
): Record<string, string> {
  if (!Array.isArray(details)) return {};
  const errors: Record<string, string> = {};
  for (const issue of details as Array<{ path?: unknown; message?: unknown }>) {
    if (!Array.isArray(issue?.path) || typeof issue.message !== 'string') continue;
    const key = formPath(issue.path as Array<string | number>);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Checks the values against the same schema main uses, so most mistakes show before a round trip. */
export function clientErrors(values: ContactFormValues): Record<string, string> {
  const { fields, formPath } = toContactFields(values);
  const parsed = contactFields.safeParse(fields);
  if (parsed.success) return {};
  return validationErrors(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    formPath,
  );
}
