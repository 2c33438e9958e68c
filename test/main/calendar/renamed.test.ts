import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { visibleState } from '../../support/dbHash';
import { ics, importIcs, meeting, weekly, storeForEachTest } from './helpers';

const me = 'me@corp.example';
const priya = 'priya@corp.example';
const jonas = 'jonas@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

const s = storeForEachTest(now);

type Files = Array<{ name: string; bytes: Buffer }>;

/**
 * The user's calendar: eight weekly one-to-ones with Priya from a first start, eight team
 * syncs, a lunch and a coffee with Jonas. `name` is its X-WR-CALNAME, or none when empty.
 */
function work(
  file: string,
  name: string,
  { oneToOnes = '20250107T100000Z', lunch = true, more = [] as string[][] } = {},
): Files {
  return [
    {
      name: file,
      bytes: ics(
        ...(name ? [`X-WR-CALNAME:${name}`] : []),
        ...weekly('1-1@corp', 'Priya / me', oneToOnes, 8, me, priya),
        ...weekly('sync@corp', 'Team sync', '20250109T140000Z', 8, me, priya, jonas),
        ...(lunch ? meeting('lunch', '20250110T120000Z', me, jonas) : []),
        ...meeting('coffee', '20250120T090000Z', me, jonas),
        ...more.flat(),
      ),
    },
  ];
}

const preview = (files: Files) => previewImport({ files, windowEnd, selfEmails: [me] }, s.ctx);

async function importFiles(files: Files, removeDeleted = false) {
  const p = await preview(files);
  const result = await commitImport(
    { previewId: p.previewId, createPeople: p.newPeople.map((x) => x.email), removeDeleted },
    s.ctx,
  );
  return { preview: p, result };
}

const meetings = () =>
  s.t.store.sqlite
    .prepare(`SELECT id, title, starts_at AS startsAt FROM interactions ORDER BY starts_at, title`)
    .all() as Array<{ id: number; title: string; startsAt: string }>;

describe('a calendar whose imported meetings are all gone', () => {
  it('is still itself, not another calendar holding the meetings it has left', async () => {
    // The team calendar holds a weekly series (with only someone it gives no address for:
    // nothing of it is stored) and a retro, the one meeting it stores; the work calendar the
    // same series with Priya, and a lunch.
    const series = (people: string[]) =>
      weekly('sync@corp', 'Team sync', '20250109T140000Z', 5, me, ...people);
    const team = (retro: boolean): Files => [
      {
        name: 'team.ics',
        bytes: ics(
          ...series([]).map((line) =>
            line.startsWith('ORGANIZER') ? 'ATTENDEE;CN=Sam Okafor:invalid:nomail' : line,
          ),
          ...(retro ? meeting('retro', '20250115T160000Z', me, jonas) : []),
        ),
      },
    ];
    await importFiles(team(true));
    await importFiles([
      {
        name: 'work.ics',
        bytes: ics(...series([priya]), ...meeting('lunch', '20250301T120000Z', me, jonas)),
      },
    ]);
    // The retro deleted in the calendar since: taken back. The team calendar holds nothing now.
    expect((await importFiles(team(false), true)).result.deletedRemoved).toBe(1);
    const again = await preview(team(false));
    expect(again.files.map((f) => f.importedAs)).toEqual([null]);
    expect(again.deleted.remove).toBe(0);
    expect(meetings().map((m) => m.title)).toEqual([...Array<string>(5).fill('Team sync'), 'lunch']);
  });
});

describe('a calendar imported before under another name', () => {
  it('renamed since: its moved series update in place, its deleted meetings are found, nothing is added twice', async () => {
    await importFiles(work('work.ics', 'Work'));
    const before = meetings();
    expect(before).toHaveLength(18);
    const state = visibleState(s.t.store.sqlite);

    // Renamed in Google since; the one-to-ones moved to 11:00, the lunch deleted, a kickoff added.
    const later = work('work.ics', 'Work (2025)', {
      oneToOnes: '20250107T110000Z',
      lunch: false,
      more: [meeting('kickoff', '20250401T090000Z', me, priya)],
    });
    const p = await preview(later);
    expect(p.files).toEqual([expect.objectContaining({ calendar: 'Work (2025)', importedAs: 'Work' })]);
    // Before, the eight one-to-ones were added a second time at 11:00, and the lunch stayed.
    expect(p).toMatchObject({ toCreate: 1, toUpdate: 8, moved: 8, unchanged: 9 });
    expect(p.deleted).toEqual({
      remove: 1,
      keep: 0,
      first: [{ title: 'lunch', startsAt: '2025-01-10T12:00:00.000Z' }],
    });
    const { result } = await importFiles(later, true);
    expect(result).toMatchObject({ created: 1, updated: 8, deletedRemoved: 1 });
    const after = meetings();
    expect(after).toHaveLength(18);
    const oneToOnes = (list: typeof before) => list.filter((m) => m.title === 'Priya / me');
    expect(oneToOnes(after).map((m) => m.id)).toEqual(oneToOnes(before).map((m) => m.id));
    expect(oneToOnes(after).every((m) => m.startsAt.includes('T11:00'))).toBe(true);

    // Its meetings are now found by their keys: the same export again is nothing new.
    const again = await preview(later);
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, moved: 0, unchanged: 18 });
    expect(again.deleted.remove).toBe(0);
    expect(again.files[0].importedAs).toBe('Work');

    expect(undoCalendarImport(result.importId!, s.ctx)).toMatchObject({
      removed: 1,
      restored: 8,
      reinstated: 1,
    });
    expect(visibleState(s.t.store.sqlite)).toBe(state);
  });

  it('once taken for one, stays that one: the meetings that import removed do not make it another next time', async () => {
    // Two calendars hold the team's weekly sync: the user's at its time with Priya, and two
    // reviews after it; a shared one an hour later with Jonas (not taken for the first: it
    // lacks the reviews).
    const calendar = (name: string, start: string, people: string[], reviews: string | null): Files => [
      {
        name: `${name}.ics`,
        bytes: ics(
          `X-WR-CALNAME:${name}`,
          ...weekly('sync@corp', 'Team sync', start, 6, me, ...people),
          ...(reviews ? weekly('review@corp', 'Review', reviews, 2, me, ...people) : []),
        ),
      },
    ];
    await importFiles(calendar('a-work', '20250109T140000Z', [priya], '20250304T090000Z'));
    await importFiles(calendar('b-shared', '20250109T150000Z', [jonas], null));
    expect(meetings()).toHaveLength(14);
    // The first renamed since, its meetings moved half an hour and naming only someone it gives
    // no address for: none is one to store, and the first's are no longer in it. Alike both
    // (moved), it is the first by name.
    const [renamed] = calendar('Work renamed', '20250109T143000Z', [], '20250304T093000Z');
    const later: Files = [
      {
        name: renamed.name,
        bytes: Buffer.from(
          renamed.bytes
            .toString('utf8')
            .replaceAll(`ORGANIZER:mailto:${me}`, 'ATTENDEE;CN=Sam Okafor:invalid:nomail'),
        ),
      },
    ];
    const p = await preview(later);
    expect(p.files[0].importedAs).toBe('a-work');
    // Its meetings no longer in it, but for the first sync: before the later export begins.
    expect(p.deleted.remove).toBe(7);
    const { result } = await importFiles(later, true);
    expect(result.deletedRemoved).toBe(7);

    // With its meetings gone, the shared one would now look the most like it: it is still the first.
    const again = await preview(later);
    expect(again.files[0].importedAs).toBe('a-work');
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0 });
    expect(again.deleted.remove).toBe(0);
    expect(meetings().map((m) => m.startsAt.slice(11, 16))).toEqual([
      '14:00',
      ...Array<string>(6).fill('15:00'),
    ]);

    // Undone, the import no longer says so: the meetings it removed are back, and it is theirs again.
    undoCalendarImport(result.importId!, s.ctx);
    expect(meetings()).toHaveLength(14);
    expect((await preview(later)).files[0].importedAs).toBe('a-work');
  });

  it('without a name of its own, in a file named otherwise', async () => {
    await importFiles(work('calendar.ics', ''));
    const before = meetings();
    // The one-to-ones moved to Wednesdays.
    const later = work('calendar (1).ics', '', { oneToOnes: '20250108T100000Z' });
    const p = await preview(later);
    expect(p.files[0]).toMatchObject({ calendar: 'calendar (1).ics', importedAs: 'calendar.ics' });
    expect(p).toMatchObject({ toCreate: 0, toUpdate: 8, moved: 8 });
    await commitImport({ previewId: p.previewId, createPeople: [] }, s.ctx);
    expect(meetings().map((m) => m.id)).toEqual(before.map((m) => m.id));
  });

  it('from a later export of its last months alone: nothing before them is taken for deleted', async () => {
    await importFiles(work('work.ics', 'Work'));
    const recent = [
      {
        name: 'outlook.ics',
        bytes: ics(
          'X-WR-CALNAME:Calendar',
          ...weekly('1-1@corp', 'Priya / me', '20250204T100000Z', 5, me, priya),
          ...weekly('sync@corp', 'Team sync', '20250206T140000Z', 5, me, priya, jonas),
        ),
      },
    ];
    const p = await preview(recent);
    expect(p.files[0].importedAs).toBe('Work');
    expect(p).toMatchObject({ toCreate: 2, toUpdate: 0, unchanged: 8 });
    expect(p.deleted.remove).toBe(0);
  });

  it("is not taken for a colleague's calendar that shares some meetings, nor for another calendar in the files", async () => {
    await importFiles(work('work.ics', 'Work'));
    // Priya's calendar: the one-to-ones and the syncs, and her own meetings with others.
    const hers = [
      {
        name: 'priya.ics',
        bytes: ics(
          'X-WR-CALNAME:Priya',
          ...weekly('1-1@corp', 'Priya / me', '20250107T100000Z', 8, me, priya),
          ...weekly('sync@corp', 'Team sync', '20250109T140000Z', 8, me, priya, jonas),
          ...weekly('design@corp', 'Design review', '20250106T130000Z', 8, priya, 'lee@corp.example'),
          ...weekly('hiring@corp', 'Hiring', '20250108T160000Z', 8, priya, 'sam@corp.example'),
        ),
      },
    ];
    const p = await preview(hers);
    expect(p.files[0].importedAs).toBeNull();
    expect(p.deleted.remove).toBe(0);
    expect(p).toMatchObject({ toCreate: 16, unchanged: 16 });

    // Both in one export: "Team" holds what "Work" does, but "Work" is itself in the files.
    const both = [...work('work.ics', 'Work'), ...work('team.ics', 'Team')];
    expect((await preview(both)).files.map((f) => f.importedAs)).toEqual([null, null]);
  });

  it('is named in the summary of import-ics', async () => {
    const paths = [work('work.ics', 'Work'), work('work-2.ics', 'Work (2025)')].map((f, i) => {
      const path = join(s.t.dir, `export-${i}.ics`);
      writeFileSync(path, f[0].bytes);
      return path;
    });
    const { out, run } = importIcs(join(s.t.dir, 'cli.sqlite'), me);
    expect(await run(paths[0])).toBe(0);
    expect(await run(paths[1], '--dry-run')).toBe(0);
    expect(out.join('\n').split('\n')).toContain(
      `  calendar export-1.ics ("Work (2025)"): 18 meetings, you are in 18, imported before as "Work"`,
    );
  });
});
