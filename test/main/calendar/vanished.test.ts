import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { listImports } from '../../../src/main/calendar/store';
import { splitFromUid } from '../../../src/main/calendar/vanished';
import { updateParts } from '../../../src/shared/calendar/updates';
import { contentHash, visibleState } from '../../support/dbHash';
import { cancelled, ics, importIcs, meeting, weekly, storeForEachTest } from './helpers';

const me = 'me@corp.example';
const priya = 'priya@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

const s = storeForEachTest(now);

/** Six weekly one-to-ones with Priya from a first start, and a lunch with Jonas. */
const export_ = (oneToOnes: { start: string; times: number }, ...more: string[][]) => [
  {
    name: 'work.ics',
    bytes: ics(
      'X-WR-CALNAME:Work',
      ...weekly('1-1@corp', 'Priya / me', oneToOnes.start, oneToOnes.times, me, priya),
      ...meeting('lunch', '20250110T120000Z', me, 'jonas@corp.example'),
      ...more.flat(),
    ),
  },
];
const first = () => export_({ start: '20250107T100000Z', times: 6 });

const preview = (files: ReturnType<typeof export_>, end = windowEnd) =>
  previewImport({ files, windowEnd: end, selfEmails: [me] }, s.ctx);

async function importFiles(files: ReturnType<typeof export_>, end = windowEnd) {
  const p = await preview(files, end);
  const result = await commitImport(
    { previewId: p.previewId, createPeople: p.newPeople.map((x) => x.email) },
    s.ctx,
  );
  return { preview: p, result };
}

const oneToOnes = () =>
  s.t.store.sqlite
    .prepare(
      `SELECT id, starts_at AS startsAt, notes FROM interactions WHERE title = 'Priya / me' ORDER BY starts_at`,
    )
    .all() as Array<{ id: number; startsAt: string; notes: string }>;

/**
 * Imports `original` (the six one-to-ones), then `split`, where they are an hour later from the
 * third on under a new series: the four are moved in place, the same export again is nothing
 * new, and undo puts them back at 10:00 under the series they came from.
 */
/** `recreated`: how many of the four the preview says are under a new invitation (a UID of no form of the old one's). */
async function expectSplitPaired(
  original: ReturnType<typeof export_>,
  split: ReturnType<typeof export_>,
  recreated: number,
) {
  await importFiles(original);
  const before = oneToOnes();
  const state = visibleState(s.t.store.sqlite);
  const { preview: p, result } = await importFiles(split);
  expect(p).toMatchObject({ toCreate: 0, toUpdate: 4, moved: 4, recreated, unchanged: 3 });
  expect(p.deleted.remove + p.deleted.keep).toBe(0);
  const after = oneToOnes();
  expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
  expect(after.map((m) => m.startsAt.slice(11, 13))).toEqual(['10', '10', '11', '11', '11', '11']);
  expect(await preview(split)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 7 });
  undoCalendarImport(result.importId!, s.ctx);
  expect(visibleState(s.t.store.sqlite)).toBe(state);
  expect(await preview(original)).toMatchObject({ toCreate: 0, unchanged: 7 });
}

describe('a recurring series the organiser moved as a whole', () => {
  it('updates the meetings imported before in place, notes kept, where it used to add each one twice', async () => {
    await importFiles(first());
    const before = oneToOnes();
    expect(before).toHaveLength(6);
    s.t.store.sqlite
      .prepare(`UPDATE interactions SET notes = 'Talked about the promotion', notes_edited = 1 WHERE id = ?`)
      .run(before[2].id);
    const state = visibleState(s.t.store.sqlite);

    // The later export has every one-to-one at 11:00 instead of 10:00, past ones included.
    const later = export_({ start: '20250107T110000Z', times: 6 });
    const { preview: p, result } = await importFiles(later);
    expect(p).toMatchObject({ toCreate: 0, toUpdate: 6, moved: 6, recreated: 0, unchanged: 1 });
    expect(updateParts(p)).toEqual(['6 meetings moved', '1 keeps your changes']);
    expect(result).toMatchObject({ created: 0, updated: 6 });
    const after = oneToOnes();
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.map((m) => m.startsAt)).toEqual(before.map((m) => m.startsAt.replace('T10:', 'T11:')));
    expect(after[2].notes).toBe('Talked about the promotion');
    expect(s.t.store.sqlite.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(7);
    // Priya's timeline and last contact follow the meetings.
    expect(
      s.t.store.sqlite
        .prepare(
          `SELECT p.starts_at FROM interaction_participants p JOIN contact_emails e ON e.contact_id = p.contact_id
           WHERE e.email = ? ORDER BY p.starts_at DESC LIMIT 1`,
        )
        .pluck()
        .get(priya),
    ).toBe('2025-02-11T11:00:00.000Z');
    expect(
      s.t.store.sqlite
        .prepare(
          `SELECT c.last_contact_at FROM contacts c JOIN contact_emails e ON e.contact_id = c.id WHERE e.email = ?`,
        )
        .pluck()
        .get(priya),
    ).toBe('2025-02-11T11:00:00.000Z');

    // The moved meetings are found by their new keys: the same export again is nothing new.
    const again = await preview(later);
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, moved: 0, unchanged: 7 });

    // Undo puts every meeting back at 10:00 under its old key: the first export is nothing new again.
    expect(undoCalendarImport(result.importId!, s.ctx)).toMatchObject({ removed: 0, restored: 6 });
    expect(visibleState(s.t.store.sqlite)).toBe(state);
    expect(await preview(first())).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 7 });
  });

  it('pairs each meeting with the one of its own week when the series moves to another day, and adds the new ones', async () => {
    await importFiles(first());
    const before = oneToOnes();
    // Tuesdays become Fridays, and the series runs two weeks longer.
    const { preview: p } = await importFiles(export_({ start: '20250110T100000Z', times: 8 }));
    expect(p).toMatchObject({ toCreate: 2, toUpdate: 6, moved: 6 });
    const after = oneToOnes();
    expect(after).toHaveLength(8);
    for (const [k, old] of before.entries()) {
      expect(after[k].id).toBe(old.id);
      expect(Date.parse(after[k].startsAt) - Date.parse(old.startsAt)).toBe(3 * 86_400_000);
    }
  });

  it('does not take a meeting of another series, nor one beyond the window the files were read to', async () => {
    await importFiles(first());
    const before = oneToOnes();
    // The lunch is gone and "lunch-2" the day after is new: another UID and title, so a new meeting.
    const otherLunch = meeting('lunch-2', '20250111T120000Z', me, 'jonas@corp.example');
    const moved = {
      name: 'work.ics',
      bytes: ics(
        'X-WR-CALNAME:Work',
        ...weekly('1-1@corp', 'Priya / me', '20250107T110000Z', 6, me, priya),
        ...otherLunch,
      ),
    };
    // Read only up to the end of January: the three one-to-ones after it are not looked for.
    const p = await previewImport(
      { files: [moved], windowEnd: new Date('2025-01-31T00:00:00Z'), selfEmails: [me] },
      s.ctx,
    );
    expect(p).toMatchObject({ toCreate: 1, toUpdate: 4, moved: 4 });
    await commitImport({ previewId: p.previewId, createPeople: [] }, s.ctx);
    const after = oneToOnes();
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.map((m) => m.startsAt.slice(11, 13))).toEqual(['11', '11', '11', '11', '10', '10']);
    expect(
      s.t.store.sqlite
        .prepare(`SELECT title FROM interactions WHERE title LIKE 'lunch%' ORDER BY title`)
        .pluck()
        .all(),
    ).toEqual(['lunch', 'lunch-2']);
  });

  it('pairs the meetings of a series Google split for a change to "this and following" with those imported before', async () => {
    const google = (start: string, times: number, ...more: string[][]) => [
      {
        name: 'work.ics',
        bytes: ics(
          'X-WR-CALNAME:Work',
          ...weekly('7kukuq@google.com', 'Priya / me', start, times, me, priya),
          ...meeting('lunch', '20250110T120000Z', me, 'jonas@corp.example'),
          ...more.flat(),
        ),
      },
    ];
    // From the third on (21 January), an hour later, changed over meetings already imported:
    // Google ends the series after the second and starts one with the UID it was split from.
    await expectSplitPaired(
      google('20250107T100000Z', 6),
      google('20250107T100000Z', 2, [
        ...weekly('7kukuq_R20250121T100000@google.com', 'Priya / me', '20250121T110000Z', 4, me, priya),
      ]),
      0,
    );
  });

  it('pairs the meetings of a series split under a UID of its own (Apple, Thunderbird, Outlook) by title and people', async () => {
    // From the third on, an hour later: the old series ends after the second, and the new one
    // has a UID that says nothing of it.
    await expectSplitPaired(
      first(),
      export_({ start: '20250107T100000Z', times: 2 }, [
        ...weekly('5E2A8C1F-0B7D-4C43-9F0E-2D6B1A9C7E11', 'Priya / me', '20250121T110000Z', 4, me, priya),
      ]),
      4,
    );
  });

  it('pairs a meeting deleted and created again, but not one of another title or with other people', async () => {
    const lunch = (uid: string, start: string, title: string, guest: string) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTART:${start}`,
      `SUMMARY:${title}`,
      `ORGANIZER:mailto:${me}`,
      `ATTENDEE:mailto:${guest}`,
      'END:VEVENT',
    ];
    const jonas = 'jonas@corp.example';
    const ben = 'ben@corp.example';
    const calendar = (...events: string[][]) => [
      { name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...events.flat()) },
    ];
    await importFiles(
      calendar(
        lunch('a', '20250110T120000Z', 'Lunch', jonas),
        lunch('b', '20250212T120000Z', 'Lunch', ben),
        lunch('c', '20250305T090000Z', 'Coffee', jonas),
      ),
    );
    const idOf = (title: string, start: string) =>
      s.t.store.sqlite
        .prepare(`SELECT id FROM interactions WHERE title = ? AND starts_at = ?`)
        .pluck()
        .get(title, start) as number | undefined;
    const lunchWithJonas = idOf('Lunch', '2025-01-10T12:00:00.000Z')!;
    // Jonas's lunch rescheduled to the Monday after by deleting it and creating it again
    // ("lunch", as typed); Ben's lunch replaced by one with Jonas the day after; the coffee by
    // a "Tea" with Jonas an hour later.
    const { preview: p } = await importFiles(
      calendar(
        lunch('a2', '20250113T120000Z', 'lunch', jonas),
        lunch('b2', '20250213T120000Z', 'Lunch', jonas),
        lunch('c2', '20250305T100000Z', 'Tea', jonas),
      ),
    );
    expect(p).toMatchObject({ toCreate: 2, toUpdate: 1, moved: 1, recreated: 1 });
    expect(updateParts(p)).toEqual(['1 under a new invitation']);
    expect(p.deleted.remove + p.deleted.keep).toBe(2);
    expect(idOf('lunch', '2025-01-13T12:00:00.000Z')).toBe(lunchWithJonas);
  });

  it('knows a split series by the UID Google gives it, and nothing else by it', () => {
    expect(splitFromUid('7kukuq_R20250121T100000@google.com')).toBe('7kukuq@google.com');
    expect(splitFromUid('7kukuq_R20250121@google.com')).toBe('7kukuq@google.com');
    expect(splitFromUid('7kukuq_R20250121T100000')).toBe('7kukuq');
    for (const uid of [
      '7kukuq-R20250121@google.com',
      '7kukuq_R2@google.com',
      'x_R20250121T100000_y@google.com',
    ])
      expect(splitFromUid(uid)).toBe(uid);
  });

  it('says so in the summary of import-ics', async () => {
    const db = join(s.t.dir, 'cli.sqlite');
    const files = [first(), export_({ start: '20250107T110000Z', times: 6 })].map((f, i) => {
      const path = join(s.t.dir, `export-${i}.ics`);
      writeFileSync(path, f[0].bytes);
      return path;
    });
    const { out, run } = importIcs(db, me);
    expect(await run(files[0])).toBe(0);
    expect(await run(files[1])).toBe(0);
    const summary = out.join('\n').split('\n');
    expect(summary).toContain('  to create 0, to update 6 (6 meetings moved), unchanged 1');
    expect(summary.at(-1)).toMatch(/^Imported #\d+: 0 meetings created, 6 updated, 0 new contacts\.$/);
  });
});

describe('meetings deleted from the calendar since they were imported', () => {
  const coffee = meeting('coffee', '20250120T090000Z', me, 'jonas@corp.example');
  const retro = meeting('retro', '20250122T150000Z', me, priya, 'jonas@corp.example');
  /** The one-to-ones, the lunch, a coffee and a retro; later, without the lunch and the retro, and the 21 January one-to-one deleted. */
  const before = () => export_({ start: '20250107T100000Z', times: 6 }, coffee, retro);
  const later = (...more: string[][]) => [
    {
      name: 'work.ics',
      bytes: ics(
        'X-WR-CALNAME:Work',
        ...weekly('1-1@corp', 'Priya / me', '20250107T100000Z', 6, me, priya).slice(0, -1),
        'EXDATE:20250121T100000Z',
        'END:VEVENT',
        ...coffee,
        ...more.flat(),
      ),
    },
  ];
  const titles = () =>
    s.t.store.sqlite.prepare(`SELECT title, starts_at FROM interactions ORDER BY starts_at`).raw().all();

  beforeEach(async () => {
    await importFiles(before());
    s.t.store.sqlite
      .prepare(`UPDATE interactions SET notes = 'Good one', notes_edited = 1 WHERE title = 'retro'`)
      .run();
  });

  it('lists them, removes them only when asked, keeps those with notes, and undo puts them back', async () => {
    const p = await preview(later());
    expect(p.deleted).toEqual({
      remove: 2,
      keep: 1,
      first: [
        { title: 'lunch', startsAt: '2025-01-10T12:00:00.000Z' },
        { title: 'Priya / me', startsAt: '2025-01-21T10:00:00.000Z' },
      ],
    });
    expect(p).toMatchObject({ toCreate: 0, toUpdate: 0, moved: 0 });
    // Not asked: nothing changes.
    const untouched = contentHash(s.t.store.sqlite);
    expect(await commitImport({ previewId: p.previewId, createPeople: [] }, s.ctx)).toMatchObject({
      nothingNew: true,
      deletedRemoved: 0,
    });
    expect(contentHash(s.t.store.sqlite)).toBe(untouched);

    const state = visibleState(s.t.store.sqlite);
    const asked = await preview(later());
    const result = await commitImport(
      { previewId: asked.previewId, createPeople: [], removeDeleted: true },
      s.ctx,
    );
    expect(result).toMatchObject({ nothingNew: false, deletedRemoved: 2, withdrawn: 0 });
    expect(titles()).toEqual([
      ['Priya / me', '2025-01-07T10:00:00.000Z'],
      ['Priya / me', '2025-01-14T10:00:00.000Z'],
      ['coffee', '2025-01-20T09:00:00.000Z'],
      ['retro', '2025-01-22T15:00:00.000Z'],
      ['Priya / me', '2025-01-28T10:00:00.000Z'],
      ['Priya / me', '2025-02-04T10:00:00.000Z'],
      ['Priya / me', '2025-02-11T10:00:00.000Z'],
    ]);
    expect(listImports(s.t.store.sqlite)[0]).toMatchObject({ id: result.importId, deletedRemoved: 2 });
    expect((await preview(later())).deleted).toMatchObject({ remove: 0, keep: 1 });

    expect(undoCalendarImport(result.importId!, s.ctx)).toMatchObject({ reinstated: 2 });
    expect(visibleState(s.t.store.sqlite)).toBe(state);
  });

  it('does not look before the first meeting the files hold, nor at other calendars, broken events or series cancelled whole', async () => {
    // An export of the weeks from 20 January on says nothing of the lunch on the 10th.
    const recent = [
      {
        name: 'work.ics',
        bytes: ics(
          'X-WR-CALNAME:Work',
          ...coffee,
          ...retro,
          ...meeting('new', '20250301T090000Z', me, priya),
        ),
      },
    ];
    const fromCoffee = await preview(recent);
    // The one-to-ones from 21 January on are gone from it: a series is no exception.
    expect(fromCoffee.deleted.first.map((m) => m.startsAt.slice(0, 10))).toEqual([
      '2025-01-21',
      '2025-01-28',
      '2025-02-04',
      '2025-02-11',
    ]);

    // Another calendar says nothing of this one's meetings.
    const holidays = [{ name: 'holidays.ics', bytes: ics('X-WR-CALNAME:Holidays', ...coffee) }];
    expect((await preview(holidays)).deleted).toEqual({ remove: 0, keep: 0, first: [] });

    // The lunch is in the file but cannot be read; the series is cancelled as a whole. A kickoff
    // on 2 January makes the file reach back before both.
    const unreadable = ['BEGIN:VEVENT', 'UID:lunch', 'SUMMARY:lunch', 'END:VEVENT'];
    const wholeSeries = cancelled(weekly('1-1@corp', 'Priya / me', '20250107T100000Z', 6, me, priya));
    const p = await preview([
      {
        name: 'work.ics',
        bytes: ics(
          'X-WR-CALNAME:Work',
          ...meeting('kickoff', '20250102T090000Z', me, priya),
          ...unreadable,
          ...wholeSeries,
          ...coffee,
          ...retro,
        ),
      },
    ]);
    expect(p.skippedByReason).toMatchObject({ broken: 1, cancelled: 1 });
    expect(p.deleted).toEqual({ remove: 0, keep: 0, first: [] });

    // A broken event without a UID could be any of them: the calendar is not looked at.
    const nameless = ['BEGIN:VEVENT', 'SUMMARY:something', 'END:VEVENT'];
    const unsure = await preview([
      { name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...nameless, ...coffee) },
    ]);
    expect(unsure.deleted).toEqual({ remove: 0, keep: 0, first: [] });
  });

  it('is listed and removed with import-ics --remove-deleted', async () => {
    const path = join(s.t.dir, 'later.ics');
    writeFileSync(path, later()[0].bytes);
    const { out, run } = importIcs(s.t.path, me);
    expect(await run(path, '--dry-run')).toBe(0);
    expect(out.join('\n').split('\n')).toEqual(
      expect.arrayContaining([
        '  imported before, no longer in the calendar: 2 (removed with --remove-deleted), 1 kept (changed or tagged by you)',
        '    2025-01-10  lunch',
        '    2025-01-21  Priya / me',
      ]),
    );
    expect(await run(path, '--remove-deleted')).toBe(0);
    expect(out.at(-1)).toMatch(
      /^Imported #\d+: 0 meetings created, 0 updated, 0 new contacts, 2 meetings no longer in the calendar removed\.$/,
    );
  });
});
