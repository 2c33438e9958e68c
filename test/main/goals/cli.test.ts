import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempStore, type TempStore } from '../../support/store';
import { call, seeder } from './seed';
import type { GoalSummary } from '../../../src/shared/goals/schemas';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('goals command', () => {
  it('prints each goal with its progress for the current period, as text and JSON', async () => {
    const s = seeder(t);
    const maria = s.contact('Maria', { circles: ['mentor'] });
    // Yesterday, whatever today is, so it is in the current year for any zone.
    const yesterday = new Date(Date.now() - 86_400_000);
    s.interaction('coffee', yesterday.toISOString(), [maria]);
    const goal = await call(t.ctx, 'goals:create', {
      title: '10 coffees with mentors a year',
      startDate: '2020-01-01',
      measure: 'count',
      target: 10,
      period: 'total',
      filter: { kinds: ['coffee'], circles: ['mentor'] },
    });

    const json = await cli('goals', '--db', t.path, '--json');
    expect(json.code).toBe(0);
    const goals = JSON.parse(json.out) as GoalSummary[];
    expect(goals.map((g) => [g.definition.id, g.current?.value, g.current?.target])).toEqual([
      [goal.id, 1, 10],
    ]);

    const text = await cli('goals', '--db', t.path);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`#${goal.id}\tactive\t10 coffees with mentors a year\t1/10`);

    expect((await cli('goals')).code).toBe(2);
    expect((await cli('goals', '--db', t.path, '--bogus')).code).toBe(2);
  });
});
