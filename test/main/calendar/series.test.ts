import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitImport,
  previewImport,
  undoCalendarImport,
  type ServiceContext,
} from '../../../src/main/calendar/service';
import { listImports } from '../../../src/main/calendar/store';
import { runCli } from '../../../src/main/cli/run';
import { contentHash } from '../../support/dbHash';
import { tempStore, type TempStore } from '../../support/store';
import { ics, meeting, weekly } from './helpers';

const me = 'me@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

/**
 * Ten weekly all-hands of seven people, six one-to-ones with Priya, and one lunch with Jonas;
 * `padded`, the calendar is over a megabyte, so that reading it reports progress.
 */
const calendar = (padded = false) => [
  {
    name: 'work.ics',
    bytes: ics(
      ...(padded ? Array.from({ length: 1100 }, (_, i) => `X-PADDING-${i}:${'x'.repeat(1000)}`) : []),
      ...weekly(
        'all-hands@corp',
        'All hands',
        '20250106T160000Z',
        10,
        'boss@corp.example',
        me,
        'priya@corp.example',
        'a1@corp.example',
        'a2@corp.example',
        'a3@corp.example',
        'a4@corp.example',
      ),
      ...weekly('1-1@corp', 'Priya / me', '20250107T100000Z', 6, me, 'priya@corp.example'),
      ...meeting('lunch', '20250110T120000Z', me, 'jonas@corp.example'),
    ),
  },
];

let t: TempStore;
let reads: number;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await tempStore(() => now);
  reads = 0;
  ctx = {
    store: t.store,
    now: () => now,
    // The bytes-read events come only from reading the files; the service's own are out of 1.
    progress: (phase, _done, total) => {
      if (phase === 'reading' && total > 1) reads++;
    },
  };
});
afterEach(async () => {
  await t.cleanup();
});

const count = (table: string) =>
  t.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const titles = () =>
  t.store.sqlite.prepare('SELECT DISTINCT title FROM interactions ORDER BY title').pluck().all() as string[];

const preview = (skipSeries?: string[], end = windowEnd, padded = false) =>
  previewImport(
    { files: calendar(padded), windowEnd: end, selfEmails: [me], ...(skipSeries ? { skipSeries } : {}) },
    ctx,
  );

describe('leaving a recurring series out of a calendar import', () => {
  it('lists the recurring series, most meetings first, with the largest meeting and the dates', async () => {
    const p = await preview();
    expect(p.series).toEqual([
      {
        uid: 'all-hands@corp',
        title: 'All hands',
        meetings: 10,
        largest: 7,
        from: '2025-01-06T16:00:00.000Z',
        to: '2025-03-10T16:00:00.000Z',
        leftOut: false,
        leftOutBefore: false,
        importedBefore: 0,
      },
      {
        uid: '1-1@corp',
        title: 'Priya / me',
        meetings: 6,
        largest: 2,
        from: '2025-01-07T10:00:00.000Z',
        to: '2025-02-11T10:00:00.000Z',
        leftOut: false,
        leftOutBefore: false,
        importedBefore: 0,
      },
    ]);
    expect(p.toCreate).toBe(17);
  });

  it('imports none of its meetings and proposes no one met only there, without reading the files again', async () => {
    await preview(undefined, windowEnd, true);
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    const p = await preview(['all-hands@corp'], windowEnd, true);
    expect(reads).toBe(0);
    expect(p.toCreate).toBe(7);
    expect(p.skippedByReason.series_left_out).toBe(10);
    expect(p.series.map((s) => [s.uid, s.leftOut])).toEqual([
      ['all-hands@corp', true],
      ['1-1@corp', false],
    ]);
    expect(p.newPeople.map((person) => person.email)).toEqual(['priya@corp.example', 'jonas@corp.example']);
    const result = await commitImport(
      { previewId: p.previewId, createPeople: p.newPeople.map((person) => person.email) },
      ctx,
    );
    expect(result).toMatchObject({ created: 7, contactsCreated: 2 });
    expect(titles()).toEqual(['Priya / me', 'lunch']);

    // A later window reads the files again: series are expanded up to its end.
    await preview(['all-hands@corp'], new Date('2025-07-01T00:00:00Z'), true);
    expect(reads).toBeGreaterThan(0);
  });

  it('leaves it out of the next import too, until the user ticks it again', async () => {
    const first = await preview(['all-hands@corp']);
    await commitImport({ previewId: first.previewId, createPeople: [] }, ctx);

    const again = await preview();
    expect(again.series[0]).toMatchObject({ uid: 'all-hands@corp', leftOut: true, leftOutBefore: true });
    expect(again.toCreate).toBe(0);
    const before = contentHash(t.store.sqlite);
    expect(await commitImport({ previewId: again.previewId, createPeople: [] }, ctx)).toMatchObject({
      nothingNew: true,
    });
    expect(contentHash(t.store.sqlite)).toBe(before);

    const ticked = await preview([]);
    expect(ticked.series[0]).toMatchObject({ leftOut: false, leftOutBefore: true });
    expect(ticked.toCreate).toBe(10);
    expect(await commitImport({ previewId: ticked.previewId, createPeople: [] }, ctx)).toMatchObject({
      created: 10,
    });
    expect(titles()).toEqual(['All hands', 'Priya / me', 'lunch']);
    const after = await preview();
    expect(after.series[0]).toMatchObject({ leftOut: false, leftOutBefore: false });
  });

  it('removes what earlier imports brought in of a series left out only when told, keeps what the user made their own, and undoes', async () => {
    const first = await preview();
    await commitImport({ previewId: first.previewId, createPeople: [] }, ctx);
    expect(count('interactions')).toBe(17);
    t.store.sqlite
      .prepare(
        `UPDATE interactions SET notes = 'Reorg announced', notes_edited = 1
         WHERE title = 'All hands' AND starts_at = '2025-01-13T16:00:00.000Z'`,
      )
      .run();
    const state = () =>
      JSON.stringify(t.store.sqlite.prepare('SELECT * FROM interactions ORDER BY id').all());
    const before = state();

    const left = await preview(['all-hands@corp']);
    expect(left.series[0]).toMatchObject({ leftOut: true, importedBefore: 10 });
    expect(left.series[1]).toMatchObject({ leftOut: false, importedBefore: 0 });
    expect(left.seriesImported).toEqual({ remove: 9, keep: 1 });
    // Not told: nothing is removed, and there is nothing else to do.
    expect(await commitImport({ previewId: left.previewId, createPeople: [] }, ctx)).toMatchObject({
      nothingNew: true,
    });
    expect(state()).toBe(before);

    const again = await preview();
    expect(again.seriesImported).toEqual({ remove: 9, keep: 1 });
    const result = await commitImport(
      { previewId: again.previewId, createPeople: [], removeLeftOutSeries: true },
      ctx,
    );
    expect(result).toMatchObject({ created: 0, withdrawn: 0, seriesRemoved: 9, nothingNew: false });
    expect(
      t.store.sqlite.prepare(`SELECT notes FROM interactions WHERE title = 'All hands'`).pluck().all(),
    ).toEqual(['Reorg announced']);
    expect(count('interactions')).toBe(8);
    expect(listImports(t.store.sqlite)[0]).toMatchObject({ seriesRemoved: 9 });
    // Search no longer finds them, and nothing is left to remove.
    expect(
      t.store.sqlite
        .prepare(`SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'hands'`)
        .pluck()
        .get(),
    ).toBe(1);
    expect((await preview()).seriesImported).toEqual({ remove: 0, keep: 1 });

    expect(undoCalendarImport(result.importId!, ctx).reinstated).toBe(9);
    expect(state()).toBe(before);
  });

  it('is done by title with import-ics --skip-series, and refuses a title no series has', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const file = `${t.dir}/../cli-series-${Date.now()}.sqlite`;
    const path = `${t.dir}/../series.ics`;
    writeFileSync(path, calendar()[0].bytes);
    const args = ['--db', file, '--until', '2025-06-01', '--self', me, '--no-new-people'];
    expect(await runCli(['import-ics', path, ...args, '--skip-series', 'Standup'], io)).toBe(2);
    expect(err.join('\n')).toContain('--skip-series: no recurring series is called "Standup"');
    expect(await runCli(['import-ics', path, ...args, '--skip-series', 'all HANDS'], io)).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines).toContain('       10  All hands (up to 7 people) left out');
    expect(lines).toContain('        6  Priya / me (up to 2 people)');
    expect(lines.at(-1)).toMatch(/^Imported #\d+: 7 meetings created, 0 updated, 0 new contacts\.$/);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM interactions WHERE title = 'All hands'`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('leaves out every series larger than the new-people size with import-ics --skip-large-series', async () => {
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: () => {} };
    const file = `${t.dir}/../cli-large-${Date.now()}.sqlite`;
    const path = `${t.dir}/../series-large.ics`;
    writeFileSync(path, calendar()[0].bytes);
    // At the default size of 25 the 7-person all-hands is not large: nothing is left out.
    const args = ['--db', file, '--until', '2025-06-01', '--self', me, '--no-new-people', '--dry-run'];
    expect(await runCli(['import-ics', path, ...args, '--skip-large-series'], io)).toBe(0);
    expect(out.pop()!.split('\n')).toContain('  to create 17, to update 0, unchanged 0');
    const small = ics(
      ...weekly(
        'standup',
        'Standup',
        '20250106T090000Z',
        5,
        me,
        ...Array.from({ length: 30 }, (_, i) => `p${i}@corp.example`),
      ),
      ...meeting('lunch', '20250110T120000Z', me, 'jonas@corp.example'),
    );
    writeFileSync(path, small);
    expect(await runCli(['import-ics', path, ...args, '--skip-large-series'], io)).toBe(0);
    const lines = out.pop()!.split('\n');
    expect(lines).toContain('  to create 1, to update 0, unchanged 0');
    expect(lines).toContain('        5  Standup (up to 31 people) left out');
  });
});
