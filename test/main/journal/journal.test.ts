import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jpeg } from '../../support/photo';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call, fields, refused } from './call';
import { mentionMarkdown } from '../../../src/shared/journal/mentions';

let t: TempStore;
const now = new Date('2026-03-11T15:30:00.000Z');
beforeEach(async () => {
  t = await tempStore(() => now);
});
afterEach(async () => {
  await t.cleanup();
});

const count = (table: string) => t.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('journal entries', () => {
  it('creates an entry with two participants, tags and a derived end, and reads it back', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza');
    const bruno = await addContact(t.ctx, 'Bruno Lima');
    const created = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-03-10T09:00:00+01:00',
      durationMinutes: 45,
      title: 'Coffee at Fabrica',
      notes: 'Talked about the **staff** promotion.',
      location: 'Fabrica',
      initiatedBy: 'me',
      participants: [{ contactId: ana }, { contactId: bruno, role: 'organizer' }],
      tags: ['career', 'Career'],
    });
    expect(created.startsAt).toBe('2026-03-10T08:00:00.000Z');
    expect(created.endsAt).toBe('2026-03-10T08:45:00.000Z');
    expect(created.participants.map((p) => [p.displayName, p.role])).toEqual([
      ['Ana Souza', 'participant'],
      ['Bruno Lima', 'organizer'],
    ]);
    expect(created.tags).toEqual(['career']);
    expect(await call(t.ctx, 'journal:get', { id: created.id })).toEqual(created);
    expect(t.events.some((e) => e.event === 'data:changed')).toBe(true);
    // Each participant names their photo's version, for the rows to draw their faces.
    expect(created.participants.map((p) => p.photo)).toEqual([null, null]);
    await call(t.ctx, 'contacts:setPhoto', {
      id: bruno,
      mime: 'image/jpeg',
      base64: jpeg.toString('base64'),
    });
    const listed = await call(t.ctx, 'journal:list', {});
    expect(listed.items[0].participants.map((p) => [p.displayName, p.photo])).toEqual([
      ['Ana Souza', null],
      ['Bruno Lima', now.toISOString()],
    ]);
  });

  it('derives the duration from an explicit end and accepts a standalone all-day note', async () => {
    const e = await call(t.ctx, 'journal:create', {
      kind: 'video',
      title: 'Design review',
      startsAt: '2026-03-10T10:00:00Z',
      endsAt: '2026-03-10T11:30:00Z',
    });
    expect(e.durationMinutes).toBe(90);
    const note = await call(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: '2026-03-09',
      allDay: true,
      notes: 'Idea',
    });
    expect(note.participants).toEqual([]);
    expect(note.allDay).toBe(true);
    expect(note.startsAt).toBe('2026-03-09');
  });

  describe('bad input gets a specific error on its field and writes nothing', () => {
    it('an end before its start', async () => {
      const error = await refused(t.ctx, 'journal:create', {
        kind: 'call',
        startsAt: '2026-03-10T10:00:00Z',
        endsAt: '2026-03-10T09:00:00Z',
      });
      expect(error.code).toBe('VALIDATION');
      expect(fields(error)).toEqual(['endsAt']);
      expect(count('interactions')).toBe(0);
    });

    it('an unknown participant id', async () => {
      const ana = await addContact(t.ctx, 'Ana');
      const error = await refused(t.ctx, 'journal:create', {
        kind: 'coffee',
        startsAt: '2026-03-10T10:00:00Z',
        participants: [{ contactId: ana }, { contactId: 999 }],
      });
      expect(error.code).toBe('VALIDATION');
      expect(fields(error)).toEqual(['participants.1.contactId']);
      expect(error.message).toContain('999');
      expect(count('interactions')).toBe(0);
      expect(count('interaction_participants')).toBe(0);
    });

    it('a 10 MB note', async () => {
      const error = await refused(t.ctx, 'journal:create', {
        kind: 'note',
        startsAt: '2026-03-10T10:00:00Z',
        notes: 'x'.repeat(10 * 1024 * 1024),
      });
      expect(error.code).toBe('VALIDATION');
      expect(fields(error)).toEqual(['notes']);
      expect(count('interactions')).toBe(0);
    });

    it('an empty title on a kind that needs one (but not on a coffee)', async () => {
      const error = await refused(t.ctx, 'journal:create', {
        kind: 'meeting',
        startsAt: '2026-03-10T10:00:00Z',
        title: '  ',
      });
      expect(error.code).toBe('VALIDATION');
      expect(fields(error)).toEqual(['title']);
      expect(count('interactions')).toBe(0);
      await call(t.ctx, 'journal:create', { kind: 'coffee', startsAt: '2026-03-10T10:00:00Z' });
      expect(count('interactions')).toBe(1);
    });

    it('an update with an unknown participant leaves the stored entry untouched', async () => {
      const ana = await addContact(t.ctx, 'Ana');
      const e = await call(t.ctx, 'journal:create', {
        kind: 'coffee',
        startsAt: '2026-03-10T10:00:00Z',
        title: 'Before',
        participants: [{ contactId: ana }],
      });
      await refused(t.ctx, 'journal:update', {
        id: e.id,
        fields: {
          kind: 'coffee',
          startsAt: '2026-03-10T10:00:00Z',
          title: 'After',
          participants: [{ contactId: 42 }],
        },
      });
      expect(await call(t.ctx, 'journal:get', { id: e.id })).toEqual(e);
    });
  });

  it('edits replace participants and tags and keep participant start times in step', async () => {
    const ana = await addContact(t.ctx, 'Ana');
    const bruno = await addContact(t.ctx, 'Bruno');
    const e = await call(t.ctx, 'journal:create', {
      kind: 'call',
      startsAt: '2026-03-10T10:00:00Z',
      participants: [{ contactId: ana }],
      tags: ['a'],
    });
    const edited = await call(t.ctx, 'journal:update', {
      id: e.id,
      fields: {
        kind: 'call',
        startsAt: '2026-03-01T10:00:00Z',
        participants: [{ contactId: bruno }],
        tags: ['b'],
      },
    });
    expect(edited.participants.map((p) => p.contactId)).toEqual([bruno]);
    expect(edited.tags).toEqual(['b']);
    const starts = t.store.sqlite
      .prepare('SELECT DISTINCT starts_at FROM interaction_participants')
      .pluck()
      .all();
    expect(starts).toEqual(['2026-03-01T10:00:00.000Z']);
    expect(
      (
        await refused(t.ctx, 'journal:update', {
          id: 999,
          fields: { kind: 'call', startsAt: '2026-03-01T10:00:00Z' },
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('deletes with undo: the entry comes back whole, with its id; a second undo is refused', async () => {
    const ana = await addContact(t.ctx, 'Ana');
    const e = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-03-10T10:00:00Z',
      title: 'Flat white',
      participants: [{ contactId: ana }],
      tags: ['coffee'],
    });
    const { undoToken } = await call(t.ctx, 'journal:delete', { id: e.id });
    expect(count('interactions')).toBe(0);
    expect((await refused(t.ctx, 'journal:get', { id: e.id })).code).toBe('NOT_FOUND');
    const restored = await call(t.ctx, 'journal:undoDelete', { token: undoToken });
    expect(restored).toEqual(e);
    expect((await refused(t.ctx, 'journal:undoDelete', { token: undoToken })).code).toBe('NOT_FOUND');
  });

  it('an @mention makes the contact a participant with the role "mentioned"', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza');
    const bruno = await addContact(t.ctx, 'Bruno Lima');
    const e = await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: '2026-03-10T10:00:00Z',
      notes: `Ana suggested I talk to ${mentionMarkdown(bruno, 'Bruno Lima')} about payments.`,
      participants: [{ contactId: ana }],
    });
    expect(e.participants.map((p) => [p.contactId, p.role])).toEqual([
      [ana, 'participant'],
      [bruno, 'mentioned'],
    ]);
    const error = await refused(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: '2026-03-10T10:00:00Z',
      notes: 'See [@Ghost](rapport://contact/404)',
    });
    expect(fields(error)).toEqual(['notes']);
    const candidates = await call(t.ctx, 'journal:mentionCandidates', { query: 'bru' });
    expect(candidates.map((c) => c.id)).toEqual([bruno]);
  });

  it('quick-logs "coffee with Ana, 45 min, today" from a contact page', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza');
    const bruno = await addContact(t.ctx, 'Bruno Lima');
    const e = await call(t.ctx, 'journal:quickLog', {
      text: 'coffee with Bruno, 45 min, today',
      contactId: ana,
    });
    expect(e.kind).toBe('coffee');
    expect(e.durationMinutes).toBe(45);
    expect(e.endsAt).toBe(now.toISOString());
    expect(e.participants.map((p) => p.contactId).sort()).toEqual([ana, bruno].sort());
    const error = await refused(t.ctx, 'journal:quickLog', { text: 'coffee with Zed, today' });
    expect(error.code).toBe('VALIDATION');
    expect(fields(error)).toEqual(['text']);
  });
});

describe('timelines and the journal list', () => {
  async function seed() {
    const ana = await addContact(t.ctx, 'Ana', { circles: ['mentor'] });
    const bruno = await addContact(t.ctx, 'Bruno', { circles: ['colleague'] });
    const ids: number[] = [];
    for (let day = 1; day <= 30; day++) {
      const e = await call(t.ctx, 'journal:create', {
        kind: day % 3 === 0 ? 'call' : 'coffee',
        startsAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`,
        title: `Entry ${day}`,
        participants: day % 2 === 0 ? [{ contactId: ana }, { contactId: bruno }] : [{ contactId: ana }],
        tags: day % 5 === 0 ? ['milestone'] : [],
      });
      ids.push(e.id);
    }
    return { ana, bruno, ids };
  }

  it('pages a contact timeline newest first; an entry with two people is on both timelines', async () => {
    const { ana, bruno } = await seed();
    const first = await call(t.ctx, 'journal:timeline', { contactId: ana, limit: 10 });
    expect(first.total).toBe(30);
    expect(first.items.map((i) => i.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Entry ${30 - i}`));
    const second = await call(t.ctx, 'journal:timeline', { contactId: ana, limit: 10, offset: 10 });
    expect(second.items[0].title).toBe('Entry 20');
    const b = await call(t.ctx, 'journal:timeline', { contactId: bruno, limit: 100 });
    expect(b.total).toBe(15);
    expect(b.items[0].participants.map((p) => p.displayName)).toEqual(['Ana', 'Bruno']);
    expect(b.items[0].participantCount).toBe(2);
  });

  it('filters the journal by contact, circle, kind, tag and date range', async () => {
    const { bruno } = await seed();
    expect((await call(t.ctx, 'journal:list', {})).total).toBe(30);
    expect((await call(t.ctx, 'journal:list', { contactId: bruno })).total).toBe(15);
    expect((await call(t.ctx, 'journal:list', { circle: 'colleague' })).total).toBe(15);
    expect((await call(t.ctx, 'journal:list', { circle: 'sponsor' })).total).toBe(0);
    expect((await call(t.ctx, 'journal:list', { kind: 'call' })).total).toBe(10);
    expect((await call(t.ctx, 'journal:list', { tag: 'milestone' })).items.map((i) => i.title)).toEqual([
      'Entry 30',
      'Entry 25',
      'Entry 20',
      'Entry 15',
      'Entry 10',
      'Entry 5',
    ]);
    const range = await call(t.ctx, 'journal:list', { from: '2026-01-10', to: '2026-01-12' });
    expect(range.items.map((i) => i.title)).toEqual(['Entry 12', 'Entry 11', 'Entry 10']);
    expect(
      (await call(t.ctx, 'journal:list', { kind: 'call', contactId: bruno, tag: 'milestone' })).total,
    ).toBe(1);
    expect(await call(t.ctx, 'journal:tags', {})).toEqual(['milestone']);
  });

  it('filters the journal by where entries came from: written here, a calendar, LinkedIn', async () => {
    await seed();
    const imported = t.store.sqlite.prepare(
      `INSERT INTO interactions (kind, title, notes, starts_at, source, source_key, created_at, updated_at)
       VALUES (?, ?, '', '2026-02-01T09:00:00.000Z', ?, ?, ?, ?)`,
    );
    const at = now.toISOString();
    imported.run('meeting', 'Roadmap', 'ics', 'ics\u001fWork\u001froadmap', at, at);
    imported.run('meeting', 'Budget', 'ics', 'ics\u001fWork\u001fbudget', at, at);
    imported.run('connected', 'Connected', 'linkedin', 'linkedin-connected:ana', at, at);
    const titles = async (source: 'manual' | 'ics' | 'linkedin') =>
      (await call(t.ctx, 'journal:list', { source, limit: 100 })).items.map((i) => i.title).sort();
    expect(await titles('ics')).toEqual(['Budget', 'Roadmap']);
    expect(await titles('linkedin')).toEqual(['Connected']);
    expect((await call(t.ctx, 'journal:list', { source: 'manual' })).total).toBe(30);
    expect(fields(await refused(t.ctx, 'journal:list', { source: 'gmail' }))).toEqual(['source']);
  });

  it('filters by the user’s local days: timed entries by their local date, all-day entries by their date', async () => {
    const ana = await addContact(t.ctx, 'Ana', { circles: ['mentor'] });
    await call(t.ctx, 'goals:setPrefs', { weekStart: 1, timeZone: 'Pacific/Auckland' });
    const log = (title: string, startsAt: string, allDay = false) =>
      call(t.ctx, 'journal:create', {
        kind: 'coffee',
        startsAt,
        allDay,
        title,
        participants: [{ contactId: ana }],
      });
    // Auckland is UTC+13 in January.
    await log('Late on the 9th in UTC, early on the 10th in Auckland', '2026-01-09T12:30:00Z');
    await log('The 10th, all day', '2026-01-10', true);
    await log('Midday on the 10th in UTC, early on the 11th in Auckland', '2026-01-10T12:00:00Z');
    await log('On the 9th everywhere', '2026-01-09T05:00:00Z');
    const tenth = await call(t.ctx, 'journal:list', { from: '2026-01-10', to: '2026-01-10' });
    expect(tenth.items.map((i) => i.title).sort()).toEqual([
      'Late on the 9th in UTC, early on the 10th in Auckland',
      'The 10th, all day',
    ]);
    const eleventh = await call(t.ctx, 'journal:list', { from: '2026-01-11' });
    expect(eleventh.items.map((i) => i.title)).toEqual([
      'Midday on the 10th in UTC, early on the 11th in Auckland',
    ]);
    const upToNinth = await call(t.ctx, 'journal:list', { to: '2026-01-09' });
    expect(upToNinth.items.map((i) => i.title)).toEqual(['On the 9th everywhere']);
  });
});
