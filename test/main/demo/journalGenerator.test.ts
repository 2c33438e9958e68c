import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNetwork, writeNetwork } from '../../../src/main/demo/generator';
import { generateJournal, writeJournal } from '../../../src/main/demo/journalGenerator';
import { tempStore, type TempStore } from '../../support/store';
import { call } from '../journal/call';

const now = new Date('2026-06-01T12:00:00.000Z');
let t: TempStore;
beforeEach(async () => {
  t = await tempStore(() => now);
});
afterEach(async () => {
  await t.cleanup();
});

describe('demo journal', () => {
  it('gives three years of 1:1s, team meetings of 5-10, events of 40+, mentor coffees, messages and notes', () => {
    const network = generateNetwork({ size: 300 });
    const entries = generateJournal(network, { now });
    expect(generateJournal(network, { now })).toEqual(entries);
    const first = Date.parse(entries[0].startsAt);
    expect((now.getTime() - first) / 86_400_000).toBeGreaterThan(3 * 365 - 15);
    expect(entries.every((e) => Date.parse(e.startsAt) <= now.getTime())).toBe(true);

    const manager = network.people.find((p) => p.role === 'manager')!;
    const oneToOnes = entries.filter((e) => e.title === `1:1 ${manager.givenName} / me`);
    expect(oneToOnes.length).toBeGreaterThan(120); // weekly, minus holidays
    const teamSyncs = entries.filter((e) => e.title.endsWith('team sync'));
    expect(teamSyncs.length).toBeGreaterThan(100);
    expect(teamSyncs.every((e) => e.participants.length >= 3 && e.participants.length <= 10)).toBe(true);
    expect(teamSyncs.some((e) => e.participants.length >= 5)).toBe(true);
    const events = entries.filter((e) => e.kind === 'event');
    expect(events.length).toBeGreaterThan(30);
    expect(events.every((e) => e.participants.length >= 40)).toBe(true);
    const mentor = network.people.find((p) => p.role === 'mentor' && p.closeness > 0.5 && !p.archived)!;
    const coffees = entries.filter(
      (e) =>
        e.kind === 'coffee' &&
        e.title === `Coffee with ${mentor.givenName}` &&
        e.participants[0] === mentor.index,
    );
    expect(coffees.length).toBeGreaterThanOrEqual(30);
    expect(entries.filter((e) => e.kind === 'message').length).toBeGreaterThan(200);
    expect(entries.filter((e) => e.kind === 'note' && e.participants.length === 0).length).toBeGreaterThan(
      40,
    );
  });

  it('writes into the store so timelines, search and the dashboard have data; a target gives an exact count', async () => {
    const network = generateNetwork({ size: 120, now });
    const ids = writeNetwork(t.store, network);
    const entries = generateJournal(network, { now, target: 5000 });
    expect(entries).toHaveLength(5000);
    expect(writeJournal(t.store, ids, entries, now)).toBe(5000);
    expect(t.store.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(5000);
    const manager = ids[network.people.findIndex((p) => p.role === 'manager')];
    expect((await call(t.ctx, 'journal:timeline', { contactId: manager })).total).toBeGreaterThan(100);
    expect((await call(t.ctx, 'search:query', { query: 'promotion' })).interactions.length).toBeGreaterThan(
      0,
    );
    const dashboard = await call(t.ctx, 'dashboard:get', {});
    expect(dashboard.activity.length).toBeGreaterThan(200);
  });
});
