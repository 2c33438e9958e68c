import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoCalendarImport } from '../../../src/main/calendar/service';
import { listImports } from '../../../src/main/calendar/store';
import { contentHash, visibleState } from '../../support/dbHash';
import { ics, importIcs, invite, storeForEachTest } from './helpers';

const me = 'me@corp.example';
const windowEnd = new Date('2025-06-01T00:00:00Z');
const now = new Date('2025-06-02T09:00:00Z');

const s = storeForEachTest(now);

/**
 * Three all-hands the user never answered, a sync they accepted, a coffee whose exporter wrote
 * no answers at all, and a review they organised and are listed in unanswered.
 */
const files = () => [
  {
    name: 'work.ics',
    bytes: ics(
      'X-WR-CALNAME:Work',
      ...['20250106', '20250113', '20250120'].flatMap((day) =>
        invite(
          `all-hands-${day}`,
          `${day}T160000Z`,
          'ceo@corp.example',
          `;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${me}`,
          ';PARTSTAT=ACCEPTED:mailto:priya@corp.example',
        ),
      ),
      ...invite(
        'sync',
        '20250108T100000Z',
        'priya@corp.example',
        `;PARTSTAT=ACCEPTED:mailto:${me}`,
        ';PARTSTAT=ACCEPTED:mailto:priya@corp.example',
      ),
      ...invite('coffee', '20250109T090000Z', 'jonas@corp.example', `;CN=Me:mailto:${me}`),
      ...invite(
        'review',
        '20250110T140000Z',
        me,
        `;PARTSTAT=NEEDS-ACTION:mailto:${me}`,
        ';PARTSTAT=ACCEPTED:mailto:jonas@corp.example',
      ),
    ),
  },
];

const preview = (skipUnanswered?: boolean) =>
  previewImport(
    {
      files: files(),
      windowEnd,
      selfEmails: [me],
      ...(skipUnanswered === undefined ? {} : { skipUnanswered }),
    },
    s.ctx,
  );

const none = { remove: 0, keep: 0 };

const titles = () =>
  s.t.store.sqlite.prepare(`SELECT title FROM interactions ORDER BY starts_at`).pluck().all() as string[];

describe('invitations the user never answered', () => {
  it('are counted, kept by default, and left out when asked, with no one proposed from them alone', async () => {
    const kept = await preview();
    expect(kept.unanswered).toEqual({ meetings: 3, leftOut: false, imported: none });
    expect(kept.toCreate).toBe(6);
    expect(kept.newPeople.map((p) => p.email)).toContain('ceo@corp.example');

    const leftOut = await preview(true);
    expect(leftOut.unanswered).toEqual({ meetings: 3, leftOut: true, imported: none });
    expect(leftOut).toMatchObject({ toCreate: 3, skippedByReason: { unanswered: 3 } });
    // The CEO is only in the all-hands: not proposed. Priya is in the sync too.
    expect(leftOut.newPeople.map((p) => p.email).sort()).toEqual([
      'jonas@corp.example',
      'priya@corp.example',
    ]);
    await commitImport({ previewId: leftOut.previewId, createPeople: [] }, s.ctx);
    expect(titles()).toEqual(['sync', 'coffee', 'review']);

    // The choice is the next import's default; taking them back in imports them.
    const next = await preview();
    expect(next.unanswered).toEqual({ meetings: 3, leftOut: true, imported: none });
    expect(next).toMatchObject({ toCreate: 0, unchanged: 3 });
    const back = await preview(false);
    expect(back).toMatchObject({ toCreate: 3, unchanged: 3 });
    await commitImport({ previewId: back.previewId, createPeople: [] }, s.ctx);
    expect(titles()).toHaveLength(6);
    expect((await preview()).unanswered.leftOut).toBe(false);
  });

  it('imported before stay when left out later, unless asked, and undo puts back those removed', async () => {
    const first = await preview(false);
    await commitImport({ previewId: first.previewId, createPeople: [] }, s.ctx);
    // One of them the user wrote notes on: it stays in any case.
    s.t.store.sqlite
      .prepare(`UPDATE interactions SET notes = 'Useful after all', notes_edited = 1 WHERE title = ?`)
      .run('all-hands-20250113');
    const leftOut = await preview(true);
    expect(leftOut.unanswered).toEqual({ meetings: 3, leftOut: true, imported: { remove: 2, keep: 1 } });
    expect(leftOut).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(leftOut.deleted.remove).toBe(0);
    // Not asked: they stay, and nothing is written but the remembered choice.
    await commitImport({ previewId: leftOut.previewId, createPeople: [] }, s.ctx);
    expect(titles()).toHaveLength(6);
    const before = contentHash(s.t.store.sqlite);
    const again = await preview();
    expect(await commitImport({ previewId: again.previewId, createPeople: [] }, s.ctx)).toMatchObject({
      nothingNew: true,
    });
    expect(contentHash(s.t.store.sqlite)).toBe(before);

    const state = visibleState(s.t.store.sqlite);
    const asked = await preview();
    const result = await commitImport(
      { previewId: asked.previewId, createPeople: [], removeUnanswered: true },
      s.ctx,
    );
    expect(result).toMatchObject({ nothingNew: false, unansweredRemoved: 2, created: 0, updated: 0 });
    expect(titles()).toEqual(['sync', 'coffee', 'review', 'all-hands-20250113']);
    expect(listImports(s.t.store.sqlite)[0]).toMatchObject({ id: result.importId, unansweredRemoved: 2 });
    expect((await preview()).unanswered.imported).toEqual({ remove: 0, keep: 1 });
    expect(undoCalendarImport(result.importId!, s.ctx)).toMatchObject({ reinstated: 2 });
    expect(visibleState(s.t.store.sqlite)).toBe(state);
  });

  it('are counted and left out by import-ics', async () => {
    const path = join(s.t.dir, 'work.ics');
    writeFileSync(path, files()[0].bytes);
    const { out, run } = importIcs(join(s.t.dir, 'cli.sqlite'), me);
    expect(await run(path, '--dry-run')).toBe(0);
    expect(out.pop()!.split('\n')).toContain(
      '  never answered: 3 meetings, kept (leave them out with --skip-unanswered)',
    );
    expect(await run(path, '--keep-unanswered')).toBe(0);
    expect(out.pop()).toMatch(/^Imported #\d+: 6 meetings created/);
    expect(await run(path, '--skip-unanswered', '--dry-run')).toBe(0);
    expect(out.pop()!.split('\n')).toEqual(
      expect.arrayContaining([
        '  never answered: 3 meetings, left out',
        '  imported before, never answered: 3 (removed with --remove-unanswered)',
      ]),
    );
    expect(await run(path, '--skip-unanswered', '--remove-unanswered')).toBe(0);
    expect(out.pop()).toMatch(
      /^Imported #\d+: 0 meetings created, 0 updated, 0 new contacts, 3 meetings never answered removed\.$/,
    );
    expect(await run(path, '--skip-unanswered', '--keep-unanswered')).toBe(2);
  });
});
