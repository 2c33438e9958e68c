import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { call } from '../journal/call';
import { ics, importIcs, meeting, storeForEachTest } from './helpers';

const me = 'me@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

const s = storeForEachTest(now);

const file = () => [
  {
    name: 'work.ics',
    bytes: ics(
      'X-WR-CALNAME:Work',
      ...meeting('recruiter', '20250110T120000Z', me, 'headhunter@agency.example'),
      ...meeting('planning', '20250111T090000Z', me, 'lee@corp.example'),
    ),
  },
];

const preview = (bringBackDeleted?: boolean) =>
  previewImport(
    { files: file(), windowEnd, selfEmails: [me], ...(bringBackDeleted ? { bringBackDeleted } : {}) },
    s.ctx,
  );

async function importFile(bringBackDeleted?: boolean) {
  const p = await preview(bringBackDeleted);
  const result = await commitImport(
    { previewId: p.previewId, createPeople: p.newPeople.map((x) => x.email) },
    s.ctx,
  );
  return { preview: p, result };
}

const titles = () =>
  s.t.store.sqlite.prepare('SELECT title FROM interactions ORDER BY title').pluck().all() as string[];
const idOf = (title: string) =>
  s.t.store.sqlite.prepare('SELECT id FROM interactions WHERE title = ?').pluck().get(title) as number;

describe('a meeting the user deleted in Rapport', () => {
  it('is not brought back by the next import of its calendar, unless the user asks', async () => {
    await importFile();
    const { undoToken } = await call(s.t.ctx, 'journal:delete', { id: idOf('recruiter') });
    expect(titles()).toEqual(['planning']);

    const again = await preview();
    expect(again).toMatchObject({
      toCreate: 0,
      unchanged: 1,
      deletedByYou: { meetings: 1, broughtBack: false },
      skippedByReason: { deleted_by_you: 1 },
    });
    expect(again.skipped.map((x) => x.message)).toContain(
      'You deleted "recruiter" on 2025-01-10 in Rapport.',
    );
    // Its people are not counted for it either.
    expect(again.matchedPeople.map((p) => p.email)).toEqual(['lee@corp.example']);
    const second = await importFile();
    expect(second.result.nothingNew).toBe(true);
    expect(titles()).toEqual(['planning']);

    // Undoing the delete puts it back, and the next import leaves it as it is.
    await call(s.t.ctx, 'journal:undoDelete', { token: undoToken });
    expect(s.t.store.sqlite.prepare('SELECT count(*) FROM deleted_imports').pluck().get()).toBe(0);
    expect((await preview()).deletedByYou).toEqual({ meetings: 0, broughtBack: false });

    // Deleted again, then brought back on purpose; undoing that import deletes it once more.
    await call(s.t.ctx, 'journal:delete', { id: idOf('recruiter') });
    const back = await importFile(true);
    expect(back.preview).toMatchObject({ toCreate: 1, deletedByYou: { meetings: 1, broughtBack: true } });
    expect(back.result.created).toBe(1);
    expect(titles()).toEqual(['planning', 'recruiter']);
    expect((await preview()).deletedByYou).toEqual({ meetings: 0, broughtBack: false });
    undoCalendarImport(back.result.importId!, s.ctx);
    expect(titles()).toEqual(['planning']);
    expect((await preview()).deletedByYou).toEqual({ meetings: 1, broughtBack: false });
  });

  it("is known in a colleague's calendar holding the same invitation", async () => {
    await importFile();
    await call(s.t.ctx, 'journal:delete', { id: idOf('recruiter') });
    const colleagues = [
      {
        name: 'lee.ics',
        bytes: ics(
          'X-WR-CALNAME:Lee',
          ...meeting('recruiter', '20250110T120000Z', me, 'headhunter@agency.example'),
          ...meeting('retro', '20250114T150000Z', 'lee@corp.example', me),
        ),
      },
    ];
    const p = await previewImport({ files: colleagues, windowEnd, selfEmails: [me] }, s.ctx);
    expect(p).toMatchObject({
      toCreate: 1,
      deletedByYou: { meetings: 1, broughtBack: false },
      skippedByReason: { deleted_by_you: 1 },
    });
    await commitImport({ previewId: p.previewId, createPeople: [] }, s.ctx);
    expect(titles()).toEqual(['planning', 'retro']);
  });

  it('is named in the summary of import-ics, which brings it back with --bring-back-deleted', async () => {
    await importFile();
    await call(s.t.ctx, 'journal:delete', { id: idOf('recruiter') });
    const path = join(s.t.dir, 'work.ics');
    writeFileSync(path, file()[0].bytes);
    const { out, run } = importIcs(s.t.path, me);
    expect(await run(path, '--dry-run')).toBe(0);
    const summary = out.join('\n').split('\n');
    expect(summary).toContain(
      '  deleted by you in Rapport: 1 meeting, left out (import them again with --bring-back-deleted)',
    );
    expect(summary).toContain('  skipped: deleted_by_you 1');
    expect(await run(path, '--bring-back-deleted')).toBe(0);
    expect(out.join('\n').split('\n')).toContain('  deleted by you in Rapport: 1 meeting, imported again');
    expect(titles()).toEqual(['planning', 'recruiter']);
  });

  it('stays deleted however it was written: a meeting typed in Rapport leaves nothing behind', async () => {
    const own = await call(s.t.ctx, 'journal:create', { kind: 'call', startsAt: '2025-03-05T09:00:00Z' });
    await call(s.t.ctx, 'journal:delete', { id: own.id });
    expect(s.t.store.sqlite.prepare('SELECT count(*) FROM deleted_imports').pluck().get()).toBe(0);
  });
});
