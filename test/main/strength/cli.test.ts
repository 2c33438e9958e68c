import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempStore, type TempStore } from '../../support/store';

let t: TempStore;
const out: string[] = [];
const err: string[] = [];
const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };

beforeEach(async () => {
  t = await tempStore();
  out.length = 0;
  err.length = 0;
  const { sqlite } = t.store;
  const iso = new Date().toISOString();
  const add = (name: string, email: string) => {
    const id = Number(
      sqlite
        .prepare('INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, ?, ?)')
        .run(name, iso, iso).lastInsertRowid,
    );
    sqlite
      .prepare('INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, 0)')
      .run(id, email);
    return id;
  };
  const ada = add('Ada Lovelace', 'ada@example.org');
  add('Bo Diddley', 'bo@example.org');
  for (let k = 1; k <= 3; k++) {
    const at = new Date(Date.now() - k * 86_400_000).toISOString();
    const id = sqlite
      .prepare(
        `INSERT INTO interactions (kind, starts_at, duration_minutes, initiated_by, created_at, updated_at)
         VALUES ('coffee', ?, 30, ?, ?, ?)`,
      )
      .run(at, k % 2 ? 'me' : 'them', at, at).lastInsertRowid;
    sqlite
      .prepare(
        'INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)',
      )
      .run(id, ada, at);
  }
});
afterEach(async () => {
  await t.cleanup();
});

describe('strength command line', () => {
  it('prints the ranked list with layers and the explanation', async () => {
    expect(await runCli(['strength', '--db', t.path], io)).toBe(0);
    expect(out[0]).toBe('2 contacts: 0 inner, 0 close, 1 active, 0 known, 1 dormant');
    expect(out[2]).toMatch(/^ {3}1 {5}2\.\d\d {2}active .* Ada Lovelace {2}— 3 one-to-ones: 2\.\d$/);
    expect(out[3]).toMatch(/^ {3}2 {5}0\.00 {2}dormant .* Bo Diddley$/);
  });

  it('explains one contact found by email, as text or JSON', async () => {
    expect(await runCli(['strength', '--db', t.path, '--contact', 'ADA@example.org'], io)).toBe(0);
    expect(out[0]).toMatch(/^Ada Lovelace: strength 2\.\d\d, layer active, trend up/);
    expect(out[1]).toMatch(/^Why: 3 one-to-ones: 2\.\d$/);
    expect(out[2]).toMatch(/^Reciprocity 0\.\d\d \(you started 2, they started 1\)/);
    out.length = 0;
    expect(await runCli(['strength', '--db', t.path, '--json'], io)).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.layerCounts.active).toBe(1);
    expect(parsed.items[0]).toMatchObject({
      displayName: 'Ada Lovelace',
      layer: 'active',
      why: expect.stringMatching(/^3 one-to-ones/),
    });
  });

  it('exits 1 for an unknown email and 2 for bad arguments', async () => {
    expect(await runCli(['strength', '--db', t.path, '--contact', 'nobody@example.org'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/No contact has the email address nobody@example.org/);
    expect(await runCli(['strength', '--db', t.path, '--bogus'], io)).toBe(2);
    expect(await runCli(['strength'], io)).toBe(2);
  });
});
