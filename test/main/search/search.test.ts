import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call } from '../journal/call';
import { snippetParts } from '../../../src/main/search/search';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const hitText = (parts: Array<{ text: string; hit: boolean }>) =>
  parts
    .filter((p) => p.hit)
    .map((p) => p.text)
    .join('|');

describe('one search over contacts and journal entries', () => {
  it('finds contacts and interactions together, with highlighted snippets, prefixes, any case and accents', async () => {
    const zoe = await addContact(t.ctx, 'Zoë Ångström', { organisation: 'Nokia Bell Labs' });
    const e = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-03-10T10:00:00Z',
      title: 'Coffee at Café Nokia',
      notes: 'She explained the résumé screening at Nokia and offered an introduction.',
      participants: [{ contactId: zoe }],
    });
    const results = await call(t.ctx, 'search:query', { query: 'NOK' });
    expect(results.contacts.map((c) => c.id)).toEqual([zoe]);
    expect(hitText(results.contacts[0].snippet)).toBe('Nokia');
    expect(results.interactions.map((i) => i.id)).toEqual([e.id]);
    expect(results.interactions[0].participants).toEqual(['Zoë Ångström']);
    expect(hitText(results.interactions[0].snippet)).toContain('Nokia');

    expect((await call(t.ctx, 'search:query', { query: 'angstr' })).contacts.map((c) => c.id)).toEqual([zoe]);
    expect(
      (await call(t.ctx, 'search:query', { query: 'resume scree' })).interactions.map((i) => i.id),
    ).toEqual([e.id]);
    expect((await call(t.ctx, 'search:query', { query: 'cafe' })).interactions.map((i) => i.id)).toEqual([
      e.id,
    ]);
    // FTS5 syntax typed by the user is text, not an error.
    expect((await call(t.ctx, 'search:query', { query: '"nok*(' })).contacts).toHaveLength(1);
    expect(await call(t.ctx, 'search:query', { query: '   ' })).toEqual({ contacts: [], interactions: [] });
  });

  it('an edit is findable at once and a deletion is gone at once', async () => {
    const e = await call(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: '2026-03-10T10:00:00Z',
      notes: 'Remember the quarterly offsite',
    });
    expect((await call(t.ctx, 'search:query', { query: 'offsite' })).interactions).toHaveLength(1);
    await call(t.ctx, 'journal:update', {
      id: e.id,
      fields: { kind: 'note', startsAt: '2026-03-10T10:00:00Z', notes: 'Remember the hackathon' },
    });
    expect((await call(t.ctx, 'search:query', { query: 'offsite' })).interactions).toHaveLength(0);
    expect((await call(t.ctx, 'search:query', { query: 'hackath' })).interactions.map((i) => i.id)).toEqual([
      e.id,
    ]);
    await call(t.ctx, 'journal:delete', { id: e.id });
    expect((await call(t.ctx, 'search:query', { query: 'hackath' })).interactions).toHaveLength(0);

    const ana = await addContact(t.ctx, 'Ana Souza');
    expect((await call(t.ctx, 'search:query', { query: 'souza' })).contacts).toHaveLength(1);
    await call(t.ctx, 'contacts:delete', { id: ana });
    expect((await call(t.ctx, 'search:query', { query: 'souza' })).contacts).toHaveLength(0);
  });

  it('shows mentions in snippets as @names, never as link syntax', () => {
    expect(snippetParts('met [@Ana](rapport://contact/3) about \u0001pay\u0002ments')).toEqual([
      { text: 'met @Ana about ', hit: false },
      { text: 'pay', hit: true },
      { text: 'ments', hit: false },
    ]);
  });

  it('reads the Markdown of notes in snippets as plain text, also where the snippet cuts a link', () => {
    const text = (snippet: string) =>
      snippetParts(snippet)
        .map((p) => (p.hit ? `<${p.text}>` : p.text))
        .join('');
    expect(text('## **Agenda**\n- \u0001pay\u0002 review of deploy_prod.sh, 2*3 teams')).toBe(
      'Agenda\n- <pay> review of deploy_prod.sh, 2*3 teams',
    );
    expect(text('…about **\u0001pay\u0002** [Join Zoom](https://zoom.us/j/1) with `C#`')).toBe(
      '…about <pay> Join Zoom with C#',
    );
    // Cut inside a link's text, or its target, or before its target.
    expect(text('…Zoom meeting](https://zoom.us/j/1) on \u0001pay\u0002…')).toBe('…Zoom meeting on <pay>…');
    expect(text('\u0001pay\u0002 then [Join Zoom](https://zoom.u…')).toBe('<pay> then Join Zoom…');
    expect(text('\u0001pay\u0002 then [Join Zo…')).toBe('<pay> then Join Zo…');
  });
});
