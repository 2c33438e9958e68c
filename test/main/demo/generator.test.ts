import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNetwork, writeNetwork } from '../../../src/main/demo/generator';
import { mulberry32 } from '../../../src/main/demo/random';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { contactCreateInput, type ContactPage } from '../../../src/shared/contacts/schemas';
import { tempStore, type TempStore } from '../../support/store';
import { call } from '../journal/call';

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateNetwork', () => {
  it('is deterministic for a seed and size', () => {
    expect(generateNetwork({ seed: 42, size: 120 })).toEqual(generateNetwork({ seed: 42, size: 120 }));
    expect(generateNetwork({ seed: 43, size: 120 }).people).not.toEqual(
      generateNetwork({ seed: 42, size: 120 }).people,
    );
  });

  it('makes a believable default network of 300 across about 30 organisations', () => {
    const network = generateNetwork();
    expect(network.people).toHaveLength(300);
    expect(network.organisations).toHaveLength(30);
    const circleCount = (c: string) => network.people.filter((p) => p.circles.includes(c as never)).length;
    // Mostly colleagues, with every other circle present.
    expect(circleCount('colleague')).toBeGreaterThan(120);
    for (const circle of ['mentor', 'sponsor', 'mentee', 'peer', 'friend', 'other']) {
      expect(circleCount(circle), circle).toBeGreaterThan(3);
      expect(circleCount(circle), circle).toBeLessThan(circleCount('colleague'));
    }
    expect(new Set(network.people.map((p) => p.organisation)).size).toBeGreaterThan(20);
    expect(network.people.filter((p) => p.tags.length > 0).length).toBeGreaterThan(150);
    expect(network.people.filter((p) => p.links.length > 0).length).toBeGreaterThan(150);
    const birthdays = network.people.flatMap((p) => (p.birthday ? [p.birthday] : []));
    expect(birthdays.length).toBeGreaterThan(90);
    expect(birthdays.length).toBeLessThan(150);
    expect(birthdays.filter((b) => b.startsWith('--')).length).toBeGreaterThan(30);
    const anniversaries = network.people.filter((p) => p.importantDates.length > 0);
    expect(anniversaries.length).toBeGreaterThan(30);
    expect(anniversaries.length).toBeLessThan(75);
    // Most people have a place; colleagues at one organisation mostly share its city.
    const located = network.people.filter((p) => p.location !== null);
    expect(located.length).toBeGreaterThan(230);
    expect(located.length).toBeLessThan(290);
    const cities = new Set(located.map((p) => p.location!.split(',')[0]));
    expect(cities.size).toBeGreaterThan(15);
    const atFirst = located.filter((p) => p.organisationIndex === 0).map((p) => p.location);
    const mostCommon = Math.max(...[...new Set(atFirst)].map((l) => atFirst.filter((x) => x === l).length));
    expect(mostCommon / atFirst.length).toBeGreaterThan(0.4);
    // Every person is a valid contact as the app's own form would submit it.
    // (Only the form's own fields: the generator's extra facts about a person are not part of it.)
    const formKeys = Object.keys(contactCreateInput.shape);
    for (const p of network.people) {
      const fields = Object.fromEntries(Object.entries(p).filter(([key]) => formKeys.includes(key)));
      expect(contactCreateInput.safeParse(fields).success, p.displayName).toBe(true);
    }
  });

  it('keeps every email unique, also at benchmark size', () => {
    const network = generateNetwork({ size: 10_000 });
    expect(network.people).toHaveLength(10_000);
    const emails = network.people.flatMap((p) => p.emails.map((e) => e.email.toLowerCase()));
    emails.push(network.self.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(network.organisations.map((o) => o.name)).size).toBe(network.organisations.length);
  });
});

describe('writeNetwork', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('stores every person so the app lists, searches and reads them back', async () => {
    const network = generateNetwork({ seed: 5, size: 300 });
    const ids = writeNetwork(t.store, network);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);

    const active = network.people.filter((p) => !p.archived).length;
    const page = await dispatch('contacts:list', { limit: 1 }, t.ctx);
    expect(page.ok && (page.value as ContactPage).total).toBe(active);

    const someone = network.people[17];
    const got = await dispatch('contacts:get', { id: ids[17] }, t.ctx);
    expect(got).toMatchObject({
      ok: true,
      value: {
        displayName: someone.displayName,
        organisation: someone.organisation,
        circles: [...someone.circles].sort(),
        tags: [...someone.tags].sort((a, b) => a.localeCompare(b)),
        emails: someone.emails,
      },
    });
    const withDate = network.people.find((p) => p.importantDates.length > 0)!;
    const dated = await call(t.ctx, 'contacts:get', { id: ids[withDate.index] });
    expect(dated.importantDates).toEqual(withDate.importantDates);
    const found = await dispatch(
      'contacts:list',
      { query: someone.familyName.slice(0, 3), archived: someone.archived },
      t.ctx,
    );
    expect(found.ok && (found.value as ContactPage).items.map((i) => i.id)).toContain(ids[17]);
    expect(t.store.sqlite.prepare('SELECT email FROM self_emails').pluck().all()).toEqual([
      network.self.email,
    ]);
  });

  it('records who introduced whom, as "how we met" says, and that teammates report to the manager', async () => {
    const network = generateNetwork({ seed: 5, size: 300 });
    const ids = writeNetwork(t.store, network);
    const introduced = network.people.filter((p) => p.introducerIndex !== null);
    expect(introduced.length).toBeGreaterThan(10);
    for (const p of introduced) {
      const introducer = network.people[p.introducerIndex!];
      expect(p.howWeMet).toBe(`Introduced by ${introducer.displayName}`);
      const related = await call(t.ctx, 'relationships:list', { contactId: ids[p.index] });
      expect(related).toContainEqual(
        expect.objectContaining({
          kind: 'introduced_by',
          side: 'from',
          other: expect.objectContaining({ id: ids[introducer.index] }),
        }),
      );
    }
    const manager = network.people.find((p) => p.role === 'manager')!;
    const teammates = network.people.filter((p) => p.role === 'teammate');
    const reports = (await call(t.ctx, 'relationships:list', { contactId: ids[manager.index] })).filter(
      (r) => r.kind === 'reports_to',
    );
    expect(reports.map((r) => r.other.id).sort((a, b) => a - b)).toEqual(
      teammates.map((p) => ids[p.index]).sort((a, b) => a - b),
    );
    expect(reports.every((r) => r.side === 'to')).toBe(true);
  });
});
