import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { mentionMarkdown } from '../../../src/shared/journal/mentions';
import type { Interaction, InteractionFieldsInput } from '../../../src/shared/journal/schemas';
import { addContact, call } from '../journal/call';
import { ics, importIcs, storeForEachTest } from './helpers';

const me = 'me@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

const s = storeForEachTest(now);

interface Version {
  sequence: number;
  start: string;
  title: string;
  location: string;
  notes: string;
  guests: string[];
  cancelled?: boolean;
}

/** One meeting as a calendar exports it: organised by the user, each guest with an answer. */
function event(uid: string, v: Version): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${v.sequence}`,
    `DTSTART:${v.start}`,
    'DURATION:PT1H',
    `SUMMARY:${v.title}`,
    `LOCATION:${v.location}`,
    `DESCRIPTION:${v.notes}`,
    `ORGANIZER:mailto:${me}`,
    ...v.guests.map(
      (g, i) => `ATTENDEE;PARTSTAT=${i % 2 ? 'TENTATIVE' : 'ACCEPTED'}:mailto:${g}@corp.example`,
    ),
    ...(v.cancelled ? ['STATUS:CANCELLED'] : []),
    'END:VEVENT',
  ];
}

async function importEvents(...events: string[][]) {
  const preview = await previewImport(
    {
      files: [{ name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...events.flat()) }],
      windowEnd,
      selfEmails: [me],
    },
    s.ctx,
  );
  const result = await commitImport(
    { previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) },
    s.ctx,
  );
  return { preview, result };
}

const idOf = (title: string) =>
  s.t.store.sqlite.prepare('SELECT id FROM interactions WHERE title = ?').pluck().get(title) as number;

const row = (id: number) =>
  s.t.store.sqlite
    .prepare(
      `SELECT kind, title, notes, location, starts_at, initiated_by, notes_edited, kind_edited, title_edited,
         location_edited, time_edited, initiator_edited, people_edited
       FROM interactions WHERE id = ?`,
    )
    .get(id) as Record<string, unknown>;

/** Who took part, by address (or name for a contact without one), role and answer. */
const people = (id: number) =>
  s.t.store.sqlite
    .prepare(
      `SELECT coalesce(e.email, c.display_name) AS who, p.role, p.response, p.starts_at = i.starts_at AS sameStart
       FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id
       JOIN interactions i ON i.id = p.interaction_id
       LEFT JOIN contact_emails e ON e.contact_id = c.id
       WHERE p.interaction_id = ? ORDER BY who`,
    )
    .raw(true)
    .all(id)
    .map((r) => r as [string, string, string | null, number])
    .map(([who, role, response, sameStart]) => {
      expect(sameStart).toBe(1);
      return `${String(who).replace('@corp.example', '')} ${role}${response ? ` ${response}` : ''}`;
    });

/** The fields the entry form sends for an entry it opened, changed by `change`. */
async function editLikeTheForm(id: number, change: (f: InteractionFieldsInput) => InteractionFieldsInput) {
  const entry: Interaction = await call(s.t.ctx, 'journal:get', { id });
  const fields: InteractionFieldsInput = {
    kind: entry.kind,
    allDay: entry.allDay,
    startsAt: entry.startsAt,
    endsAt: null,
    durationMinutes: entry.durationMinutes,
    title: entry.title,
    notes: entry.notes,
    location: entry.location,
    initiatedBy: entry.initiatedBy,
    participants: entry.participants
      .filter((p) => p.role !== 'mentioned')
      .map((p) => ({ contactId: p.contactId, role: p.role })),
    tags: entry.tags,
  };
  return call(s.t.ctx, 'journal:update', { id, fields: change(fields) });
}

const plan = (v: Partial<Version> & { sequence: number }): Version => ({
  start: '20250303T100000Z',
  title: 'Planning',
  location: 'Room 4',
  notes: 'Agenda',
  guests: ['lee', 'kim'],
  ...v,
});

describe('what the user changes of an imported meeting stays theirs', () => {
  it('an edit marks only the parts it changes, and keeps the calendar’s answers', async () => {
    await importEvents(event('plan', plan({ sequence: 0 })));
    const id = idOf('Planning');
    await editLikeTheForm(id, (f) => f);
    expect(row(id)).toMatchObject({ notes_edited: 0, kind_edited: 0, time_edited: 0, people_edited: 0 });

    await editLikeTheForm(id, (f) => ({ ...f, kind: 'coffee', location: 'Café Rosa' }));
    expect(row(id)).toMatchObject({
      kind: 'coffee',
      location: 'Café Rosa',
      kind_edited: 1,
      location_edited: 1,
      notes_edited: 0,
      title_edited: 0,
      time_edited: 0,
      initiator_edited: 0,
      people_edited: 0,
    });
    expect(people(id)).toEqual(['kim attendee tentative', 'lee attendee accepted']);

    // Writing the calendar's value back does not hand the part back to the calendar.
    await editLikeTheForm(id, (f) => ({ ...f, kind: 'video' }));
    expect(row(id)).toMatchObject({ kind: 'video', kind_edited: 1 });

    // An entry written in Rapport is the user's whole: it is never marked.
    const own = await call(s.t.ctx, 'journal:create', { kind: 'call', startsAt: '2025-03-05T09:00:00Z' });
    await editLikeTheForm(own.id, (f) => ({ ...f, kind: 'coffee', title: 'Coffee' }));
    expect(row(own.id)).toMatchObject({ kind_edited: 0, title_edited: 0 });
  });

  it('a later export changes only the parts the user left alone, and undo puts back only those', async () => {
    const ana = await addContact(s.t.ctx, 'Ana Souza');
    const first = await importEvents(
      event('plan', plan({ sequence: 0 })),
      event('sync', plan({ sequence: 0, title: 'Sync', start: '20250304T100000Z' })),
    );
    expect(first.result.created).toBe(2);
    const id = idOf('Planning');
    const sync = idOf('Sync');
    const notes = `Agenda, and ${mentionMarkdown(ana, 'Ana Souza')} joined late.`;
    await editLikeTheForm(id, (f) => ({ ...f, kind: 'coffee', title: 'Planning over coffee', notes }));
    expect(people(id)).toEqual(['Ana Souza mentioned', 'kim attendee tentative', 'lee attendee accepted']);

    // The organiser moves both meetings, renames them, changes their room and invites Sam.
    const moved = { sequence: 1, location: 'Room 7', notes: 'New agenda', guests: ['lee', 'kim', 'sam'] };
    const secondExport = [
      event('plan', plan({ ...moved, start: '20250305T140000Z', title: 'Planning (moved)' })),
      event('sync', plan({ ...moved, start: '20250306T140000Z', title: 'Sync (moved)' })),
    ];
    // The preview and import-ics say which of the meetings to update keep the user's changes.
    const file = join(s.t.dir, 'later.ics');
    writeFileSync(file, ics('X-WR-CALNAME:Work', ...secondExport.flat()));
    const { out, run } = importIcs(s.t.path, me);
    expect(await run(file, '--dry-run')).toBe(0);
    expect(out.join('\n').split('\n')).toContain(
      '  to create 0, to update 2 (1 keeps your changes), unchanged 0',
    );
    const second = await importEvents(...secondExport);
    expect(second.preview).toMatchObject({ toUpdate: 2, updatedYours: 1 });
    expect(second.result).toMatchObject({ created: 0, updated: 2 });
    expect(row(id)).toMatchObject({
      kind: 'coffee',
      title: 'Planning over coffee',
      notes,
      location: 'Room 7',
      starts_at: '2025-03-05T14:00:00.000Z',
    });
    expect(people(id)).toEqual([
      'Ana Souza mentioned',
      'kim attendee tentative',
      'lee attendee accepted',
      'sam attendee accepted',
    ]);
    expect(row(sync)).toMatchObject({
      kind: 'meeting',
      title: 'Sync (moved)',
      notes: 'New agenda',
      location: 'Room 7',
      starts_at: '2025-03-06T14:00:00.000Z',
    });

    // The user says it really began at 15:00, and that Kim was not there.
    await editLikeTheForm(id, (f) => ({
      ...f,
      startsAt: '2025-03-05T15:00:00.000Z',
      participants: (f.participants ?? []).filter((p) => p.contactId !== contactOf('kim@corp.example')),
    }));
    expect(row(id)).toMatchObject({ time_edited: 1, people_edited: 1, location_edited: 0 });

    const third = await importEvents(
      event(
        'plan',
        plan({
          ...moved,
          sequence: 2,
          start: '20250306T090000Z',
          location: 'Room 9',
          guests: ['lee', 'kim', 'sam', 'max'],
        }),
      ),
      event('sync', plan({ ...moved, title: 'Sync (moved)', start: '20250306T140000Z' })),
    );
    expect(third.preview).toMatchObject({ toUpdate: 1, updatedYours: 1 });
    expect(third.result).toMatchObject({ created: 0, updated: 1 });
    expect(row(id)).toMatchObject({
      title: 'Planning over coffee',
      location: 'Room 9',
      starts_at: '2025-03-05T15:00:00.000Z',
    });
    expect(people(id)).toEqual(['Ana Souza mentioned', 'lee attendee accepted', 'sam attendee accepted']);

    // Undo takes back the calendar's parts of each import, never the user's.
    undoCalendarImport(third.result.importId!, s.ctx);
    expect(row(id)).toMatchObject({
      location: 'Room 7',
      starts_at: '2025-03-05T15:00:00.000Z',
      kind: 'coffee',
    });
    expect(people(id)).toEqual(['Ana Souza mentioned', 'lee attendee accepted', 'sam attendee accepted']);
    undoCalendarImport(second.result.importId!, s.ctx);
    expect(row(id)).toMatchObject({
      kind: 'coffee',
      title: 'Planning over coffee',
      notes,
      location: 'Room 4',
      starts_at: '2025-03-05T15:00:00.000Z',
    });
    expect(people(id)).toEqual(['Ana Souza mentioned', 'lee attendee accepted', 'sam attendee accepted']);
    expect(row(sync)).toMatchObject({
      title: 'Sync',
      notes: 'Agenda',
      location: 'Room 4',
      starts_at: '2025-03-04T10:00:00.000Z',
    });
    expect(people(sync)).toEqual(['kim attendee tentative', 'lee attendee accepted']);
  });

  it('a meeting handed back to its calendar takes every part from the next import', async () => {
    await importEvents(event('plan', plan({ sequence: 1 })));
    const id = idOf('Planning');
    const edited = await editLikeTheForm(id, (f) => ({
      ...f,
      kind: 'coffee',
      title: 'Planning over coffee',
    }));
    expect(edited.changedByYou).toEqual(['kind', 'title']);
    // The same file again: nothing changed in the calendar, so nothing to take from it.
    expect((await importEvents(event('plan', plan({ sequence: 1 })))).result.nothingNew).toBe(true);

    const returned = await call(s.t.ctx, 'journal:returnToCalendar', { id });
    expect(returned.changedByYou).toEqual([]);
    expect(row(id)).toMatchObject({ kind: 'coffee', title: 'Planning over coffee' });
    // An older export still changes nothing; the same one now sets every part from the calendar.
    expect((await importEvents(event('plan', plan({ sequence: 0, title: 'Old' })))).result.nothingNew).toBe(
      true,
    );
    const again = await importEvents(event('plan', plan({ sequence: 1 })));
    expect(again.result).toMatchObject({ created: 0, updated: 1 });
    expect(row(id)).toMatchObject({ kind: 'meeting', title: 'Planning', kind_edited: 0, title_edited: 0 });

    const own = await call(s.t.ctx, 'journal:create', { kind: 'call', startsAt: '2025-03-05T09:00:00Z' });
    await expect(call(s.t.ctx, 'journal:returnToCalendar', { id: own.id })).rejects.toThrow(
      'VALIDATION: Only a meeting imported from a calendar can be handed back to it.',
    );
    await expect(call(s.t.ctx, 'journal:returnToCalendar', { id: 999 })).rejects.toThrow(/NOT_FOUND/);
  });

  it('a meeting the user changed stays when the calendar cancels it; one left alone goes', async () => {
    await importEvents(
      event('plan', plan({ sequence: 0 })),
      event('sync', plan({ sequence: 0, title: 'Sync', start: '20250304T100000Z' })),
    );
    await editLikeTheForm(idOf('Planning'), (f) => ({ ...f, kind: 'coffee' }));
    const cancelledBoth = await importEvents(
      event('plan', plan({ sequence: 1, cancelled: true })),
      event('sync', plan({ sequence: 1, title: 'Sync', start: '20250304T100000Z', cancelled: true })),
    );
    expect(cancelledBoth.preview.withdrawn).toMatchObject({ remove: 1, keep: 1 });
    expect(cancelledBoth.result.withdrawn).toBe(1);
    expect(s.t.store.sqlite.prepare('SELECT title, kind FROM interactions').all()).toEqual([
      { title: 'Planning', kind: 'coffee' },
    ]);
  });
});

function contactOf(email: string): number {
  return s.t.store.sqlite
    .prepare('SELECT contact_id FROM contact_emails WHERE email = ?')
    .pluck()
    .get(email) as number;
}
