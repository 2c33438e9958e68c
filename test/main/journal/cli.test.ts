import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/main/cli/run';
import { makeTempDir } from '../../support/store';

let dir: string;
let db: string;
let out: string[];
let err: string[];
const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };

beforeEach(() => {
  dir = makeTempDir();
  db = join(dir, 'cli.sqlite');
  out = [];
  err = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('journal command line', () => {
  it('logs an entry with people found by email, then finds it by a word in its notes', async () => {
    expect(
      await runCli(['contacts', 'add', '--db', db, '--name', 'Ana Souza', '--email', 'ana@example.com'], io),
    ).toBe(0);
    expect(
      await runCli(
        ['contacts', 'add', '--db', db, '--name', 'Bruno Lima', '--email', 'bruno@example.com'],
        io,
      ),
    ).toBe(0);
    const code = await runCli(
      [
        'log',
        '--db',
        db,
        '--with',
        'ANA@example.com',
        '--with',
        'bruno@example.com',
        '--kind',
        'coffee',
        '--at',
        '2026-03-10T09:00:00Z',
        '--minutes',
        '45',
        '--title',
        'Coffee',
        '--notes',
        'Discussed the reorganisation',
        '--json',
      ],
      io,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const entry = JSON.parse(out.at(-1)!);
    expect(entry.participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Ana Souza',
      'Bruno Lima',
    ]);
    expect(entry.endsAt).toBe('2026-03-10T09:45:00.000Z');

    out = [];
    expect(await runCli(['search', '--db', db, 'reorgan', '--json'], io)).toBe(0);
    const results = JSON.parse(out.join('\n'));
    expect(results.interactions.map((i: { id: number }) => i.id)).toEqual([entry.id]);
  });

  it('exits 1 with the app message on rejected input and 2 on bad usage', async () => {
    expect(
      await runCli(
        [
          'log',
          '--db',
          db,
          '--with',
          'nobody@example.com',
          '--kind',
          'coffee',
          '--at',
          '2026-03-10T09:00:00Z',
        ],
        io,
      ),
    ).toBe(1);
    expect(err.at(-1)).toBe('No contact has the email nobody@example.com.');
    expect(
      await runCli(
        ['log', '--db', db, '--kind', 'call', '--at', '2026-03-10T09:00:00Z', '--minutes', '-5'],
        io,
      ),
    ).toBe(2);
    expect(await runCli(['log', '--db', db, '--kind', 'party', '--at', '2026-03-10'], io)).toBe(2);
    expect(await runCli(['log', '--db', db, '--kind', 'meeting', '--at', '2026-03-10T09:00:00Z'], io)).toBe(
      1,
    );
    expect(err.at(-1)).toMatch(/title/i);
    expect(await runCli(['search', '--db', db], io)).toBe(2);
  });
});
