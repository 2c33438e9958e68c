import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/db/open';
import { generateNetwork, writeNetwork } from '../../src/main/demo/generator';
import { generateJournal, writeJournal } from '../../src/main/demo/journalGenerator';
import type { HandlerContext } from '../../src/main/ipc/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { GoalFieldsInput } from '../../src/shared/goals/schemas';
import { goalTemplates } from '../../src/shared/goals/templates';
import type { BenchCase } from '../lib/types';

const contacts = 10_000;
const interactions = 200_000;
const goalCount = 50;
const now = new Date('2026-06-01T12:00:00.000Z');

interface Fixture {
  dir: string;
  store: Store;
  ctx: HandlerContext;
  /** The goal with the most data behind it: monthly meetings with any colleague. */
  heavyGoal: number;
  goalIds: number[];
}

let fixture: Promise<Fixture> | undefined;

async function bridge(ctx: HandlerContext, channel: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(channel, payload, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/**
 * 50 goals of every measure over the demo generator's network and journal at benchmark size:
 * the ten templates, then variations of count and people goals across kinds, circles,
 * organisations, periods and named contacts, a few relationship and milestone goals.
 */
function goalsFor(ids: number[], organisations: string[]): GoalFieldsInput[] {
  const start = '2024-06-01';
  const templates = goalTemplates(start).map((t) => {
    const f = { ...t.fields, startDate: start };
    return f.measure === 'relationship' ? { ...f, filter: { contactIds: ids.slice(0, 5) } } : f;
  });
  const kinds = ['meeting', 'coffee', 'video', 'call', 'event', 'message', 'email'] as const;
  const circles = ['colleague', 'mentor', 'sponsor', 'peer', 'friend', 'mentee'] as const;
  const periods = ['week', 'month', 'quarter', 'year'] as const;
  const out: GoalFieldsInput[] = [...templates];
  for (let i = 0; out.length < goalCount; i++) {
    const variant = i % 5;
    const base = { title: `Goal ${i}`, startDate: start, period: periods[i % periods.length] };
    if (variant === 0) {
      out.push({
        ...base,
        measure: 'count',
        target: 4,
        filter: { kinds: [kinds[i % kinds.length]], circles: [circles[i % circles.length]] },
      });
    } else if (variant === 1) {
      out.push({
        ...base,
        measure: 'people',
        target: 10,
        filter: { circles: [circles[i % circles.length]] },
      });
    } else if (variant === 2) {
      out.push({
        ...base,
        measure: 'count',
        target: 3,
        filter: { organisations: [organisations[i % organisations.length]] },
      });
    } else if (variant === 3) {
      out.push({ ...base, measure: 'count', target: 2, filter: { contactIds: ids.slice(i * 7, i * 7 + 6) } });
    } else {
      out.push({
        ...base,
        measure: 'milestones',
        milestones: [
          { title: 'Tell them', contactId: ids[i * 3], kinds: ['coffee', 'meeting'], keyword: 'promotion' },
          { title: 'Any event', kinds: ['event'] },
        ],
      });
    }
  }
  return out;
}

function shared(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-goals-'));
    const store = await openStore(join(dir, 'rapport.sqlite'));
    const network = generateNetwork({ size: contacts, now });
    const ids = writeNetwork(store, network);
    writeJournal(store, ids, generateJournal(network, { now, target: interactions }), now);
    store.sqlite.pragma('optimize');
    const ctx: HandlerContext = { store, dataDir: dir, now: () => now, emit: () => {} };
    await bridge(ctx, 'goals:setPrefs', { weekStart: 1, timeZone: 'Europe/Berlin' });
    const goalIds: number[] = [];
    for (const g of goalsFor(
      ids,
      network.organisations.map((o) => o.name),
    )) {
      goalIds.push(((await bridge(ctx, 'goals:create', g)) as { id: number }).id);
    }
    const heavyGoal = (
      (await bridge(ctx, 'goals:create', {
        title: 'Meet colleagues every month',
        startDate: '2020-01-01',
        measure: 'count',
        target: 20,
        period: 'month',
        filter: { circles: ['colleague'] },
      })) as { id: number }
    ).id;
    return { dir, store, ctx, heavyGoal, goalIds };
  })();
  return fixture;
}

export async function dispose(): Promise<void> {
  if (!fixture) return;
  const { store, dir } = await fixture;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  fixture = undefined;
}

const overview: BenchCase<Fixture> = {
  name: 'goals: overview, progress of 50 goals (dispatch)',
  n: interactions,
  iterations: 30,
  warmup: 3,
  setup: shared,
  run: (f) => bridge(f.ctx, 'goals:list', {}),
};

const history: BenchCase<Fixture> = {
  name: "goals: one goal's 24-period history (dispatch)",
  n: interactions,
  iterations: 30,
  warmup: 3,
  setup: shared,
  run: (f) => bridge(f.ctx, 'goals:get', { id: f.heavyGoal }),
};

const anyHistory: BenchCase<Fixture> = {
  name: 'goals: goal page, each of the 50 goals in turn (dispatch)',
  n: interactions,
  iterations: 50,
  warmup: 5,
  setup: shared,
  run: (f, i) => bridge(f.ctx, 'goals:get', { id: f.goalIds[i % f.goalIds.length] }),
};

const dashboard: BenchCase<Fixture> = {
  name: 'goals: dashboard (behind and period ending)',
  n: interactions,
  iterations: 20,
  warmup: 3,
  setup: shared,
  run: (f) => bridge(f.ctx, 'goals:dashboard', {}),
};

export const cases = [overview, history, anyHistory, dashboard];
