import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactPage } from '../../../src/shared/contacts/schemas';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';
import { addContact, call, fields, refused } from '../journal/call';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const names = (page: ContactPage) => page.items.map((c) => c.displayName);
const customFieldsOf = async (id: number) => (await call(t.ctx, 'contacts:get', { id })).customFields;

describe("a contact's custom fields", () => {
  it('are stored trimmed in their order, kept when an update leaves them out, and cleared by none', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', {
      customFields: [
        { label: '  Team ', value: ' Platform ' },
        { label: 'Expertise', value: 'Kubernetes operators\nHelm' },
      ],
    });
    expect(await customFieldsOf(id)).toEqual([
      { label: 'Team', value: 'Platform' },
      { label: 'Expertise', value: 'Kubernetes operators\nHelm' },
    ]);
    // A client that does not know them (an older one, the command line) keeps them.
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', title: 'CTO' } });
    expect(await customFieldsOf(id)).toHaveLength(2);
    await call(t.ctx, 'contacts:update', {
      id,
      fields: {
        displayName: 'Ana Souza',
        customFields: [
          { label: 'Expertise', value: 'Helm' },
          { label: 'Team', value: 'Search' },
        ],
      },
    });
    expect(await customFieldsOf(id)).toEqual([
      { label: 'Expertise', value: 'Helm' },
      { label: 'Team', value: 'Search' },
    ]);
    await call(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', customFields: [] } });
    expect(await customFieldsOf(id)).toEqual([]);
    expect(await customFieldsOf(await addContact(t.ctx, 'Bo Chen'))).toEqual([]);
  });

  it('refuses a label used twice (case and spacing aside), an empty half or too many, writing nothing', async () => {
    const id = await addContact(t.ctx, 'Ana Souza', { customFields: [{ label: 'Team', value: 'Platform' }] });
    const before = contentHash(t.store.sqlite);
    const update = (customFields: Array<{ label: string; value: string }>) =>
      refused(t.ctx, 'contacts:update', { id, fields: { displayName: 'Ana Souza', customFields } });

    const twice = await update([
      { label: 'Team', value: 'Platform' },
      { label: 'Desk', value: '4F' },
      { label: ' TEAM ', value: 'Search' },
    ]);
    expect(twice.code).toBe('VALIDATION');
    expect(fields(twice)).toEqual(['fields.customFields.2.label']);
    expect((twice.details as Array<{ message: string }>)[0].message).toBe(
      'Another field is called “TEAM”; give each its own name',
    );
    expect(fields(await update([{ label: 'Desk', value: ' ' }]))).toEqual(['fields.customFields.0.value']);
    expect(fields(await update([{ label: '', value: '4F' }]))).toEqual(['fields.customFields.0.label']);
    expect(fields(await update([{ label: 'x'.repeat(61), value: '4F' }]))).toEqual([
      'fields.customFields.0.label',
    ]);
    const many = Array.from({ length: 31 }, (_, i) => ({ label: `Field ${i}`, value: 'x' }));
    expect(fields(await update(many))).toEqual(['fields.customFields']);
    expect(
      (await refused(t.ctx, 'contacts:create', { displayName: 'Bo', customFields: [{ label: 'Team' }] }))
        .code,
    ).toBe('VALIDATION');
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('are searched with the rest of the contact, in the list and in search, but not by their labels', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', {
      organisation: 'Helios',
      customFields: [{ label: 'Expertise', value: 'Kubernetes operators' }],
    });
    await addContact(t.ctx, 'Bo Chen', { customFields: [{ label: 'Team', value: 'Payments' }] });
    await addContact(t.ctx, 'Cy Twombly', { notes: 'Wants to learn about operators' });
    expect(names(await call(t.ctx, 'contacts:list', { query: 'kubernetes' }))).toEqual(['Ana Souza']);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'operators' }))).toEqual([
      'Ana Souza',
      'Cy Twombly',
    ]);
    // Words from two places of one contact: the organisation and a field.
    expect(names(await call(t.ctx, 'contacts:list', { query: 'helios kube' }))).toEqual(['Ana Souza']);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'expertise' }))).toEqual([]);
    const found = await call(t.ctx, 'search:query', { query: 'kubernetes' });
    expect(found.contacts.map((c) => c.id)).toEqual([ana]);
    expect(found.contacts[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Kubernetes']);

    // A changed value is found by its new words only.
    await call(t.ctx, 'contacts:update', {
      id: ana,
      fields: { displayName: 'Ana Souza', customFields: [{ label: 'Expertise', value: 'Helm charts' }] },
    });
    expect(names(await call(t.ctx, 'contacts:list', { query: 'kubernetes' }))).toEqual([]);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'helm' }))).toEqual(['Ana Souza']);
  });

  it('offer the labels in use, one spelling each, for the next contact', async () => {
    await addContact(t.ctx, 'Ana', { customFields: [{ label: 'Team', value: 'Platform' }] });
    await addContact(t.ctx, 'Bo', {
      customFields: [
        { label: 'team', value: 'Search' },
        { label: 'Desk', value: '4F' },
      ],
    });
    await addContact(t.ctx, 'Cy', { customFields: [{ label: 'Team', value: 'Payments' }] });
    expect((await call(t.ctx, 'contacts:facets', {})).customFieldLabels).toEqual(['Desk', 'Team']);
  });

  it('filter the list by a value, case aside, with select-all and the other filters, and are offered by value', async () => {
    await addContact(t.ctx, 'Ana Souza', {
      circles: ['mentor'],
      customFields: [
        { label: 'Team', value: 'Platform' },
        { label: 'Desk', value: '4F' },
      ],
    });
    await addContact(t.ctx, 'Bo Chen', { customFields: [{ label: 'team', value: 'platform' }] });
    await addContact(t.ctx, 'Cy Twombly', { customFields: [{ label: 'Team', value: 'Platform tools' }] });
    await addContact(t.ctx, 'Di Ray', { customFields: [{ label: 'Former team', value: 'Platform' }] });
    await addContact(t.ctx, 'Ed Wu', { notes: 'Team Platform' });
    const field = { label: 'TEAM', value: 'platform' };
    expect(names(await call(t.ctx, 'contacts:list', { field }))).toEqual(['Ana Souza', 'Bo Chen']);
    expect(names(await call(t.ctx, 'contacts:list', { field, circle: 'mentor' }))).toEqual(['Ana Souza']);
    expect(
      names(await call(t.ctx, 'contacts:list', { field, sort: 'strength', direction: 'desc' })).sort(),
    ).toEqual(['Ana Souza', 'Bo Chen']);
    expect((await call(t.ctx, 'contacts:ids', { field })).total).toBe(2);
    expect((await call(t.ctx, 'contacts:list', { field: { label: 'Squad', value: 'Platform' } })).total).toBe(
      0,
    );
    expect((await refused(t.ctx, 'contacts:list', { field: { label: 'Team' } })).code).toBe('VALIDATION');

    // The menu: each label once, its values once each (case aside) with how many hold them, the most held first.
    expect((await call(t.ctx, 'contacts:facets', {})).customFieldValues).toEqual([
      { label: 'Desk', values: [{ value: '4F', count: 1 }] },
      { label: 'Former team', values: [{ value: 'Platform', count: 1 }] },
      {
        label: 'Team',
        values: [
          { value: 'Platform', count: 2 },
          { value: 'Platform tools', count: 1 },
        ],
      },
    ]);
  });

  it("move to the kept contact in a merge, the kept contact's own winning a shared label, and undo puts them back", async () => {
    const keep = await addContact(t.ctx, 'Ana Souza', {
      customFields: [{ label: 'Team', value: 'Platform' }],
    });
    const remove = await addContact(t.ctx, 'Ana S.', {
      customFields: [
        { label: 'team', value: 'Search' },
        { label: 'Expertise', value: 'Kubernetes' },
      ],
    });
    const beforeKeep = await call(t.ctx, 'contacts:get', { id: keep });
    const beforeRemove = await call(t.ctx, 'contacts:get', { id: remove });

    const result = await call(t.ctx, 'duplicates:merge', { keepId: keep, removeId: remove });
    expect(await customFieldsOf(keep)).toEqual([
      { label: 'Team', value: 'Platform' },
      { label: 'Expertise', value: 'Kubernetes' },
    ]);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'kubernetes' }))).toEqual(['Ana Souza']);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'search' }))).toEqual([]);

    await call(t.ctx, 'duplicates:undoMerge', { token: result.undoToken });
    expect(await call(t.ctx, 'contacts:get', { id: keep })).toEqual(beforeKeep);
    expect(await call(t.ctx, 'contacts:get', { id: remove })).toEqual(beforeRemove);
    expect(names(await call(t.ctx, 'contacts:list', { query: 'kubernetes' }))).toEqual(['Ana S.']);
  });
});
