import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitImport,
  previewImport,
  undoCalendarImport,
  type ServiceContext,
} from '../../../src/main/calendar/service';
import type { CalendarFile } from '../../../src/main/calendar/input';
import { liveParserThreads } from '../../../src/main/calendar/runner';
import { listImports } from '../../../src/main/calendar/store';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { runCli } from '../../../src/main/cli/run';
import { AppError } from '../../../src/shared/ipc/envelope';
import type { CalendarPreview } from '../../../src/shared/calendar/schemas';
import type { NewPeopleCircle } from '../../../src/shared/calendar/newPeopleCircle';
import { contentHash, visibleState } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { fixture, fixturesDir, ics, invite, meeting, zoneWithBrokenRule } from './helpers';

const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');
const vendorFiles = () => [
  { name: 'google-export.zip', bytes: fixture('rapport/google-export.zip') },
  { name: 'outlook-windows-zones.ics', bytes: fixture('rapport/outlook-windows-zones.ics') },
  { name: 'apple-calendar.ics', bytes: fixture('rapport/apple-calendar.ics') },
];

let t: TempStore;
let progress: Array<[string, number, number]>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await tempStore(() => now);
  progress = [];
  ctx = {
    store: t.store,
    now: () => now,
    progress: (phase, done, total) => progress.push([phase, done, total]),
  };
});
afterEach(async () => {
  await t.cleanup();
});

const count = (table: string) =>
  t.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function importAll(files = vendorFiles(), keep?: (p: CalendarPreview) => string[]) {
  const preview = await previewImport({ files, windowEnd, defaultZone: 'UTC' }, ctx);
  const result = await commitImport(
    {
      previewId: preview.previewId,
      createPeople: keep ? keep(preview) : preview.newPeople.map((p) => p.email),
      selfEmails: preview.selfEmails,
    },
    ctx,
  );
  return { preview, result };
}

describe('calendar import service', () => {
  it('previews counts, people, the suggested address and what is skipped, writing nothing', async () => {
    const before = contentHash(t.store.sqlite);
    const preview = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect(contentHash(t.store.sqlite)).toBe(before);
    expect(preview.files.map((f) => [f.name, f.calendar, f.events, f.occurrences])).toEqual([
      [
        'google-export.zip/Holidays in United Kingdom_en.uk#holiday@group.v.calendar.google.com.ics',
        'Holidays in United Kingdom',
        1,
        0,
      ],
      // Six occurrences read; the one the user declined is skipped when planning.
      ['google-export.zip/me@example.com.ics', 'me@example.com', 6, 6],
      ['outlook-windows-zones.ics', 'Calendar', 4, 6],
      ['apple-calendar.ics', 'Home', 3, 6],
    ]);
    expect(preview.selfEmails).toEqual(['me@example.com']);
    expect(preview.selfEmailsSuggested).toBe(true);
    // 17 occurrences, less the all-day trip and the floating reminder that have no one else in them.
    expect([preview.toCreate, preview.toUpdate, preview.unchanged]).toEqual([15, 0, 0]);
    expect(preview.skippedByReason).toEqual({ future: 1, cancelled: 1, declined: 1, no_people: 2 });
    expect(preview.newPeople.map((p) => `${p.meetings} ${p.name} <${p.email}>`)).toEqual([
      '5 Tom Becker <tom.becker@contoso.com>',
      '4 Priya Raman <priya.raman@contoso.com>',
      '4 Sam Ortiz <sam.ortiz@example.net>',
      '3 Ana Sousa <ana.sousa@example.com>',
      '1 Chidi Okafor <chidi.okafor@partner.example.org>',
      '1 Dan Ng <dan.ng@example.com>',
      '1 Jonas Müller <jonas.mueller@fabrikam.de>',
      '1 Maya Lin <maya.lin@example.net>',
    ]);
    expect(preview.matchedPeople).toEqual([]);
    expect(preview.range).toEqual({ from: '2025-01-01T23:00:00.000Z', to: '2025-05-07T22:00:00.000Z' });
    // Teams and Meet links make 7 video calls; "Mittagessen mit Jonas" and "Coffee with Maya" are meals.
    expect(preview.perKind).toEqual([
      { kind: 'video', meetings: 7 },
      { kind: 'meeting', meetings: 6 },
      { kind: 'coffee', meetings: 2 },
    ]);
  });

  it("suggests the address in the most meetings for the user's, not the manager who sends most invitations", async () => {
    // Kim sends the team's invitations; the user (sam@) is in every meeting, declined one, organised one.
    const files = [
      {
        name: 'sam.ics',
        bytes: ics(
          ...meeting('team-1', '20250106T090000Z', 'kim@example.com', 'sam@example.com', 'ana@example.com'),
          ...meeting('team-2', '20250113T090000Z', 'kim@example.com', 'sam@example.com', 'ana@example.com'),
          ...meeting('review', '20250114T090000Z', 'kim@example.com', 'sam@example.com', 'bo@example.com'),
          ...invite(
            'offsite',
            '20250115T090000Z',
            'kim@example.com',
            ';PARTSTAT=DECLINED:mailto:sam@example.com',
          ),
          ...meeting('coffee', '20250116T090000Z', 'sam@example.com', 'ana@example.com'),
        ),
      },
    ];
    const preview = await previewImport({ files, windowEnd, defaultZone: 'UTC' }, ctx);
    expect(preview).toMatchObject({ selfEmails: ['sam@example.com'], selfEmailsSuggested: true });
    expect(preview.newPeople.map((p) => p.email)).toEqual([
      'ana@example.com',
      'kim@example.com',
      'bo@example.com',
    ]);
    expect(preview.skippedByReason).toEqual({ declined: 1 });
    expect(preview.skipped.map((s) => s.message)).toEqual(['You declined "offsite" on 2025-01-15.']);
  });

  /** Sam's calendar: two team meetings with Kim and Ana, an invitation of Kim's with these answers, a coffee. */
  const samsCalendar = (uid: string, ...answers: string[]) => [
    {
      name: 'sam.ics',
      bytes: ics(
        ...meeting('team-1', '20250106T090000Z', 'kim@example.com', 'sam@example.com', 'ana@example.com'),
        ...meeting('team-2', '20250113T090000Z', 'kim@example.com', 'sam@example.com', 'ana@example.com'),
        ...invite(uid, '20250115T090000Z', 'kim@example.com', ...answers),
        ...meeting('coffee', '20250116T090000Z', 'sam@example.com', 'ana@example.com'),
      ),
    },
  ];

  it.each([
    {
      how: 'delegated',
      files: samsCalendar(
        'budget',
        ';PARTSTAT=DELEGATED;DELEGATED-TO="mailto:ana@example.com":mailto:sam@example.com',
        ';PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:sam@example.com":mailto:ana@example.com',
      ),
      skipped: ['declined', 'You delegated "budget" on 2025-01-15 to someone else.'],
    },
    {
      how: 'was only copied on',
      files: samsCalendar(
        'board',
        ';ROLE=NON-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:sam@example.com',
        ';PARTSTAT=ACCEPTED:mailto:ana@example.com',
      ),
      skipped: ['copied', 'You were only copied on "board" on 2025-01-15.'],
    },
  ])(
    'says which meeting the user $how, when their address is only the suggested one',
    async ({ files, skipped }) => {
      const preview = await previewImport({ files, windowEnd, defaultZone: 'UTC' }, ctx);
      expect(preview).toMatchObject({ selfEmails: ['sam@example.com'], selfEmailsSuggested: true });
      expect(preview.skipped.map((s) => [s.reason, s.message])).toEqual([skipped]);
      expect(preview.toCreate).toBe(3);
    },
  );

  it('puts the new contacts into the circle asked: colleagues by work domain, one for all, or none', async () => {
    const files = () => [
      {
        name: 'work.ics',
        bytes: ics(
          ...meeting('sync', '20250106T090000Z', 'me@acme.example', 'ana@acme.example', 'bo@partner.example'),
          ...meeting('coffee', '20250107T090000Z', 'me@acme.example', 'cy@acme.example'),
        ),
      },
    ];
    const circlesOf = () =>
      t.store.sqlite
        .prepare(
          `SELECT e.email, group_concat(cc.circle) AS circles FROM contact_emails e
           LEFT JOIN contact_circles cc ON cc.contact_id = e.contact_id GROUP BY e.email ORDER BY e.email`,
        )
        .all() as Array<{ email: string; circles: string | null }>;
    const importWith = async (newPeopleCircle: NewPeopleCircle | undefined) => {
      const preview = await previewImport(
        { files: files(), windowEnd, selfEmails: ['me@acme.example'] },
        ctx,
      );
      return commitImport(
        {
          previewId: preview.previewId,
          createPeople: preview.newPeople.map((p) => p.email),
          ...(newPeopleCircle === undefined ? {} : { newPeopleCircle }),
        },
        ctx,
      );
    };

    const first = await importWith('by_domain');
    expect(circlesOf()).toEqual([
      { email: 'ana@acme.example', circles: 'colleague' },
      { email: 'bo@partner.example', circles: null },
      { email: 'cy@acme.example', circles: 'colleague' },
    ]);
    // Undo takes the contacts back, and their circles with them.
    undoCalendarImport(first.importId!, ctx);
    expect(circlesOf()).toEqual([]);
    expect(count('contact_circles')).toBe(0);

    const second = await importWith('mentor');
    expect(circlesOf().map((r) => r.circles)).toEqual(['mentor', 'mentor', 'mentor']);
    undoCalendarImport(second.importId!, ctx);
    await importWith(undefined);
    expect(count('contacts')).toBe(3);
    expect(count('contact_circles')).toBe(0);
    await expect(
      dispatch('calendar:commit', { previewId: 'x', createPeople: [], newPeopleCircle: 'boss' }, t.ctx),
    ).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('commits in one go with progress, links the kept people, and records the import', async () => {
    const { result } = await importAll(vendorFiles(), (p) =>
      p.newPeople.map((x) => x.email).filter((e) => e !== 'dan.ng@example.com'),
    );
    expect(result).toMatchObject({ created: 15, updated: 0, contactsCreated: 7, nothingNew: false });
    expect(count('interactions')).toBe(15);
    expect(count('contacts')).toBe(7);
    expect(progress.at(-1)).toEqual(['writing', 15, 15]);
    const review = t.store.sqlite
      .prepare(
        `SELECT i.kind, i.initiated_by, i.starts_at, group_concat(c.display_name || ':' || p.role || ':' || ifnull(p.response, ''), '|') AS people
         FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
         WHERE i.title = 'Design review' GROUP BY i.id`,
      )
      .get();
    // Dan was dropped, so only Chidi is linked, given name first (CN="Okafor, Chidi"); the user is
    // never a participant.
    expect(review).toEqual({
      kind: 'meeting',
      initiated_by: 'them',
      starts_at: '2025-02-04T16:00:00.000Z',
      people: 'Chidi Okafor:organizer:accepted',
    });
    const oneOnOne = t.store.sqlite
      .prepare(
        `SELECT kind, initiated_by, duration_minutes FROM interactions WHERE title = 'Ana / Me 1:1' ORDER BY starts_at`,
      )
      .all();
    expect(oneOnOne).toEqual([
      { kind: 'video', initiated_by: 'me', duration_minutes: 30 },
      { kind: 'video', initiated_by: 'me', duration_minutes: 30 },
    ]);
    expect(t.store.sqlite.prepare('SELECT email FROM self_emails').pluck().all()).toEqual(['me@example.com']);
  });

  it("the bulk write does the participant triggers' work and leaves the triggers as they were", async () => {
    const triggers = () =>
      t.store.sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
        .all();
    const before = triggers();
    const { result } = await importAll();
    expect(result.created).toBe(15);
    expect(triggers()).toEqual(before);
    // strength_dirty: every interaction with people; contacts.last_contact_at: each one's latest meeting.
    expect(
      count('interactions WHERE id IN (SELECT interaction_id FROM interaction_participants)'),
    ).toBeGreaterThan(0);
    expect(
      count(
        'interaction_participants WHERE interaction_id NOT IN (SELECT interaction_id FROM strength_dirty)',
      ),
    ).toBe(0);
    const stale = t.store.sqlite
      .prepare(
        `SELECT id, last_contact_at FROM contacts c WHERE last_contact_at IS NOT
           (SELECT max(starts_at) FROM interaction_participants p WHERE p.contact_id = c.id AND p.role != 'mentioned')`,
      )
      .all();
    expect(stale).toEqual([]);
    expect(count('contacts WHERE last_contact_at IS NULL')).toBe(0);
    // The recreated triggers still fire for a later write.
    const contactId = t.store.sqlite.prepare('SELECT min(id) FROM contacts').pluck().get() as number;
    const later = '2025-05-30T10:00:00.000Z';
    const id = Number(
      t.store.sqlite
        .prepare(
          `INSERT INTO interactions (kind, starts_at, created_at, updated_at) VALUES ('call', ?, ?, ?)`,
        )
        .run(later, later, later).lastInsertRowid,
    );
    t.store.sqlite
      .prepare(
        `INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)`,
      )
      .run(id, contactId, later);
    expect(
      t.store.sqlite.prepare('SELECT last_contact_at FROM contacts WHERE id = ?').pluck().get(contactId),
    ).toBe(later);
    expect(count(`strength_dirty WHERE interaction_id = ${id}`)).toBe(1);
  });

  it('ends the parser threads kept after the preview before the write, and reads with new ones after', async () => {
    // A file of its own: one read already (by another test) would be previewed without reading.
    const files = [
      {
        name: 'threads.ics',
        bytes: ics(...meeting('threads-1', '20250310T090000Z', 'kim@example.com', 'me@example.com')),
      },
    ];
    const preview = await previewImport({ files, windowEnd, defaultZone: 'UTC' }, ctx);
    expect(liveParserThreads()).toBeGreaterThan(0);
    const result = await commitImport(
      { previewId: preview.previewId, createPeople: [], selfEmails: preview.selfEmails },
      ctx,
    );
    expect(result.created).toBeGreaterThan(0);
    expect(liveParserThreads()).toBe(0);
    const again = await previewImport(
      { files, windowEnd: new Date(windowEnd.getTime() + 1), defaultZone: 'UTC' },
      ctx,
    );
    expect(again.toUpdate).toBe(0);
    expect(again.toCreate).toBe(0);
    expect(liveParserThreads()).toBeGreaterThan(0);
  });

  it('the bulk write indexes every new meeting for search and leaves the schema as it was', async () => {
    const schema = () =>
      t.store.sqlite
        .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name`)
        .all();
    const before = schema();
    const { result } = await importAll();
    expect(result.created).toBe(15);
    expect(schema()).toEqual(before);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check: the index holds exactly the rows of interactions.
    t.store.sqlite.exec(`INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')`);
    const search = (query: string) =>
      t.store.sqlite
        .prepare(
          `SELECT i.title FROM interactions_fts f JOIN interactions i ON i.id = f.rowid
           WHERE interactions_fts MATCH ? ORDER BY i.starts_at`,
        )
        .pluck()
        .all(query);
    expect(search('mittag*')).toEqual(['Mittagessen mit Jonas']);
    expect(count('interactions_fts')).toBe(count('interactions'));
    // The recreated FTS trigger indexes a later manual interaction too.
    t.store.sqlite
      .prepare(
        `INSERT INTO interactions (kind, title, starts_at, created_at, updated_at) VALUES ('call', 'Zebra talk', ?, ?, ?)`,
      )
      .run(now.toISOString(), now.toISOString(), now.toISOString());
    expect(search('zebra')).toEqual(['Zebra talk']);
  });

  it('re-importing the same files writes nothing and says so', async () => {
    // Some people dropped, so the import has choices to remember, as a real one does.
    await importAll(vendorFiles(), (p) => p.newPeople.slice(1).map((x) => x.email));
    const before = contentHash(t.store.sqlite);
    const writes = t.store.sqlite.prepare('SELECT total_changes()').pluck();
    const writesBefore = writes.get();
    const { preview, result } = await importAll(vendorFiles(), (p) =>
      p.newPeople.slice(1).map((x) => x.email),
    );
    expect([preview.toCreate, preview.toUpdate]).toEqual([0, 0]);
    expect(preview.unchanged).toBeGreaterThan(0);
    expect(result).toMatchObject({ importId: null, nothingNew: true, created: 0, updated: 0 });
    expect(contentHash(t.store.sqlite)).toBe(before);
    // Not a row rewritten either: not the user's addresses, not the people left out.
    expect(writes.get()).toBe(writesBefore);
  });

  /** A calendar of `n` one-to-one meetings, large enough against an empty database. */
  const meetings = (n: number) => [
    {
      name: 'work.ics',
      bytes: ics(
        ...Array.from({ length: n }, (_, i) => [
          'BEGIN:VEVENT',
          `UID:m-${i}`,
          `DTSTART:2024${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}T1000${String(i % 60).padStart(2, '0')}Z`,
          'DURATION:PT30M',
          `SUMMARY:One to one ${i}`,
          'ORGANIZER:mailto:me@example.com',
          `ATTENDEE;CN=Guest ${i % 100}:mailto:guest${i % 100}@example.com`,
          'END:VEVENT',
        ]).flat(),
      ),
    },
  ];
  const journalModesWhileWriting = () => {
    const modes = new Set<string>();
    // Progress from inside the write's transaction (the first, at 0, comes before it).
    ctx.progress = (phase, done) => {
      if (phase === 'writing' && done > 0)
        modes.add(t.store.sqlite.pragma('journal_mode', { simple: true }) as string);
    };
    return modes;
  };

  it('a first import writes through a rollback journal, and the database is back in WAL after', async () => {
    const first = journalModesWhileWriting();
    const { result } = await importAll(meetings(3000));
    expect(result.created).toBe(3000);
    expect(first).toEqual(new Set(['delete']));
    expect(t.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // A small import against what is now stored: the WAL as always.
    const second = journalModesWhileWriting();
    await importAll();
    expect(second).toEqual(new Set(['wal']));
  });

  it('with another connection open, a first import keeps the WAL and does not wait for it', async () => {
    const other = new Database(t.path);
    other.prepare('SELECT count(*) FROM contacts').get();
    // Waiting for the other connection would take this long: far beyond any import of 3,000.
    t.store.sqlite.pragma('busy_timeout = 30000');
    const modes = journalModesWhileWriting();
    const started = Date.now();
    const { result } = await importAll(meetings(3000));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(t.store.sqlite.pragma('busy_timeout', { simple: true })).toBe(30_000);
    expect(result.created).toBe(3000);
    expect(modes).toEqual(new Set(['wal']));
    expect(other.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(3000);
    other.close();
  });

  it('plans the commit again when the database changed after the preview', async () => {
    await importAll();
    // A re-import preview says "nothing new"; then a meeting is deleted before the commit.
    const preview = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect(preview.toCreate).toBe(0);
    const gone = t.store.sqlite
      .prepare(`SELECT id, source_key FROM interactions ORDER BY id LIMIT 1`)
      .get() as { id: number; source_key: string };
    t.store.sqlite.prepare(`DELETE FROM interactions WHERE id = ?`).run(gone.id);
    const result = await commitImport(
      { previewId: preview.previewId, createPeople: [], selfEmails: preview.selfEmails },
      ctx,
    );
    expect(result).toMatchObject({ nothingNew: false, created: 1, updated: 0 });
    const bySourceKey = t.store.sqlite
      .prepare(`SELECT count(*) FROM interactions WHERE source_key = ?`)
      .pluck();
    expect(bySourceKey.get(gone.source_key)).toBe(1);

    // A change made by another connection (the command line, say) counts too.
    const again = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect(again.toCreate).toBe(0);
    const other = new Database(t.path);
    other.pragma('foreign_keys = ON');
    other.prepare(`DELETE FROM interactions WHERE id = (SELECT max(id) FROM interactions)`).run();
    other.close();
    const second = await commitImport(
      { previewId: again.previewId, createPeople: [], selfEmails: again.selfEmails },
      ctx,
    );
    expect(second).toMatchObject({ nothingNew: false, created: 1 });
  });

  it('a new address for "me" at commit plans the import again', async () => {
    const preview = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    const me = preview.selfEmails[0];
    const someone = preview.newPeople[0].email;
    const expected = await previewImport(
      { files: vendorFiles(), windowEnd, defaultZone: 'UTC', selfEmails: [me, someone] },
      ctx,
    );
    const result = await commitImport(
      {
        previewId: preview.previewId,
        createPeople: preview.newPeople.map((p) => p.email),
        selfEmails: [me, someone],
      },
      ctx,
    );
    expect(result.created).toBe(expected.toCreate);
    expect(result.contactsCreated).toBe(expected.newPeople.length);
    const asContact = t.store.sqlite.prepare(`SELECT count(*) FROM contact_emails WHERE email = ?`).pluck();
    expect(asContact.get(someone)).toBe(0);
  });

  it('a later export updates moved meetings in place and keeps notes the user edited', async () => {
    const first = (title: string, start: string, seq: number) =>
      ics(
        'X-WR-CALNAME:Work',
        'BEGIN:VEVENT',
        'UID:move-me',
        `SEQUENCE:${seq}`,
        `DTSTART:${start}`,
        'DURATION:PT1H',
        `SUMMARY:${title}`,
        'DESCRIPTION:From the calendar',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE;CN=Lee Park:mailto:lee@example.com',
        'END:VEVENT',
      );
    const a = await importAll([{ name: 'work.ics', bytes: first('Planning', '20250301T100000Z', 0) }]);
    expect(a.result.created).toBe(1);
    t.store.sqlite.prepare(`UPDATE interactions SET notes = 'My own notes', notes_edited = 1`).run();
    const b = await importAll([
      { name: 'work.ics', bytes: first('Planning (moved)', '20250302T150000Z', 1) },
    ]);
    expect(b.result).toMatchObject({ created: 0, updated: 1 });
    expect(t.store.sqlite.prepare('SELECT title, starts_at, notes FROM interactions').get()).toEqual({
      title: 'Planning (moved)',
      starts_at: '2025-03-02T15:00:00.000Z',
      notes: 'My own notes',
    });
    // An older export (lower SEQUENCE) does not undo the newer one.
    const c = await importAll([{ name: 'work.ics', bytes: first('Planning', '20250301T100000Z', 0) }]);
    expect(c.result.nothingNew).toBe(true);
    // Undoing the update puts the meeting back where it was.
    undoCalendarImport(b.result.importId!, ctx);
    expect(t.store.sqlite.prepare('SELECT title, starts_at FROM interactions').get()).toEqual({
      title: 'Planning',
      starts_at: '2025-03-01T10:00:00.000Z',
    });
    expect(count('interaction_participants')).toBe(1);
  });

  it('a later export that changes "this and following" meetings of a series updates them in place, and one that cancels them takes them back', async () => {
    const series = [
      'BEGIN:VEVENT',
      'UID:sync',
      'SUMMARY:Sync',
      'DTSTART:20250106T090000Z',
      'DURATION:PT30M',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'ORGANIZER:mailto:me@example.com',
      'ATTENDEE:mailto:ana@example.org',
      'END:VEVENT',
    ];
    const from20th = (...lines: string[]) => [
      'BEGIN:VEVENT',
      'UID:sync',
      'SEQUENCE:1',
      'RECURRENCE-ID;RANGE=THISANDFUTURE:20250120T090000Z',
      ...lines,
      'ORGANIZER:mailto:me@example.com',
      'END:VEVENT',
    ];
    const file = (...lines: string[]) => [{ name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...lines) }];
    const meetings = () =>
      t.store.sqlite
        .prepare(
          `SELECT i.starts_at || ' ' || i.title || ': ' || group_concat(e.email, ' ') FROM interactions i
           JOIN interaction_participants p ON p.interaction_id = i.id
           JOIN contact_emails e ON e.contact_id = p.contact_id
           GROUP BY i.id ORDER BY i.starts_at`,
        )
        .pluck()
        .all();
    const a = await importAll(file(...series));
    expect(a.result.created).toBe(6);
    const ids = t.store.sqlite.prepare('SELECT id FROM interactions ORDER BY starts_at').pluck().all();

    // From the 20th on, half an hour later, renamed, with Ben too.
    const moved = file(
      ...series,
      ...from20th(
        'SUMMARY:Sync and planning',
        'DTSTART:20250120T093000Z',
        'DURATION:PT30M',
        'ATTENDEE:mailto:ana@example.org',
        'ATTENDEE:mailto:ben@example.org',
      ),
    );
    const b = await importAll(moved);
    expect(b.preview.newPeople.map((p) => p.email)).toEqual(['ben@example.org']);
    expect(b.result).toMatchObject({ created: 0, updated: 4 });
    expect(t.store.sqlite.prepare('SELECT id FROM interactions ORDER BY starts_at').pluck().all()).toEqual(
      ids,
    );
    expect(meetings()).toEqual([
      '2025-01-06T09:00:00.000Z Sync: ana@example.org',
      '2025-01-13T09:00:00.000Z Sync: ana@example.org',
      '2025-01-20T09:30:00.000Z Sync and planning: ana@example.org ben@example.org',
      '2025-01-27T09:30:00.000Z Sync and planning: ana@example.org ben@example.org',
      '2025-02-03T09:30:00.000Z Sync and planning: ana@example.org ben@example.org',
      '2025-02-10T09:30:00.000Z Sync and planning: ana@example.org ben@example.org',
    ]);
    expect((await importAll(moved)).result.nothingNew).toBe(true);

    // Then the series is called off from the 20th on: those four meetings never took place.
    const c = await importAll(
      file(...series, ...from20th('STATUS:CANCELLED', 'DTSTART:20250120T090000Z', 'SEQUENCE:2')),
    );
    expect(c.preview.withdrawn).toEqual({ remove: 4, keep: 0 });
    expect(c.preview.skippedByReason).toMatchObject({ cancelled: 1 });
    expect(c.result).toMatchObject({ created: 0, withdrawn: 4 });
    expect(meetings()).toEqual([
      '2025-01-06T09:00:00.000Z Sync: ana@example.org',
      '2025-01-13T09:00:00.000Z Sync: ana@example.org',
    ]);
  });

  it('an update writes what changed: a new title to the search index, a new guest list to the participants', async () => {
    const event = (uid: string, title: string, start: string, ...guests: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTART:${start}`,
      'DURATION:PT1H',
      `SUMMARY:${title}`,
      'ORGANIZER:mailto:me@example.com',
      ...guests.map((g) => `ATTENDEE:mailto:${g}@example.com`),
      'END:VEVENT',
    ];
    const file = (...events: string[][]) => [
      { name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...events.flat()) },
    ];
    await importAll(
      file(
        event('a', 'Roadmap', '20250303T100000Z', 'lee', 'kim'),
        event('b', 'Budget', '20250304T100000Z', 'lee'),
        event('c', 'Hiring', '20250305T100000Z', 'lee'),
      ),
    );
    const before = visibleState(t.store.sqlite);
    const search = (q: string) =>
      t.store.sqlite
        .prepare(
          `SELECT i.title FROM interactions_fts f JOIN interactions i ON i.id = f.rowid WHERE interactions_fts MATCH ?`,
        )
        .pluck()
        .all(q);
    const people = (title: string) =>
      t.store.sqlite
        .prepare(
          `SELECT e.email, p.starts_at FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id
           JOIN contact_emails e ON e.contact_id = p.contact_id WHERE i.title = ? ORDER BY e.email`,
        )
        .raw()
        .all(title) as Array<[string, string]>;
    const lastContact = (email: string) =>
      t.store.sqlite
        .prepare(
          `SELECT c.last_contact_at FROM contacts c JOIN contact_emails e ON e.contact_id = c.id WHERE e.email = ?`,
        )
        .pluck()
        .get(email);

    // The roadmap moves a week on with the same people and words; the budget gets a new title;
    // Kim joins the hiring meeting.
    const { result } = await importAll(
      file(
        event('a', 'Roadmap', '20250310T100000Z', 'lee', 'kim'),
        event('b', 'Forecast', '20250304T100000Z', 'lee'),
        event('c', 'Hiring', '20250305T100000Z', 'lee', 'kim'),
      ),
    );
    expect(result).toMatchObject({ created: 0, updated: 3 });
    expect(people('Roadmap')).toEqual([
      ['kim@example.com', '2025-03-10T10:00:00.000Z'],
      ['lee@example.com', '2025-03-10T10:00:00.000Z'],
    ]);
    expect(people('Hiring').map(([email]) => email)).toEqual(['kim@example.com', 'lee@example.com']);
    expect([lastContact('kim@example.com'), lastContact('lee@example.com')]).toEqual([
      '2025-03-10T10:00:00.000Z',
      '2025-03-10T10:00:00.000Z',
    ]);
    expect([search('roadmap'), search('forecast'), search('budget')]).toEqual([
      ['Roadmap'],
      ['Forecast'],
      [],
    ]);
    t.store.sqlite.exec(`INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')`);

    undoCalendarImport(result.importId!, ctx);
    expect(visibleState(t.store.sqlite)).toBe(before);
    expect([search('forecast'), search('budget')]).toEqual([[], ['Budget']]);
    expect(lastContact('kim@example.com')).toBe('2025-03-03T10:00:00.000Z');
  });

  it('undo removes exactly what an import created', async () => {
    const before = visibleState(t.store.sqlite);
    const { result } = await importAll();
    expect(count('interactions')).toBe(15);
    const undone = undoCalendarImport(result.importId!, ctx);
    expect(undone).toEqual({
      importId: result.importId,
      removed: 15,
      restored: 0,
      reinstated: 0,
      contactsRemoved: 8,
      addressesRemoved: 0,
    });
    expect(visibleState(t.store.sqlite)).toBe(before);
    expect(() => undoCalendarImport(result.importId!, ctx)).toThrow(/already undone/);
    expect(() => undoCalendarImport(999, ctx)).toThrow(AppError);
  });

  it('matches existing contacts by any of their addresses', async () => {
    t.store.sqlite
      .prepare(
        `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (40, 'Thomas Becker', ?, ?)`,
      )
      .run(now.toISOString(), now.toISOString());
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_emails (contact_id, email, position) VALUES (40, 'tom@home.example', 0), (40, 'tom.becker@contoso.com', 1)`,
      )
      .run();
    const preview = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    // Under the name the user gave him, not the calendar's "Tom Becker".
    expect(preview.matchedPeople).toEqual([
      {
        email: 'tom.becker@contoso.com',
        name: 'Thomas Becker',
        contactId: 40,
        meetings: 5,
        droppedBefore: false,
        sameNameAs: null,
        looksLikeYou: false,
        // The weekly sprint planning's last, the moved one of the 11th and a vendor call before it.
        lastMeeting: { title: 'Sprint planning', startsAt: '2025-03-25T16:00:00.000Z' },
      },
    ]);
    expect(preview.newPeople.map((p) => p.email)).not.toContain('tom.becker@contoso.com');
    // Whom the user may not place is shown with the latest meeting with them.
    expect(preview.newPeople.find((p) => p.email === 'jonas.mueller@fabrikam.de')?.lastMeeting).toEqual({
      title: 'Mittagessen mit Jonas',
      startsAt: '2025-03-30T10:30:00.000Z',
    });
  });

  it('remembers people dropped from an import and offers them again unticked', async () => {
    const tom = 'tom.becker@contoso.com';
    const first = await importAll(vendorFiles(), (p) =>
      p.newPeople.map((x) => x.email).filter((e) => e !== tom),
    );
    expect(first.preview.newPeople.every((p) => !p.droppedBefore)).toBe(true);
    // Undone, so the same files propose everyone again.
    undoCalendarImport(first.result.importId!, ctx);
    const again = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect(again.newPeople.filter((p) => p.droppedBefore).map((p) => p.email)).toEqual([tom]);
    // Keeping him this time forgets the drop.
    const kept = await commitImport(
      { previewId: again.previewId, createPeople: again.newPeople.map((p) => p.email) },
      ctx,
    );
    undoCalendarImport(kept.importId!, ctx);
    const third = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect(third.newPeople.some((p) => p.email === tom)).toBe(true);
    expect(third.newPeople.some((p) => p.droppedBefore)).toBe(false);
  });

  it('does not propose people seen only in meetings larger than the limit', async () => {
    const attendees = Array.from({ length: 30 }, (_, i) => `ATTENDEE:mailto:guest${i}@example.com`);
    const files = [
      {
        name: 'allhands.ics',
        bytes: ics(
          'BEGIN:VEVENT',
          'UID:allhands',
          'DTSTART:20250105T100000Z',
          'ORGANIZER:mailto:ceo@example.com',
          'ATTENDEE:mailto:me@example.com',
          ...attendees,
          'END:VEVENT',
          'BEGIN:VEVENT',
          'UID:small',
          'DTSTART:20250106T100000Z',
          'ORGANIZER:mailto:me@example.com',
          'ATTENDEE:mailto:guest1@example.com',
          'END:VEVENT',
        ),
      },
    ];
    const preview = await previewImport({ files, windowEnd, selfEmails: ['me@example.com'] }, ctx);
    expect(preview.newPeople.map((p) => p.email)).toEqual(['guest1@example.com']);
    expect(preview.toCreate).toBe(2);
  });

  it('proposes new people under the names a contact list would give them, and creates them so', async () => {
    const files = [
      {
        name: 'names.ics',
        bytes: ics(
          'BEGIN:VEVENT',
          'UID:names',
          'DTSTART:20250105T100000Z',
          'ORGANIZER:mailto:me@example.com',
          'ATTENDEE;CN="Fischer, Lena (Legal)":mailto:lf@example.org',
          'ATTENDEE:mailto:tomas.novak@example.org',
          'ATTENDEE;CN="Acme, Inc.":mailto:billing@acme.example',
          'ATTENDEE:mailto:jdoe@example.org',
          'END:VEVENT',
        ),
      },
    ];
    const preview = await previewImport({ files, windowEnd, selfEmails: ['me@example.com'] }, ctx);
    const proposed = ['Lena Fischer (Legal)', 'Tomas Novak', 'Acme, Inc.', 'jdoe'];
    expect(preview.newPeople.map((p) => p.name).sort()).toEqual([...proposed].sort());
    await commitImport(
      { previewId: preview.previewId, createPeople: preview.newPeople.map((p) => p.email) },
      ctx,
    );
    const names = t.store.sqlite
      .prepare('SELECT display_name FROM contacts ORDER BY id')
      .pluck()
      .all() as string[];
    expect(names.sort()).toEqual([...proposed].sort());
  });

  it("says which new person has the user's own name, and import-ics does not make a contact of them", async () => {
    const event = (uid: string, day: string, ...attendees: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTART:${day}T100000Z`,
      'ORGANIZER;CN=Alice Smith:mailto:alice@corp.example',
      ...attendees.map((a) => `ATTENDEE;${a}`),
      'END:VEVENT',
    ];
    const bytes = ics(
      // Her personal address, as a directory writes her name; someone else called Alice; a colleague.
      ...event(
        'a',
        '20250106',
        'CN="Smith, Alice":mailto:alice.smith@gmail.com',
        'CN=Bob Jones:mailto:bob@corp.example',
      ),
      ...event(
        'b',
        '20250107',
        'CN=Alice:mailto:alice@other.example',
        'CN=Bob Jones:mailto:bob@corp.example',
      ),
    );
    const files = [{ name: 'work.ics', bytes }];
    const preview = await previewImport({ files, windowEnd, selfEmails: ['alice@corp.example'] }, ctx);
    expect(
      preview.newPeople
        .map((p) => [p.email, p.looksLikeYou])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['alice.smith@gmail.com', true],
      ['alice@other.example', false],
      ['bob@corp.example', false],
    ]);

    const path = `${t.dir}/work.ics`;
    writeFileSync(path, bytes);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const args = ['--db', t.path, '--until', '2025-06-01', '--self', 'alice@corp.example'];
    expect(await runCli(['import-ics', path, ...args], io)).toBe(0);
    expect(out.join('\n').split('\n')).toContain(
      '    Alice Smith <alice.smith@gmail.com> has your name: not created (one of yours? give it with --self)',
    );
    expect(out.pop()).toMatch(/^Imported #\d+: 2 meetings created, 0 updated, 2 new contacts\.$/);
    expect(
      t.store.sqlite.prepare('SELECT display_name FROM contacts ORDER BY display_name').pluck().all(),
    ).toEqual(['Alice', 'Bob Jones']);
  });

  it('previews a Thunderbird export: the unanswered invitation, the decline, the user at another address', async () => {
    const files = [{ name: 'Calendar.ics', bytes: fixture('rapport/thunderbird-export.ics') }];
    const preview = await previewImport({ files, windowEnd, selfEmails: ['me@example.com'] }, ctx);
    expect(preview.files[0]).toMatchObject({ calendar: 'Calendar.ics', meetings: 5, withMe: 5 });
    expect(preview).toMatchObject({ toCreate: 5, skippedByReason: { declined: 1 } });
    expect(preview.unanswered).toEqual({ meetings: 1, leftOut: false, imported: { remove: 0, keep: 0 } });
    expect(preview.newPeople.map((p) => [p.name, p.email, p.looksLikeYou])).toEqual([
      ['Jonas Müller', 'jonas.mueller@example.de', false],
      ['Aylin Demir', 'aylin.demir@example.de', false],
      ['Lena Fischer', 'lena.fischer@example.de', false],
      ['Me Myself', 'me.myself@home.example', true],
      ['Petra Schulz', 'petra.schulz@example.de', false],
    ]);
  });

  it('says which calendar names no one, and how to export one that does: Outlook availability only', async () => {
    const files = [
      { name: 'Calendar.ics', bytes: fixture('rapport/outlook-availability-only.ics') },
      { name: 'outlook-windows-zones.ics', bytes: fixture('rapport/outlook-windows-zones.ics') },
      {
        name: 'Limited.ics',
        bytes: ics(
          'X-WR-CALNAME:Limited',
          ...['BEGIN:VEVENT', 'UID:d1', 'DTSTART:20260110T100000Z', 'SUMMARY:Dentist', 'END:VEVENT'],
          ...['BEGIN:VEVENT', 'UID:b1', 'DTSTART:20260112T100000Z', 'SUMMARY:Busy', 'END:VEVENT'],
        ),
      },
    ];
    const until = new Date('2026-11-25T00:00:00Z');
    const preview = await previewImport({ files, windowEnd: until, selfEmails: ['me@example.com'] }, ctx);
    expect(preview.files.map((f) => [f.name, f.occurrences, f.meetings, f.peopleless])).toEqual([
      // Six Monday mornings, a tentative hour and three days out of office, all without a soul.
      ['Calendar.ics', 8, 0, 'availability'],
      ['outlook-windows-zones.ics', 6, 6, null],
      ['Limited.ics', 2, 0, 'no_people'],
    ]);

    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    const db = `${t.dir}/cli.sqlite`;
    const args = ['--db', db, '--until', '2026-11-25', '--self', 'me@example.com', '--dry-run'];
    expect(
      await runCli(['import-ics', join(fixturesDir, 'rapport/outlook-availability-only.ics'), ...args], io),
    ).toBe(0);
    expect(out.join('\n')).toContain(
      'calendar outlook-availability-only.ics has no one in it. Its events hold only times marked “Busy” or “Tentative”, with no titles or people: an availability-only export. In Outlook, save it again with File → Save Calendar → More Options, Detail “Full details” and Date Range “Whole calendar”.',
    );
  });

  it('lists each calendar of a zip with the meetings the user is in, and leaves out those asked', async () => {
    const event = (uid: string, day: string, organizer: string, ...attendees: string[]) =>
      meeting(uid, `202501${day}T100000Z`, organizer, ...attendees);
    const calendar = (name: string, ...events: string[][]) => ics(`X-WR-CALNAME:${name}`, ...events.flat());
    const zip = zipSync({
      'me@example.com.ics': calendar(
        'Me',
        event('standup', '06', 'me@example.com', 'ana@example.com'),
        event('lunch', '07', 'bo@example.com', 'me@example.com'),
      ),
      'Holidays.ics': calendar('Holidays', [
        'BEGIN:VEVENT',
        'UID:h1',
        'DTSTART;VALUE=DATE:20250101',
        'END:VEVENT',
      ]),
      'cy@example.com.ics': calendar(
        'Cy',
        event('cy-1', '08', 'cy@example.com', 'dee@example.com'),
        event('cy-2', '09', 'cy@example.com', 'eve@example.com'),
        event('lunch', '07', 'bo@example.com', 'me@example.com'),
      ),
    });
    const files = [{ name: 'takeout.zip', bytes: Buffer.from(zip) }];
    const request = { files, windowEnd, selfEmails: ['me@example.com'] };
    const all = await previewImport(request, ctx);
    const rows = (p: CalendarPreview) =>
      p.files.map(
        (f) => `${f.name} ${f.calendar} ${f.meetings} ${f.withMe} ${f.skipped ? 'left out' : 'read'}`,
      );
    // A zip's entries come in name order. The user is in one of Cy's three meetings: the lunch, which
    // is in the user's calendar too, and imported once, from Cy's, read first.
    expect(rows(all)).toEqual([
      'takeout.zip/Holidays.ics Holidays 0 0 read',
      'takeout.zip/cy@example.com.ics Cy 3 1 read',
      'takeout.zip/me@example.com.ics Me 1 1 read',
    ]);
    expect(all.toCreate).toBe(4);
    expect(all.skippedByReason.other_calendar).toBe(1);
    expect(all.skipped.find((s) => s.reason === 'other_calendar')?.message).toBe(
      '"lunch" on 2025-01-07 is in "Cy" too: imported once, from there.',
    );

    const mine = await previewImport({ ...request, skipFiles: ['takeout.zip/cy@example.com.ics'] }, ctx);
    expect(rows(mine)).toEqual([
      'takeout.zip/Holidays.ics Holidays 0 0 read',
      'takeout.zip/cy@example.com.ics  0 0 left out',
      'takeout.zip/me@example.com.ics Me 2 2 read',
    ]);
    expect(mine.toCreate).toBe(2);
    expect(mine.newPeople.map((p) => p.email).sort()).toEqual(['ana@example.com', 'bo@example.com']);
    await commitImport(
      { previewId: mine.previewId, createPeople: ['ana@example.com', 'bo@example.com'] },
      ctx,
    );
    expect(t.store.sqlite.prepare('SELECT title FROM interactions ORDER BY title').pluck().all()).toEqual([
      'lunch',
      'standup',
    ]);

    // Everything left out is a preview of nothing, not an error.
    const none = await previewImport({ ...request, skipFiles: all.files.map((f) => f.name) }, ctx);
    expect([none.toCreate, none.files.every((f) => f.skipped)]).toEqual([0, true]);

    // Cy's calendar alone later: its copy of the lunch is the lunch already imported from the user's.
    const cyOnly = await previewImport(
      { ...request, skipFiles: ['takeout.zip/me@example.com.ics', 'takeout.zip/Holidays.ics'] },
      ctx,
    );
    expect([cyOnly.toCreate, cyOnly.unchanged]).toEqual([2, 1]);
    // Both again: the lunch comes from the user's calendar, where it was imported from.
    const both = await previewImport(request, ctx);
    expect([both.toCreate, both.unchanged]).toEqual([2, 2]);
    expect(both.skipped.find((s) => s.reason === 'other_calendar')?.message).toBe(
      '"lunch" on 2025-01-07 is in "Me" too: imported once, from there.',
    );
    await commitImport({ previewId: both.previewId, createPeople: [] }, ctx);
    expect(t.store.sqlite.prepare('SELECT title FROM interactions ORDER BY title').pluck().all()).toEqual([
      'cy-1',
      'cy-2',
      'lunch',
      'standup',
    ]);
    const again = await previewImport(request, ctx);
    expect([again.toCreate, again.toUpdate, again.unchanged]).toEqual([0, 0, 4]);
  });

  it('a meeting moved in the calendar it came from is updated once, even when another calendar holds it where it was', async () => {
    const lunch = (at: string) => [
      'BEGIN:VEVENT',
      'UID:lunch',
      `DTSTART:20250107T${at}00Z`,
      'SUMMARY:lunch',
      'ORGANIZER:mailto:bo@example.com',
      'ATTENDEE:mailto:me@example.com',
      'END:VEVENT',
    ];
    const zip = (mine: string, cys?: string) =>
      Buffer.from(
        zipSync({
          'me.ics': ics('X-WR-CALNAME:Me', ...lunch(mine)),
          ...(cys ? { 'cy.ics': ics('X-WR-CALNAME:Cy', ...lunch(cys)) } : {}),
        }),
      );
    const run = async (bytes: Buffer) => {
      const p = await previewImport(
        { files: [{ name: 'z.zip', bytes }], windowEnd, selfEmails: ['me@example.com'] },
        ctx,
      );
      return commitImport({ previewId: p.previewId, createPeople: ['bo@example.com'] }, ctx);
    };
    await run(zip('1200'));
    // Moved to 13:00 in the user's calendar; Cy's still says 12:00, so it is not the same meeting any more.
    const result = await run(zip('1300', '1200'));
    expect([result.created, result.updated]).toEqual([1, 1]);
    const starts = t.store.sqlite
      .prepare(`SELECT substr(source_key, 5, 2) || ' ' || starts_at FROM interactions ORDER BY source_key`)
      .pluck()
      .all();
    expect(starts).toEqual(['Cy 2025-01-07T12:00:00.000Z', 'Me 2025-01-07T13:00:00.000Z']);
  });

  it('takes only the meetings from a start the user gives, and the rest in a later import', async () => {
    const whole = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    const from = '2025-03-01';
    const before = whole.perMonth.filter((m) => m.month < '2025-03').reduce((n, m) => n + m.meetings, 0);
    expect(before).toBeGreaterThan(0);
    const windowStart = new Date(`${from}T00:00:00Z`);
    const recent = await previewImport(
      { files: vendorFiles(), windowEnd, windowStart, defaultZone: 'UTC' },
      ctx,
    );
    expect(recent.windowStart).toBe('2025-03-01T00:00:00.000Z');
    expect(recent.toCreate).toBe(whole.toCreate - before);
    // The meeting the user declined in February is left out as before the window, not as declined.
    expect(whole.skippedByReason.declined).toBe(1);
    expect(recent.skippedByReason.declined).toBeUndefined();
    expect(recent.skippedByReason.earlier).toBe(before + 1);
    expect(recent.range.from! >= from).toBe(true);
    expect(recent.perMonth.every((m) => m.month >= '2025-03')).toBe(true);
    await commitImport({ previewId: recent.previewId, createPeople: [] }, ctx);
    const oldest = () =>
      t.store.sqlite.prepare('SELECT min(starts_at) FROM interactions').pluck().get() as string;
    expect(count('interactions')).toBe(whole.toCreate - before);
    expect(oldest() >= from).toBe(true);
    // The whole history later: only what was left out is new.
    const rest = await previewImport({ files: vendorFiles(), windowEnd, defaultZone: 'UTC' }, ctx);
    expect([rest.toCreate, rest.unchanged]).toEqual([before, whole.toCreate - before]);

    const backwards = await previewImport(
      { files: vendorFiles(), windowEnd, windowStart: windowEnd, defaultZone: 'UTC' },
      ctx,
    ).catch((e: unknown) => e);
    expect(backwards).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('start after they end'),
    });
  });

  describe('a later export that shows meetings cancelled or declined since they were imported', () => {
    const me = 'me@example.com';
    const event = (uid: string, start: string, ...extra: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTART:${start}`,
      'DURATION:PT1H',
      `SUMMARY:${uid}`,
      ...extra,
      'END:VEVENT',
    ];
    const withAna = [`ORGANIZER:mailto:${me}`, 'ATTENDEE:mailto:ana@example.org'];
    const first = () => [
      {
        name: 'work.ics',
        bytes: ics(
          'X-WR-CALNAME:Work',
          ...event('lunch', '20250110T120000Z', ...withAna),
          ...event('weekly', '20250106T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=4', ...withAna),
          ...event(
            'review',
            '20250120T150000Z',
            'ORGANIZER:mailto:cy@example.org',
            `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${me}`,
          ),
          ...event('retro', '20250122T100000Z', ...withAna),
          ...event('offsite', '20250124T100000Z', ...withAna),
        ),
      },
    ];
    // The lunch and one weekly are cancelled, the user declined the review; the retro and the
    // offsite are cancelled too, but the user wrote notes on the one and tagged the other.
    const later = () => [
      {
        name: 'work.ics',
        bytes: ics(
          'X-WR-CALNAME:Work',
          ...event('lunch', '20250110T120000Z', 'STATUS:CANCELLED', 'SEQUENCE:1', ...withAna),
          ...event('weekly', '20250106T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=4', ...withAna),
          'BEGIN:VEVENT',
          'UID:weekly',
          'RECURRENCE-ID:20250113T090000Z',
          'DTSTART:20250113T090000Z',
          'STATUS:CANCELLED',
          'SEQUENCE:1',
          'END:VEVENT',
          ...event(
            'review',
            '20250120T150000Z',
            'ORGANIZER:mailto:cy@example.org',
            `ATTENDEE;PARTSTAT=DECLINED:mailto:${me}`,
          ),
          ...event('retro', '20250122T100000Z', 'STATUS:CANCELLED', ...withAna),
          ...event('offsite', '20250124T100000Z', 'STATUS:CANCELLED', ...withAna),
        ),
      },
    ];
    const preview = (files: CalendarFile[]) => previewImport({ files, windowEnd, selfEmails: [me] }, ctx);
    /**
     * import-ics into a database file of its own: the first export, imported; `later` imports
     * `laterBytes` with the options given. What it printed is in `out`.
     */
    const cliAfterFirst = async (name: string, laterBytes: Uint8Array) => {
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: () => {} };
      const file = `${t.dir}/../cli-${name}-${Date.now()}.sqlite`;
      const [firstPath, laterPath] = [`${t.dir}/../first-${name}.ics`, `${t.dir}/../later-${name}.ics`];
      writeFileSync(firstPath, first()[0].bytes);
      writeFileSync(laterPath, laterBytes);
      const args = ['--db', file, '--until', '2025-06-01', '--self', me];
      expect(await runCli(['import-ics', firstPath, ...args], io)).toBe(0);
      return {
        out,
        file,
        later: (...more: string[]) => runCli(['import-ics', laterPath, ...args, ...more], io),
      };
    };
    const titles = () =>
      t.store.sqlite.prepare('SELECT title, starts_at FROM interactions ORDER BY starts_at').raw(true).all();

    beforeEach(async () => {
      const p = await preview(first());
      await commitImport(
        { previewId: p.previewId, createPeople: ['ana@example.org', 'cy@example.org'] },
        ctx,
      );
      expect(count('interactions')).toBe(8);
      t.store.sqlite
        .prepare(`UPDATE interactions SET notes = 'Went well', notes_edited = 1 WHERE title = 'retro'`)
        .run();
      const tag = t.store.sqlite.prepare(`INSERT INTO tags (name) VALUES ('offsite')`).run().lastInsertRowid;
      t.store.sqlite
        .prepare(
          `INSERT INTO interaction_tags (interaction_id, tag_id) SELECT id, ? FROM interactions WHERE title = 'offsite'`,
        )
        .run(tag);
    });

    it('takes back those the user has not made their own, once, and undo puts them back exactly', async () => {
      const p = await preview(later());
      expect(p.withdrawn).toEqual({ remove: 3, keep: 2 });
      expect(p.skippedByReason).toMatchObject({ cancelled: 4, declined: 1 });
      const before = visibleState(t.store.sqlite);
      const result = await commitImport({ previewId: p.previewId, createPeople: [] }, ctx);
      expect(result).toMatchObject({ created: 0, updated: 0, withdrawn: 3, nothingNew: false });
      expect(titles()).toEqual([
        ['weekly', '2025-01-06T09:00:00.000Z'],
        ['weekly', '2025-01-20T09:00:00.000Z'],
        ['retro', '2025-01-22T10:00:00.000Z'],
        ['offsite', '2025-01-24T10:00:00.000Z'],
        ['weekly', '2025-01-27T09:00:00.000Z'],
      ]);
      // Cy's only meeting is gone, and so is the lunch from Ana's timeline and the search index.
      const search = (q: string) =>
        t.store.sqlite
          .prepare('SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH ?')
          .pluck()
          .get(q);
      expect([search('lunch'), search('review'), search('retro')]).toEqual([0, 0, 1]);
      expect(listImports(t.store.sqlite)[0]).toMatchObject({ id: result.importId, withdrawn: 3 });

      const again = await preview(later());
      expect(again.withdrawn).toEqual({ remove: 0, keep: 2 });
      expect(await commitImport({ previewId: again.previewId, createPeople: [] }, ctx)).toMatchObject({
        nothingNew: true,
      });

      expect(undoCalendarImport(result.importId!, ctx)).toMatchObject({
        removed: 0,
        restored: 0,
        reinstated: 3,
      });
      expect(visibleState(t.store.sqlite)).toBe(before);
    });

    it('are not put back by undo once the import that made them has been undone', async () => {
      const [made] = listImports(t.store.sqlite);
      const p = await preview(later());
      const result = await commitImport({ previewId: p.previewId, createPeople: [] }, ctx);
      expect(result.withdrawn).toBe(3);
      expect(undoCalendarImport(made.id, ctx)).toMatchObject({ removed: 5 });
      expect(undoCalendarImport(result.importId!, ctx)).toMatchObject({ reinstated: 0 });
      expect(count('interactions')).toBe(0);
    });

    it('takes back only what lies in the window, as it imports only what does', async () => {
      const p = await previewImport(
        { files: later(), windowEnd, windowStart: new Date('2025-01-15T00:00:00Z'), selfEmails: [me] },
        ctx,
      );
      // Of the five, the lunch (10 January) and the weekly of 13 January are before the window.
      expect(p.withdrawn).toEqual({ remove: 1, keep: 2 });
      const result = await commitImport({ previewId: p.previewId, createPeople: [] }, ctx);
      expect(result.withdrawn).toBe(1);
      expect(
        t.store.sqlite.prepare(`SELECT count(*) FROM interactions WHERE title = 'review'`).pluck().get(),
      ).toBe(0);
      expect(
        t.store.sqlite.prepare(`SELECT count(*) FROM interactions WHERE title = 'lunch'`).pluck().get(),
      ).toBe(1);
    });

    it('leaves them all when the user says so', async () => {
      const p = await preview(later());
      const before = contentHash(t.store.sqlite);
      expect(
        await commitImport({ previewId: p.previewId, createPeople: [], keepWithdrawn: true }, ctx),
      ).toMatchObject({ withdrawn: 0, nothingNew: true });
      expect(contentHash(t.store.sqlite)).toBe(before);
      expect(count('interactions')).toBe(8);
    });

    it('include a meeting the user was only copied on since, and the outcome says so', async () => {
      const copiedNow = [
        {
          name: 'work.ics',
          bytes: ics(
            'X-WR-CALNAME:Work',
            ...event(
              'review',
              '20250120T150000Z',
              'ORGANIZER:mailto:cy@example.org',
              `ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${me}`,
            ),
          ),
        },
      ];
      const p = await preview(copiedNow);
      expect(p.withdrawn).toEqual({ remove: 1, keep: 0 });
      const cli = await cliAfterFirst('copied', copiedNow[0].bytes);
      expect(await cli.later()).toBe(0);
      expect(cli.out.pop()).toMatch(/, 1 meeting cancelled or not attended removed\.$/);
    });

    it('are listed and removed by import-ics, or kept with --keep-cancelled', async () => {
      const { out, later: again, file } = await cliAfterFirst('withdrawn', later()[0].bytes);
      expect(await again('--dry-run')).toBe(0);
      expect(out.pop()!.split('\n')).toContain('  cancelled or not attended since imported: 5 to remove');
      expect(await again('--keep-cancelled')).toBe(0);
      expect(out.pop()).toBe('Nothing new: every meeting is already imported.');
      expect(await again()).toBe(0);
      expect(out.pop()).toMatch(
        /^Imported #\d+: 0 meetings created, 0 updated, 0 new contacts, 5 meetings cancelled or not attended removed\.$/,
      );
      const db = new Database(file, { readonly: true });
      try {
        expect(db.prepare('SELECT title FROM interactions ORDER BY starts_at').pluck().all()).toEqual([
          'weekly',
          'weekly',
          'weekly',
        ]);
      } finally {
        db.close();
      }
    });

    it('does not take back the past of a series cancelled as a whole', async () => {
      const whole = [
        {
          name: 'work.ics',
          bytes: ics(
            'X-WR-CALNAME:Work',
            ...event(
              'weekly',
              '20250106T090000Z',
              'RRULE:FREQ=WEEKLY;COUNT=4',
              'STATUS:CANCELLED',
              ...withAna,
            ),
          ),
        },
      ];
      const p = await preview(whole);
      expect(p.withdrawn).toEqual({ remove: 0, keep: 0 });
      expect(p.skippedByReason).toMatchObject({ cancelled: 1 });
    });
  });

  it('knows a contact, and the user, by another spelling of the same Gmail mailbox', async () => {
    const jonas = Number(
      t.store.sqlite
        .prepare(
          `INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Jonas Müller', 'x', 'x')`,
        )
        .run().lastInsertRowid,
    );
    t.store.sqlite
      .prepare(`INSERT INTO contact_emails (contact_id, email) VALUES (?, 'jonas.mueller@gmail.com')`)
      .run(jonas);
    const files = [
      {
        name: 'gmail.ics',
        bytes: ics(
          ...meeting('dots', '20250110T100000Z', 'lenafischer@gmail.com', 'JonasMueller@gmail.com'),
          ...meeting(
            'tag',
            '20250111T100000Z',
            'lena.fischer+cal@googlemail.com',
            'jonas.mueller+work@gmail.com',
          ),
        ),
      },
    ];
    const p = await previewImport({ files, windowEnd, selfEmails: ['lena.fischer@gmail.com'] }, ctx);
    expect(p.newPeople).toEqual([]);
    expect(p.matchedPeople.map((x) => [x.email, x.contactId, x.meetings])).toEqual([
      ['jonas.mueller+work@gmail.com', jonas, 1],
      ['jonasmueller@gmail.com', jonas, 1],
    ]);
    const result = await commitImport({ previewId: p.previewId, createPeople: [] }, ctx);
    expect(result).toMatchObject({ created: 2, contactsCreated: 0 });
    // Both meetings are on Jonas's timeline, organised by the user.
    expect(
      t.store.sqlite
        .prepare(
          `SELECT i.title, i.initiated_by, p.contact_id FROM interactions i
           JOIN interaction_participants p ON p.interaction_id = i.id ORDER BY i.title`,
        )
        .raw(true)
        .all(),
    ).toEqual([
      ['dots', 'me', jonas],
      ['tag', 'me', jonas],
    ]);
    expect(count('contact_emails')).toBe(1);
  });

  describe('a new person with the name of a contact the user has', () => {
    const meeting = () => [
      {
        name: 'team.ics',
        bytes: ics(
          'BEGIN:VEVENT',
          'UID:team',
          'DTSTART:20250105T100000Z',
          'ORGANIZER:mailto:me@example.com',
          'ATTENDEE;CN="Fischer, Lena (Legal)":mailto:lf@example.org',
          'ATTENDEE;CN=Sam Lee:mailto:sam@example.org',
          'ATTENDEE;CN=Tomas Novak:mailto:tomas@example.org',
          'END:VEVENT',
        ),
      },
    ];
    const addContact = (name: string, email?: string) => {
      const id = Number(
        t.store.sqlite
          .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, 'x', 'x')`)
          .run(name).lastInsertRowid,
      );
      if (email)
        t.store.sqlite.prepare(`INSERT INTO contact_emails (contact_id, email) VALUES (?, ?)`).run(id, email);
      return id;
    };
    const emailsOf = (id: number) =>
      t.store.sqlite
        .prepare('SELECT email FROM contact_emails WHERE contact_id = ? ORDER BY position')
        .pluck()
        .all(id);
    const preview = () => previewImport({ files: meeting(), windowEnd, selfEmails: ['me@example.com'] }, ctx);

    it('is offered to be added to that contact, and is, at a new address, for undo to take back', async () => {
      const lena = addContact('Lena FISCHER', 'lena@old-firm.example');
      addContact('Sam Lee');
      addContact('Sam  Lee');
      const p = await preview();
      const offers = Object.fromEntries(p.newPeople.map((x) => [x.email, x.sameNameAs]));
      // Case, the directory's order and its department aside; two Sam Lees are no one in particular.
      expect(offers).toEqual({
        'lf@example.org': { id: lena, name: 'Lena FISCHER' },
        'sam@example.org': null,
        'tomas@example.org': null,
      });
      const result = await commitImport(
        {
          previewId: p.previewId,
          createPeople: ['tomas@example.org'],
          linkPeople: [{ email: 'lf@example.org', contactId: lena }],
        },
        ctx,
      );
      expect(result).toMatchObject({ created: 1, contactsCreated: 1, addressesAdded: 1 });
      expect(emailsOf(lena)).toEqual(['lena@old-firm.example', 'lf@example.org']);
      // A new address is a change to her ("recently updated" lists her); undo takes it back.
      const updatedAt = (id: number) =>
        t.store.sqlite.prepare('SELECT updated_at FROM contacts WHERE id = ?').pluck().get(id);
      expect(updatedAt(lena)).toBe(now.toISOString());
      const linked = t.store.sqlite
        .prepare('SELECT contact_id FROM interaction_participants ORDER BY contact_id')
        .pluck()
        .all();
      expect(linked).toEqual([lena, lena + 3]);
      const again = await preview();
      expect(again.matchedPeople.map((x) => x.email).sort()).toEqual(['lf@example.org', 'tomas@example.org']);
      expect(await commitImport({ previewId: again.previewId, createPeople: [] }, ctx)).toMatchObject({
        nothingNew: true,
      });
      expect(undoCalendarImport(result.importId!, ctx)).toMatchObject({
        removed: 1,
        contactsRemoved: 1,
        addressesRemoved: 1,
      });
      expect(emailsOf(lena)).toEqual(['lena@old-firm.example']);
      expect(updatedAt(lena)).toBe('x');
      expect(count('contacts')).toBe(3);
    });

    it('is found however the umlauts are written: on the contact, in the CN or in the address', async () => {
      const jonas = addContact('Jonas Müller');
      const juergen = addContact('Juergen Weiss');
      const files = [
        {
          name: 'cafe.ics',
          bytes: ics(
            'BEGIN:VEVENT',
            'UID:cafe',
            'DTSTART:20250107T100000Z',
            'ORGANIZER:mailto:me@example.com',
            'ATTENDEE:mailto:jonas.mueller@fabrikam.example',
            'ATTENDEE;CN="Weiß, Jürgen":mailto:jw@fabrikam.example',
            'ATTENDEE:mailto:michael.nowak@fabrikam.example',
            'END:VEVENT',
          ),
        },
      ];
      const offers = async () =>
        Object.fromEntries(
          (await previewImport({ files, windowEnd, selfEmails: ['me@example.com'] }, ctx)).newPeople.map(
            (x) => [x.email, [x.name, x.sameNameAs?.id ?? null]],
          ),
        );
      expect(await offers()).toEqual({
        'jonas.mueller@fabrikam.example': ['Jonas Mueller', jonas],
        'jw@fabrikam.example': ['Jürgen Weiß', juergen],
        'michael.nowak@fabrikam.example': ['Michael Nowak', null],
      });
      // A second Jonas, his name written out, makes "Jonas Mueller" mean no one in particular.
      addContact('Jonas Mueller');
      expect((await offers())['jonas.mueller@fabrikam.example']).toEqual(['Jonas Mueller', null]);
    });

    it('is refused when asked both to create and to add, or to add to a contact since deleted, writing nothing', async () => {
      const lena = addContact('Lena Fischer');
      const p = await preview();
      const before = contentHash(t.store.sqlite);
      const both = await commitImport(
        {
          previewId: p.previewId,
          createPeople: ['lf@example.org'],
          linkPeople: [{ email: 'lf@example.org', contactId: lena }],
        },
        ctx,
      ).catch((e: unknown) => e);
      expect(both).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('lf@example.org') });
      expect(contentHash(t.store.sqlite)).toBe(before);
      t.store.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(lena);
      const emptied = contentHash(t.store.sqlite);
      const gone = await commitImport(
        {
          previewId: p.previewId,
          createPeople: [],
          linkPeople: [{ email: 'lf@example.org', contactId: lena }],
        },
        ctx,
      ).catch((e: unknown) => e);
      expect(gone).toMatchObject({
        code: 'NOT_FOUND',
        message: `There is no contact #${lena} to add lf@example.org to.`,
      });
      expect(contentHash(t.store.sqlite)).toBe(emptied);
    });
  });

  it('rejects a broken file with a clear ImportError and writes nothing', async () => {
    const before = contentHash(t.store.sqlite);
    const files = [...vendorFiles(), { name: 'notes.txt', bytes: Buffer.from('not a calendar') }];
    const error = await previewImport({ files, windowEnd }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT');
    expect((error as AppError).message).toBe(
      'notes.txt: No BEGIN:VCALENDAR: this is not an iCalendar (.ics) file.',
    );
    expect((error as AppError).details).toEqual({ code: 'NOT_ICALENDAR', line: 1 });
    const zip = await previewImport(
      { files: [{ name: 'x.zip', bytes: Buffer.from('PK\x03\x04garbage') }], windowEnd },
      ctx,
    ).catch((e: unknown) => e);
    expect((zip as AppError).details).toEqual({ code: 'ZIP' });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('an expired preview cannot be committed', async () => {
    await expect(commitImport({ previewId: 'nope', createPeople: [] }, ctx)).rejects.toThrow(/expired/);
  });
});

describe('calendar channels and command line', () => {
  it('run through the bridge with validation, progress events and history', async () => {
    const data = fixture('rapport/outlook-windows-zones.ics').toString('base64');
    const bad = await dispatch('calendar:preview', { files: [{ name: 'a.ics', data, extra: 1 }] }, t.ctx);
    expect(bad.ok).toBe(false);
    const preview = await dispatch(
      'calendar:preview',
      {
        files: [{ name: 'a.ics', data }],
        windowEnd: windowEnd.toISOString(),
        selfEmails: ['me@example.com'],
      },
      t.ctx,
    );
    expect(preview.ok).toBe(true);
    const p = (preview as { value: CalendarPreview }).value;
    const commit = await dispatch(
      'calendar:commit',
      { previewId: p.previewId, createPeople: ['tom.becker@contoso.com'] },
      t.ctx,
    );
    expect(commit).toMatchObject({ ok: true, value: { created: 6, contactsCreated: 1 } });
    expect(t.events.some((e) => e.event === 'import:progress')).toBe(true);
    const history = await dispatch('calendar:history', {}, t.ctx);
    expect(history).toMatchObject({
      ok: true,
      value: [{ fileName: 'a.ics', created: 6, contactsCreated: 1, undoneAt: null }],
    });
  });

  it('import-ics prints the summary, is idempotent, and exits 1 on a rejected file', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const file = `${t.dir}/../cli-${Date.now()}.sqlite`;
    const path = 'test/fixtures/ics/rapport/apple-calendar.ics';
    expect(await runCli(['import-ics', path, '--db', file, '--json', '--until', '2025-06-01'], io)).toBe(0);
    const first = JSON.parse(out.pop()!) as { result: { created: number; contactsCreated: number } };
    expect(first.result).toMatchObject({ created: 5, contactsCreated: 2 });
    expect(await runCli(['import-ics', path, '--db', file, '--until', '2025-06-01'], io)).toBe(0);
    expect(out.pop()).toBe('Nothing new: every meeting is already imported.');
    expect(await runCli(['import-ics', 'package.json', '--db', file], io)).toBe(1);
    expect(err.pop()).toContain('package.json: No BEGIN:VCALENDAR');
    expect(await runCli(['import-ics', '--db', file], io)).toBe(2);
  });

  it('import-ics notes the lines it repaired and those it left out', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const path = `${t.dir}/odd.ics`;
    writeFileSync(
      path,
      ics(
        'x-wr-calname:Work',
        ...zoneWithBrokenRule('Europe/Berlin'),
        ...meeting('lunch', '20250110T120000Z', 'me@example.com', 'jonas@example.com'),
      ),
    );
    const args = ['--db', `${t.dir}/notes.sqlite`, '--until', '2025-06-01', '--dry-run'];
    expect(await runCli(['import-ics', path, ...args], io)).toBe(0);
    const lines = out.pop()!.split('\n');
    expect(lines.filter((l) => l.startsWith('  note: '))).toEqual([
      '  note: Repaired 1 lower-case name in odd.ics.',
      '  note: A line of time zone "Europe/Berlin" was left out: its RRULE could not be read (BYMONTH: invalid value "13" must be < 1).',
    ]);
    expect(lines).toContain('  to create 1, to update 0, unchanged 0');
  });

  it('import-ics lists the calendars of a zip and leaves out those named with --skip-calendar', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => {} };
    const file = `${t.dir}/../cli-skip-${Date.now()}.sqlite`;
    const zip = 'test/fixtures/ics/rapport/google-export.zip';
    const holidays =
      'google-export.zip/Holidays in United Kingdom_en.uk#holiday@group.v.calendar.google.com.ics';
    const args = ['--db', file, '--until', '2025-06-01', '--self', 'me@example.com', '--dry-run'];
    expect(await runCli(['import-ics', zip, ...args], io)).toBe(0);
    const listed = out
      .pop()!
      .split('\n')
      .filter((l) => l.startsWith('  calendar '));
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(
      /^ {2}calendar google-export\.zip\/Holidays in United Kingdom.*: 0 meetings, you are in 0$/,
    );
    expect(await runCli(['import-ics', zip, ...args, '--skip-calendar', holidays], io)).toBe(0);
    expect(out.pop()!.split('\n')).toContain(`  calendar ${holidays}: left out`);
    expect(await runCli(['import-ics', zip, ...args, '--since', '2025-02-01'], io)).toBe(0);
    expect(out.pop()).toMatch(/^\d+ events, \d+ meetings from 2025-02-01 up to 2025-06-01 in 2 calendar/);
    expect(await runCli(['import-ics', zip, ...args, '--since', 'last spring'], io)).toBe(2);
  });

  it('import-ics adds an address to the contact of the same name, as the preview offers', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => {} };
    const file = `${t.dir}/../cli-link-${Date.now()}.sqlite`;
    expect(await runCli(['contacts', 'add', '--db', file, '--name', 'maya LIN', '--json'], io)).toBe(0);
    const path = 'test/fixtures/ics/rapport/apple-calendar.ics';
    const args = ['--db', file, '--until', '2025-06-01', '--self', 'me@example.com'];
    expect(await runCli(['import-ics', path, ...args], io)).toBe(0);
    expect(out.pop()).toMatch(
      /^Imported #\d+: 5 meetings created, 0 updated, 1 new contact, 1 address added to contacts you had\.$/,
    );
    const db = new Database(file, { readonly: true });
    try {
      expect(
        db
          .prepare(
            'SELECT c.display_name, e.email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id ORDER BY e.email',
          )
          .all(),
      ).toEqual([
        { display_name: 'maya LIN', email: 'maya.lin@example.net' },
        { display_name: 'Sam Ortiz', email: 'sam.ortiz@example.net' },
      ]);
    } finally {
      db.close();
    }
  });
  it('import-ics makes colleagues of the new people at the work domain, or puts them in the --circle given', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const path = `${t.dir}/work.ics`;
    writeFileSync(
      path,
      ics(
        ...meeting('sync', '20250106T090000Z', 'me@acme.example', 'ana@acme.example', 'bo@partner.example'),
      ),
    );
    const circlesIn = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare(
            `SELECT e.email, cc.circle FROM contact_emails e
             LEFT JOIN contact_circles cc ON cc.contact_id = e.contact_id ORDER BY e.email`,
          )
          .all() as Array<{ email: string; circle: string | null }>;
      } finally {
        db.close();
      }
    };
    const args = (db: string) => [
      '--db',
      `${t.dir}/${db}`,
      '--until',
      '2025-06-01',
      '--self',
      'me@acme.example',
    ];
    expect(await runCli(['import-ics', path, ...args('domain.sqlite')], io)).toBe(0);
    expect(circlesIn(`${t.dir}/domain.sqlite`)).toEqual([
      { email: 'ana@acme.example', circle: 'colleague' },
      { email: 'bo@partner.example', circle: null },
    ]);
    expect(out.join('\n').split('\n')).toContain('  as: in-person meeting 1');
    expect(await runCli(['import-ics', path, ...args('peer.sqlite'), '--circle', 'peer'], io)).toBe(0);
    expect(circlesIn(`${t.dir}/peer.sqlite`).map((r) => r.circle)).toEqual(['peer', 'peer']);
    expect(await runCli(['import-ics', path, ...args('none.sqlite'), '--circle', 'none'], io)).toBe(0);
    expect(circlesIn(`${t.dir}/none.sqlite`).map((r) => r.circle)).toEqual([null, null]);
    expect(await runCli(['import-ics', path, ...args('boss.sqlite'), '--circle', 'boss'], io)).toBe(2);
    expect(out.join('\n')).toContain(
      '--circle boss is not one of colleague, mentor, sponsor, mentee, peer, friend, other, none, by-domain',
    );
    // An address that is not one would be left out, and the user counted as a participant.
    expect(await runCli(['import-ics', path, ...args('self.sqlite'), '--self', 'me'], io)).toBe(2);
    expect(out.join('\n')).toContain('--self me is not an email address');
    expect(existsSync(`${t.dir}/self.sqlite`)).toBe(false);
  });
});
