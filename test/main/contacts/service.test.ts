import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { tempStore, type TempStore } from '../../support/store';
import type { Contact, ContactPage } from '../../../src/shared/contacts/schemas';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(channel, payload, t.ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('contacts through the bridge handlers', () => {
  it('creates a contact with circles, emails, phones, links and tags, and reads it back', async () => {
    const created = await call<Contact>('contacts:create', {
      displayName: 'Ana Souza',
      givenName: 'Ana',
      familyName: 'Souza',
      organisation: 'Nubank',
      title: 'Staff Engineer',
      circles: ['mentor', 'colleague'],
      emails: [{ email: ' Ana@Example.COM ', label: 'work' }, { email: 'ana@home.example' }],
      phones: [{ phone: '+55 11 5555-1234', label: 'mobile' }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ana' }],
      tags: ['Payments', 'payments', 'ML'],
      cadenceDays: 30,
    });
    expect(created.circles).toEqual(['colleague', 'mentor']);
    expect(created.emails).toEqual([
      { email: 'ana@example.com', label: 'work' },
      { email: 'ana@home.example', label: null },
    ]);
    expect(created.tags).toEqual(['ML', 'Payments']);
    expect(created.cadenceDays).toBe(30);
    const again = await call<Contact>('contacts:get', { id: created.id });
    expect(again).toEqual(created);
  });

  it('refuses an email another contact holds, naming that contact, and writes nothing', async () => {
    await call('contacts:create', { displayName: 'Ana Souza', emails: [{ email: 'ana@example.com' }] });
    const result = await dispatch(
      'contacts:create',
      { displayName: 'Someone Else', emails: [{ email: 'ANA@example.com' }] },
      t.ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toBe('ana@example.com already belongs to Ana Souza.');
    const page = await call<ContactPage>('contacts:list', {});
    expect(page.total).toBe(1);
  });

  it('finds contacts by organisation prefix, ignoring case and accents', async () => {
    await call('contacts:create', { displayName: 'José Álvarez', organisation: 'Société Générale' });
    await call('contacts:create', { displayName: 'Mia Chen', organisation: 'Stripe' });
    const byOrg = await call<ContactPage>('contacts:list', { query: 'societe gen' });
    expect(byOrg.items.map((c) => c.displayName)).toEqual(['José Álvarez']);
    const byName = await call<ContactPage>('contacts:list', { query: 'JOSE' });
    expect(byName.total).toBe(1);
    const none = await call<ContactPage>('contacts:list', { query: 'zzz' });
    expect(none.total).toBe(0);
  });

  it('filters by circle, tag and organisation, sorts, and hides archived contacts', async () => {
    const a = await call<Contact>('contacts:create', {
      displayName: 'Bea',
      circles: ['sponsor'],
      organisation: 'Acme',
      tags: ['vip'],
    });
    await call('contacts:create', { displayName: 'Abe', circles: ['colleague'], organisation: 'acme' });
    await call('contacts:create', { displayName: 'Cy', circles: ['sponsor'], organisation: 'Globex' });
    const sponsors = await call<ContactPage>('contacts:list', { circle: 'sponsor' });
    expect(sponsors.items.map((c) => c.displayName)).toEqual(['Bea', 'Cy']);
    const vip = await call<ContactPage>('contacts:list', { tag: 'vip' });
    expect(vip.items.map((c) => c.id)).toEqual([a.id]);
    const acme = await call<ContactPage>('contacts:list', { organisation: 'ACME' });
    expect(acme.items.map((c) => c.displayName)).toEqual(['Abe', 'Bea']);
    const desc = await call<ContactPage>('contacts:list', { sort: 'name', direction: 'desc' });
    expect(desc.items.map((c) => c.displayName)).toEqual(['Cy', 'Bea', 'Abe']);
    await call('contacts:setArchived', { id: a.id, archived: true });
    const active = await call<ContactPage>('contacts:list', {});
    expect(active.items.map((c) => c.displayName)).toEqual(['Abe', 'Cy']);
    const archived = await call<ContactPage>('contacts:list', { archived: true });
    expect(archived.items.map((c) => c.displayName)).toEqual(['Bea']);
  });

  it('updates every field, keeps search in step, and deletes', async () => {
    const c = await call<Contact>('contacts:create', { displayName: 'Old Name', title: 'Engineer' });
    const updated = await call<Contact>('contacts:update', {
      id: c.id,
      fields: { displayName: 'New Name', title: 'Director', circles: ['peer'] },
    });
    expect(updated.title).toBe('Director');
    expect((await call<ContactPage>('contacts:list', { query: 'old' })).total).toBe(0);
    expect((await call<ContactPage>('contacts:list', { query: 'direc' })).total).toBe(1);
    await call('contacts:delete', { id: c.id });
    const gone = await dispatch('contacts:get', { id: c.id }, t.ctx);
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    expect((await call<ContactPage>('contacts:list', { query: 'direc' })).total).toBe(0);
  });
});
