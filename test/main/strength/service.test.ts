import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePhoto } from '../../../src/main/contacts/photos';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { strengthCacheFor, StrengthCache } from '../../../src/main/strength/cache';
import {
  contactStrength,
  driftingContacts,
  graphData,
  introductionPath,
  listStrength,
  savePositions,
  setParams,
  setPin,
} from '../../../src/main/strength/service';
import { DAY_MS, scoreAll } from '../../../src/shared/strength/model';
import { defaultStrengthParams } from '../../../src/shared/strength/params';
import { loadAllInteractions } from '../../../src/main/strength/load';
import { jpeg } from '../../support/photo';
import { tempStore, type TempStore } from '../../support/store';
import { call } from '../journal/call';
import type { StrengthList, StrengthParamsDto } from '../../../src/shared/strength/schemas';

const NOW = Date.UTC(2026, 10, 25, 12);
let t: TempStore;
let sqlite: BetterSqlite3.Database;

function contact(name: string, circles: string[] = []): number {
  const iso = new Date(NOW).toISOString();
  const id = Number(
    sqlite
      .prepare('INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)')
      .run(name, iso, iso).lastInsertRowid,
  );
  for (const c of circles)
    sqlite.prepare('INSERT INTO contact_circles (contact_id, circle) VALUES (?, ?)').run(id, c);
  return id;
}

function interaction(
  people: number[],
  daysAgo: number,
  over: { kind?: string; minutes?: number; initiatedBy?: string; mentioned?: number[] } = {},
): number {
  const at = new Date(NOW - daysAgo * DAY_MS).toISOString();
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO interactions (kind, starts_at, duration_minutes, initiated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(over.kind ?? 'meeting', at, over.minutes ?? 30, over.initiatedBy ?? 'unknown', at, at)
      .lastInsertRowid,
  );
  const add = sqlite.prepare(
    'INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, ?, ?)',
  );
  for (const p of people) add.run(id, p, 'attendee', at);
  for (const p of over.mentioned ?? []) add.run(id, p, 'mentioned', at);
  return id;
}

beforeEach(async () => {
  t = await tempStore(() => new Date(NOW));
  sqlite = t.store.sqlite;
});
afterEach(async () => {
  await t.cleanup();
});

describe('strength service', () => {
  it('ranks contacts with layers; the pin wins in the list and both values are kept', () => {
    const ada = contact('Ada', ['mentor']);
    const bo = contact('Bo');
    const cy = contact('Cy');
    for (let k = 0; k < 60; k++) interaction([ada], k * 7);
    interaction([bo], 10);
    const list = listStrength(sqlite, NOW);
    expect(list.items.map((r) => r.displayName)).toEqual(['Ada', 'Bo', 'Cy']);
    expect(list.items[0]).toMatchObject({
      layer: 'inner',
      computedLayer: 'inner',
      pinnedLayer: null,
      circles: ['mentor'],
    });
    expect(list.items[1].t).toBeCloseTo(Math.pow(2, -10 / 180), 12);
    expect(list.layerCounts).toEqual({ inner: 1, close: 0, active: 0, known: 1, dormant: 1 });

    setPin(sqlite, new Date(NOW), cy, 'close');
    const pinned = listStrength(sqlite, NOW).items.find((r) => r.contactId === cy)!;
    expect(pinned).toMatchObject({ layer: 'close', computedLayer: 'dormant', pinnedLayer: 'close' });
    setPin(sqlite, new Date(NOW), cy, null);
    expect(listStrength(sqlite, NOW).items.find((r) => r.contactId === cy)!.layer).toBe('dormant');
    expect(() => setPin(sqlite, new Date(NOW), 999, 'inner')).toThrow(/No contact/);
  });

  it('catches up with journal changes by itself and matches a full recompute', () => {
    const ids = ['A', 'B', 'C', 'D', 'E'].map((n) => contact(n));
    for (let k = 0; k < 40; k++)
      interaction([ids[k % 5], ids[(k + 1 + (k % 4)) % 5]], k * 5, { initiatedBy: k % 3 ? 'me' : 'them' });
    const before = listStrength(sqlite, NOW).items.find((r) => r.contactId === ids[0])!.t;

    // Logged after the cache was filled: no call to the strength module, only SQL.
    const logged = interaction([ids[0]], 1, { initiatedBy: 'me', minutes: 60 });
    interaction([ids[1]], 2, { kind: 'note', mentioned: [ids[0]] });
    const after = listStrength(sqlite, NOW).items.find((r) => r.contactId === ids[0])!.t;
    expect(after).toBeGreaterThan(before);

    sqlite.prepare(`UPDATE interactions SET initiated_by = 'them' WHERE id = ?`).run(logged);
    sqlite
      .prepare(
        'DELETE FROM interaction_participants WHERE contact_id = ? AND interaction_id IN (SELECT id FROM interactions WHERE starts_at < ?)',
      )
      .run(ids[2], new Date(NOW - 100 * DAY_MS).toISOString());
    sqlite.prepare('DELETE FROM interactions WHERE id = (SELECT min(id) FROM interactions)').run();

    const incremental = strengthCacheFor(sqlite).snapshot(NOW).scores;
    const fresh = new StrengthCache(sqlite);
    // A fresh cache reads everything from the tables; the incremental one must agree exactly.
    const full = scoreAll(loadAllInteractions(sqlite).values(), defaultStrengthParams, NOW);
    expect(fresh.snapshot(NOW).scores).toEqual(full);
    // Same numbers up to summation order.
    const kept = [...incremental].filter(([, s]) => s.count > 0);
    expect(kept.map(([c]) => c).sort()).toEqual([...full.keys()].sort());
    for (const [c, s] of kept) {
      const f = full.get(c)!;
      expect({ ...s, s: 0, m: 0, mPrev: 0, out: 0, in: 0, r: 0, t: 0 }).toEqual({
        ...f,
        s: 0,
        m: 0,
        mPrev: 0,
        out: 0,
        in: 0,
        r: 0,
        t: 0,
      });
      for (const k of ['s', 'm', 'mPrev', 'out', 'in', 'r', 't'] as const) expect(s[k]).toBeCloseTo(f[k], 12);
    }
  });

  it('counts a meeting logged after the scores were taken as soon as its time has come', () => {
    const ana = contact('Ana');
    for (let k = 0; k < 12; k++) interaction([ana], 60 + k * 7);
    const minutes = (n: number) => NOW + n * 60_000;
    expect(driftingContacts(sqlite, minutes(0)).map((r) => r.displayName)).toEqual(['Ana']);

    const log = (at: number) => {
      const iso = new Date(at).toISOString();
      const id = sqlite
        .prepare(
          `INSERT INTO interactions (kind, starts_at, duration_minutes, created_at, updated_at) VALUES ('coffee', ?, 30, ?, ?)`,
        )
        .run(iso, iso, iso).lastInsertRowid;
      sqlite
        .prepare(
          'INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)',
        )
        .run(id, ana, iso);
    };
    // A coffee "just now", two minutes after the scores were taken, and a call planned in six.
    log(minutes(2));
    log(minutes(6));
    expect(driftingContacts(sqlite, minutes(3))).toEqual([]);
    expect(contactStrength(sqlite, minutes(3), ana).row.lastAt).toBe(new Date(minutes(2)).toISOString());

    // Within ten minutes of those scores, the call counts once its time has come, as a fresh read says.
    const fresh = new StrengthCache(sqlite).snapshot(minutes(7)).scores.get(ana)!;
    expect(fresh).toMatchObject({ count: 14, lastAt: minutes(6) });
    expect(strengthCacheFor(sqlite).snapshot(minutes(7)).scores.get(ana)).toEqual(fresh);
  });

  it('applies a parameter change everywhere at once', () => {
    const ada = contact('Ada');
    interaction([ada], 180);
    expect(listStrength(sqlite, NOW).items[0].t).toBeCloseTo(0.5, 12);
    setParams(sqlite, { halfLifeDays: 90 }, false);
    expect(listStrength(sqlite, NOW).items[0].t).toBeCloseTo(0.25, 12);
    expect(contactStrength(sqlite, NOW, ada).row.t).toBeCloseTo(0.25, 12);
    setParams(sqlite, {}, true);
    expect(listStrength(sqlite, NOW).items[0].t).toBeCloseTo(0.5, 12);
    expect(() => setParams(sqlite, { layers: { known: 100 } }, false)).toThrow(/Layer thresholds/);
  });

  it('explains a contact and draws its 24-month history; a window rescores from recent contact only', () => {
    const ada = contact('Ada');
    const team = [2, 3, 4, 5, 6, 7].map((k) => contact(`T${k}`));
    for (let k = 0; k < 6; k++) interaction([ada], 20 + k * 30, { initiatedBy: k % 2 ? 'me' : 'them' });
    for (let k = 0; k < 14; k++) interaction([ada, ...team], k * 7 + 1);
    for (let k = 0; k < 31; k++) interaction([ada], k * 3 + 2, { kind: 'email', initiatedBy: 'me' });
    interaction([ada], 700);
    const d = contactStrength(sqlite, NOW, ada);
    expect(d.why).toMatch(/^7 one-to-ones: \d+\.\d; 14 team meetings of 8: \d+\.\d; 31 email days: \d+\.\d$/);
    expect(d.series).toHaveLength(24);
    expect(d.series[23].t).toBeCloseTo(d.row.t, 12);
    expect(d.series[0].t).toBeGreaterThan(0);
    expect(d.reciprocity).toMatch(/you started 34, they started 3/);
    const recent = contactStrength(sqlite, NOW, ada, 365);
    expect(recent.groups[0].count).toBe(6);
    expect(() => contactStrength(sqlite, NOW, 999)).toThrow(/No contact/);
  });

  it('builds the graph with ties, the backbone and saved positions, and finds introduction paths', () => {
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((n) => contact(n));
    const stranger = contact('Stranger');
    for (let k = 0; k < 10; k++) interaction([a], k * 10);
    for (let k = 0; k < 5; k++) interaction([c], k * 20 + 3);
    // The user met A and B together, B and C once long ago, and D only on a video call with C:
    // the tie C-D (no kind weight) is stronger than the user's own tie to D (video, 0.8).
    interaction([a, b], 5);
    interaction([b, c], 300);
    interaction([c, d], 40, { kind: 'video' });
    const g = graphData(sqlite, NOW);
    expect(g.nodes.map((n) => n.label).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(g.ties.find((e) => e.a === a && e.b === b)).toMatchObject({
      w: expect.closeTo(0.5 * Math.pow(2, -5 / 180), 12),
      backbone: true,
    });
    expect(g.nodes.every((n) => n.x === null)).toBe(true);

    expect(
      savePositions(sqlite, new Date(NOW), [
        { contactId: a, x: 1, y: 2 },
        { contactId: 999, x: 0, y: 0 },
      ]),
    ).toBe(1);
    expect(graphData(sqlite, NOW).nodes.find((n) => n.contactId === a)).toMatchObject({ x: 1, y: 2 });

    // Each node names its photo's version, for the window to draw it in the disc.
    writePhoto(sqlite, c, 'image/jpeg', jpeg.toString('base64'), new Date('2026-11-28T03:00:00.000Z'));
    expect(graphData(sqlite, NOW).nodes.map((n) => [n.label, n.photo])).toEqual(
      expect.arrayContaining([
        ['A', null],
        ['C', '2026-11-28T03:00:00.000Z'],
      ]),
    );

    const path = introductionPath(sqlite, NOW, d)!;
    expect(path.nodes.map((n) => n.name)).toEqual(['You', 'C', 'D']);
    const via = introductionPath(sqlite, NOW, b, { excludeDirect: true })!;
    expect(via.nodes.map((n) => n.name)).toEqual(['You', 'A', 'B']);
    expect(introductionPath(sqlite, NOW, stranger)).toBeNull();
  });

  it('counts a recorded relationship as a tie to introduce through, weaker than any measured route', async () => {
    const [a, b] = ['A', 'B'].map((n) => contact(n));
    const target = contact('Target');
    for (let k = 0; k < 10; k++) interaction([a], k * 10);
    for (let k = 0; k < 5; k++) interaction([b], k * 20 + 3);
    expect(introductionPath(sqlite, NOW, target)).toBeNull();

    expect(graphData(sqlite, NOW).nodes.map((n) => n.label)).toEqual(['A', 'B']);

    // Nothing in the journal links anyone to Target, but A is recorded as Target's manager.
    await call(t.ctx, 'relationships:add', { fromId: target, toId: a, kind: 'reports_to' });
    // The graph draws the record, and Target joins the network through it.
    const drawn = graphData(sqlite, NOW);
    expect(drawn.nodes.map((n) => n.label)).toEqual(['A', 'B', 'Target']);
    expect(drawn.recorded).toEqual([{ a, b: target, sentence: 'Target reports to A' }]);
    expect(drawn.ties).toEqual([]);
    const viaA = introductionPath(sqlite, NOW, target)!;
    expect(viaA.nodes.map((n) => n.name)).toEqual(['You', 'A', 'Target']);
    expect(viaA.steps[1]).toEqual({
      from: a,
      to: target,
      w: defaultStrengthParams.layers.known,
      recorded: 'Target reports to A',
    });
    expect(viaA.steps[0].recorded).toBeUndefined();
    expect(viaA.bottleneck).toBe(defaultStrengthParams.layers.known);

    // A measured tie through B that is stronger than the recorded one wins.
    for (let k = 0; k < 4; k++) interaction([b, target], k * 15 + 1);
    const viaB = introductionPath(sqlite, NOW, target, { excludeDirect: true })!;
    expect(viaB.nodes.map((n) => n.name)).toEqual(['You', 'B', 'Target']);
    expect(viaB.steps.every((s) => s.recorded === undefined)).toBe(true);
    expect(viaB.bottleneck).toBeGreaterThan(defaultStrengthParams.layers.known);

    // One line per pair on the graph, the first recorded, beside the measured tie.
    await call(t.ctx, 'relationships:add', { fromId: b, toId: target, kind: 'works_with' });
    await call(t.ctx, 'relationships:add', { fromId: b, toId: target, kind: 'mentor_of' });
    expect(graphData(sqlite, NOW).recorded.map((r) => r.sentence)).toEqual([
      'Target reports to A',
      'B works with Target',
    ]);

    // Archived people are not on the way: with B archived, the recorded tie through A is the route.
    await call(t.ctx, 'contacts:setArchived', { id: b, archived: true });
    expect(graphData(sqlite, NOW).recorded.map((r) => r.sentence)).toEqual(['Target reports to A']);
    expect(introductionPath(sqlite, NOW, target, { excludeDirect: true })!.nodes.map((n) => n.name)).toEqual([
      'You',
      'A',
      'Target',
    ]);
  });

  it('serves every channel through the registry with validation', async () => {
    const ada = contact('Ada');
    interaction([ada], 1);
    const list = await dispatch('strength:list', {}, t.ctx);
    expect(list.ok && (list.value as StrengthList).items[0].displayName).toBe('Ada');
    const bad = await dispatch('strength:setPin', { contactId: ada, layer: 'bestie' } as never, t.ctx);
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const pin = await dispatch('strength:setPin', { contactId: ada, layer: 'inner' }, t.ctx);
    expect(pin.ok).toBe(true);
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: ['strength'] } });
    const params = await dispatch('strength:setParams', { patch: { kindWeights: { email: 0.3 } } }, t.ctx);
    expect(params.ok && (params.value as StrengthParamsDto).params.kindWeights.email).toBe(0.3);
    const proto = await dispatch('strength:setParams', JSON.parse('{"patch":{"__proto__":{"a":1}}}'), t.ctx);
    expect(proto.ok).toBe(false);
    const missing = await dispatch('strength:contact', { contactId: 12345 }, t.ctx);
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const saved = await dispatch(
      'graph:savePositions',
      { positions: [{ contactId: ada, x: 3, y: 4 }] },
      t.ctx,
    );
    expect(saved.ok && saved.value).toEqual({ saved: 1 });
    const drift = await dispatch('strength:drifting', {}, t.ctx);
    expect(drift.ok && drift.value).toEqual([]);
  });
});
