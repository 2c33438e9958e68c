import { describe, expect, test } from 'vitest';
import type { Contact } from '../../../../src/shared/contacts/schemas';
import {
  clientErrors,
  emailConflictErrors,
  emailOwners,
  toContactFields,
  toFormValues,
  validationErrors,
  type ContactFormValues,
} from '../../../../src/renderer/src/features/contacts/formValues';

const ana: Contact = {
  id: 7,
  displayName: 'Ana Souza',
  givenName: 'Ana',
  familyName: null,
  organisation: 'Helios Robotics',
  title: null,
  howWeMet: null,
  notes: 'Line one\n  indented line',
  cadenceDays: 30,
  birthday: '--04-12',
  location: 'Lisbon, Portugal',
  archived: false,
  circles: ['colleague', 'mentor'],
  emails: [
    { email: 'ana@helios.example', label: 'work' },
    { email: 'ana@mail.example', label: null },
  ],
  phones: [{ phone: '+44 20 7946 0000', label: 'mobile' }],
  links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ana' }],
  tags: ['robotics'],
  customFields: [
    { label: 'Team', value: 'Platform' },
    { label: 'Expertise', value: 'Kubernetes operators' },
  ],
  importantDates: [
    { label: 'Work anniversary', date: '2019-12-03' },
    { label: 'Anniversary', date: '--06-14' },
  ],
  photo: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

function blankRow<K extends 'emails' | 'phones'>(kind: K): ContactFormValues[K][number] {
  return (
    kind === 'emails' ? { key: 'blank', email: ' ', label: '' } : { key: 'blank', phone: '', label: '' }
  ) as never;
}

describe('contact form values', () => {
  test('a stored contact survives the round trip through the form unchanged', () => {
    const { fields } = toContactFields(toFormValues(ana));
    expect(fields).toEqual({
      displayName: 'Ana Souza',
      givenName: 'Ana',
      familyName: undefined,
      organisation: 'Helios Robotics',
      title: undefined,
      howWeMet: undefined,
      notes: 'Line one\n  indented line',
      cadenceDays: 30,
      birthday: '--04-12',
      location: 'Lisbon, Portugal',
      circles: ['colleague', 'mentor'],
      emails: [
        { email: 'ana@helios.example', label: 'work' },
        { email: 'ana@mail.example', label: undefined },
      ],
      phones: [{ phone: '+44 20 7946 0000', label: 'mobile' }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ana' }],
      tags: ['robotics'],
      customFields: [
        { label: 'Team', value: 'Platform' },
        { label: 'Expertise', value: 'Kubernetes operators' },
      ],
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
  });

  test('important dates: day, month and an optional year each; blank rows dropped, half a row asked for', () => {
    const values = toFormValues(ana);
    expect(values.importantDates.map(({ label, day, month, year }) => [label, day, month, year])).toEqual([
      ['Work anniversary', 3, '12', 2019],
      ['Anniversary', 14, '6', ''],
    ]);
    values.importantDates = [
      { key: 'a', label: ' ', day: '', month: null, year: '' },
      ...values.importantDates,
      { key: 'b', label: ' Started as CTO ', day: 29, month: '2', year: 2024 },
    ];
    expect(toContactFields(values).fields.importantDates).toEqual([
      { label: 'Work anniversary', date: '2019-12-03' },
      { label: 'Anniversary', date: '--06-14' },
      { label: 'Started as CTO', date: '2024-02-29' },
    ]);
    expect(clientErrors(values)).toEqual({});
    expect(toContactFields({ ...values, importantDates: [] }).fields.importantDates).toEqual([]);

    const dayMessage =
      'Give a real day and month, and the year if you know it (YYYY-MM-DD, or --MM-DD without the year)';
    values.importantDates.push(
      { key: 'c', label: 'Wedding', day: 12, month: null, year: '' },
      { key: 'd', label: '', day: 1, month: '5', year: '' },
      { key: 'e', label: 'anniversary', day: 1, month: '5', year: '' },
      { key: 'f', label: 'Promotion', day: 29, month: '2', year: 2025 },
    );
    expect(clientErrors(values)).toEqual({
      'importantDates.4.date': dayMessage,
      'importantDates.5.label': 'Name the date',
      'importantDates.6.label': 'Another date is called “anniversary”; give each its own name',
      'importantDates.7.date': dayMessage,
    });
  });

  test('custom fields: blank rows dropped, half a row asked for, a label used twice refused on its row', () => {
    const values = toFormValues(ana);
    values.customFields = [
      { key: 'a', label: ' ', value: '' },
      ...values.customFields,
      { key: 'b', label: ' Desk ', value: ' 4F ' },
    ];
    expect(toContactFields(values).fields.customFields).toEqual([
      { label: 'Team', value: 'Platform' },
      { label: 'Expertise', value: 'Kubernetes operators' },
      { label: 'Desk', value: '4F' },
    ]);
    expect(clientErrors(values)).toEqual({});
    // Emptying every row clears them (an empty list, not "unchanged").
    expect(toContactFields({ ...values, customFields: [] }).fields.customFields).toEqual([]);

    values.customFields.push(
      { key: 'c', label: 'Assistant', value: '' },
      { key: 'd', label: '', value: 'Mondays only' },
      { key: 'e', label: 'TEAM', value: 'Search' },
    );
    expect(clientErrors(values)).toEqual({
      'customFields.4.value': 'Give the field a value',
      'customFields.5.label': 'Name the field',
      'customFields.6.label': 'Another field is called “TEAM”; give each its own name',
    });
  });

  test('an emptied location is sent as none (null), where an absent one would keep what is stored', () => {
    expect(toContactFields({ ...toFormValues(ana), location: '  ' }).fields.location).toBeNull();
    expect(toContactFields({ ...toFormValues(ana), location: ' Porto ' }).fields.location).toBe('Porto');
    expect(toFormValues().location).toBe('');
    expect(clientErrors({ ...toFormValues(ana), location: 'x'.repeat(201) })).toEqual({
      location: 'Too big: expected string to have <=200 characters',
    });
  });

  test('an empty cadence means no reminder, and blank rows are dropped', () => {
    const values = { ...toFormValues(ana), cadenceDays: '' as const };
    values.emails = [blankRow('emails'), ...values.emails];
    const { fields } = toContactFields(values);
    expect(fields.cadenceDays).toBeNull();
    expect(fields.emails?.map((e) => e.email)).toEqual(['ana@helios.example', 'ana@mail.example']);
  });

  test('a birthday is day, month and an optional year; none clears it, half of one is refused', () => {
    const values = toFormValues({ ...ana, birthday: '1985-02-28' });
    expect([values.birthdayDay, values.birthdayMonth, values.birthdayYear]).toEqual([28, '2', 1985]);
    expect(toContactFields(values).fields.birthday).toBe('1985-02-28');
    expect(toContactFields({ ...values, birthdayYear: '' }).fields.birthday).toBe('--02-28');
    const cleared = { ...values, birthdayDay: '' as const, birthdayMonth: null, birthdayYear: '' as const };
    expect(toContactFields(cleared).fields.birthday).toBeNull();
    expect(clientErrors(cleared)).toEqual({});
    expect(clientErrors({ ...values, birthdayMonth: null })).toEqual({
      birthday: 'A birthday is a real date: YYYY-MM-DD, or --MM-DD without the year',
    });
    // 29 February exists only in leap years, but always without a year.
    expect(Object.keys(clientErrors({ ...values, birthdayDay: 29 }))).toEqual(['birthday']);
    expect(clientErrors({ ...values, birthdayDay: 29, birthdayYear: 1984 })).toEqual({});
    expect(clientErrors({ ...values, birthdayDay: 29, birthdayYear: '' })).toEqual({});
    expect(Object.keys(clientErrors({ ...values, birthdayDay: 31, birthdayMonth: '4' }))).toEqual([
      'birthday',
    ]);
  });

  test('a stored birthday the inputs cannot show is kept unless the user enters one', () => {
    const values = toFormValues({ ...ana, birthday: '1604-03-15' });
    expect([values.birthdayDay, values.birthdayMonth, values.birthdayYear]).toEqual(['', null, '']);
    expect(values.birthdayUnshown).toBe('1604-03-15');
    expect(toContactFields(values).fields.birthday).toBeUndefined();
    expect(toContactFields({ ...values, birthdayDay: 15, birthdayMonth: '3' }).fields.birthday).toBe(
      '--03-15',
    );
  });

  test('error paths point at the form row they came from, even after blank rows are dropped', () => {
    const values = toFormValues(ana);
    values.emails = [blankRow('emails'), values.emails[0], { key: 'x', email: 'not-an-email', label: '' }];
    const { formPath } = toContactFields(values);
    // Row 1 of the submitted list is row 2 of the form; contacts:update nests under `fields`.
    expect(formPath(['emails', 1, 'email'])).toBe('emails.2.email');
    expect(formPath(['fields', 'emails', '1', 'email'])).toBe('emails.2.email');
    expect(formPath(['displayName'])).toBe('displayName');
    expect(clientErrors(values)).toEqual({ 'emails.2.email': 'Not an email address' });
  });

  test('the client checks the same rules as main: a name is required, links must be URLs', () => {
    const values = toFormValues();
    values.links = [{ key: 'l', kind: 'website', url: 'not a url' }];
    const errors = clientErrors(values);
    expect(errors.displayName).toBe('A contact needs a name');
    expect(Object.keys(errors)).toContain('links.0.url');
    expect(clientErrors(toFormValues(ana))).toEqual({});
  });

  test('an email conflict lands on the row holding that address, compared the way main compares', () => {
    const values = toFormValues();
    values.emails = [
      { key: 'a', email: 'new@example.com', label: '' },
      { key: 'b', email: '  MAILTO:Ana@Helios.example ', label: '' },
    ];
    const owners = emailOwners({
      field: 'emails',
      owners: [{ email: 'ana@helios.example', contactId: 7, displayName: 'Ana Souza' }],
    });
    expect(emailConflictErrors(values, owners)).toEqual({ 'emails.1.email': 'Already belongs to Ana Souza' });
  });

  test('malformed error details are ignored rather than trusted', () => {
    expect(emailOwners(undefined)).toEqual([]);
    expect(emailOwners({ owners: [{ email: 3 }, null, 'x'] })).toEqual([]);
    expect(validationErrors({ not: 'a list' }, String)).toEqual({});
    expect(
      validationErrors([{ path: ['title'], message: 'Too long' }, { path: 'x' }], (p) => p.join('.')),
    ).toEqual({
      title: 'Too long',
    });
  });
});
