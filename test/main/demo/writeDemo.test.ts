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
});
