import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../src/main/demo/generator';
import { writeDemo } from '../../../src/main/demo/writeDemo';
import { dueText } from '../../../src/shared/followUps/due';
import { localDate } from '../../../src/shared/journal/quickLog';
import { tempStore, type TempStore } from '../../support/store';
import { call } from '../journal/call';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

describe('the demo data', () => {
  it('has next steps with the closest people around today: overdue, due today, later and undated, and a few done', async () => {
    const network = generateNetwork({ seed: 9, size: 120 });
    const ids = writeDemo(t.store, network);
    const today = localDate(new Date());
    const open = await call(t.ctx, 'followups:list', {});
    expect(open.total).toBe(7);
    expect(open.items.map((f) => dueText(f.dueOn, today).text)).toEqual([
      'Overdue by 3 days',
      'Overdue by 1 day',
      'Due today',
      'Due in 2 days',
      'Due in 6 days',
      'Due in 14 days',
      'No date',
    ]);
    expect((await call(t.ctx, 'followups:list', { status: 'done' })).total).toBe(4);
    // With the people the user is closest to.
    const closest = network.people
      .filter((p) => !p.archived)
      .toSorted((a, b) => b.closeness - a.closeness)
      .slice(0, 11)
      .map((p) => ids[p.index]);
    for (const f of open.items) expect(closest).toContain(f.contactId);
  });

  it("has a few moves outside the user's company, as news on their timelines, the recent ones on the dashboard", async () => {
    const network = generateNetwork({ seed: 9, size: 120 });
    const ids = writeDemo(t.store, network);
    const moves = t.store.sqlite
      .prepare(
        `SELECT i.title, p.contact_id, p.role, c.organisation FROM interactions i
         JOIN interaction_participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
         WHERE i.kind = 'job_change' ORDER BY i.starts_at DESC`,
      )
      .all() as Array<{ title: string; contact_id: number; role: string; organisation: string }>;
    expect(moves).toHaveLength(4);
    const self = network.organisations[network.self.organisationIndex].name;
    for (const m of moves) {
      expect(m.role).toBe('mentioned');
      expect(m.title).toMatch(new RegExp(`^Moved from .+ to ${m.organisation}$`));
      expect(m.organisation).not.toBe(self);
    }
    const { jobChanges } = await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 0 });
    // The one recorded 120 days ago is past the dashboard's 60.
    expect(jobChanges.map((j) => j.contactId).toSorted()).toEqual(
      moves
        .slice(0, 3)
        .map((m) => m.contact_id)
        .toSorted(),
    );
    expect(ids).toContain(moves[3].contact_id);
  });
});
