import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { makeTempDir } from '../../support/store';
import { fixturesDir } from './fixtures';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
beforeEach(() => {
  dir = makeTempDir();
  out = [];
  err = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(argv, io);

describe('command line', () => {
  it('previews, imports, exports, backs up and restores', async () => {
    const db = join(dir, 'rapport.sqlite');
    const csv = join(fixturesDir, 'linkedin-Connections.csv');
    expect(await cli('import-contacts', csv, '--db', db, '--dry-run', '--json')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      format: 'linkedin',
      counts: { create: 7, skipped: 1 },
    });
    out = [];
    expect(await cli('import-contacts', csv, '--db', db)).toBe(0);
    expect(out.join('\n')).toMatch(/7 created, 0 updated/);

    expect(await cli('export', '--db', db, '--format', 'json', '--out', join(dir, 'all.json'))).toBe(0);
    expect(await cli('export', '--db', db, '--format', 'markdown', '--out', join(dir, 'md'))).toBe(0);
    expect(readdirSync(join(dir, 'md'))).toHaveLength(7);
    // LinkedIn gives no birthdays: a calendar with no days in it, still one a calendar app opens.
    out = [];
    expect(await cli('export', '--db', db, '--format', 'ics', '--out', join(dir, 'days.ics'))).toBe(0);
    expect(out.join('\n')).toMatch(/^Exported 0 contacts as ics to .*days\.ics \(1 file, \d+ bytes\)\.$/);
    expect(readFileSync(join(dir, 'days.ics'), 'utf8')).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n[^]*END:VCALENDAR\r\n$/,
    );
    expect(await cli('backup', '--db', db)).toBe(0);
    expect(readdirSync(join(dir, 'backups')).some((n) => n.endsWith('-manual.sqlite'))).toBe(true);

    // Restore the JSON export into a new, empty database.
    const other = join(dir, 'other', 'rapport.sqlite');
    expect(await cli('restore', join(dir, 'all.json'), '--db', other)).toBe(0);
    expect(await cli('export', '--db', other, '--format', 'vcard', '--out', join(dir, 'o.vcf'))).toBe(0);
    expect(readFileSync(join(dir, 'o.vcf'), 'utf8').match(/^BEGIN:VCARD$/gm)).toHaveLength(7);
  });

  it('lists the other jobs a vCard says, and takes them with --take-roles', async () => {
    const db = join(dir, 'rapport.sqlite');
    const csv = join(fixturesDir, 'linkedin-Connections.csv');
    expect(await cli('import-contacts', csv, '--db', db)).toBe(0);
    const vcf = join(dir, 'phone.vcf');
    writeFileSync(
      vcf,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Ana Souza',
        'EMAIL:ana.souza@northwind.example',
        'ORG:Fabrikam',
        'END:VCARD',
      ].join('\r\n'),
    );
    out = [];
    expect(await cli('import-contacts', vcf, '--db', db, '--dry-run')).toBe(0);
    expect(out.join('\n')).toContain(
      'another organisation or title in the file for 1 (--take-roles takes them):\n' +
        '    Ana Souza: Staff Engineer at Northwind Traders → Staff Engineer at Fabrikam',
    );
    out = [];
    expect(await cli('import-contacts', vcf, '--db', db, '--take-roles')).toBe(0);
    expect(out.join('\n')).toMatch(/0 created, 1 updated/);
  });

  it('rejects bad usage with 2 and a refused file with 1', async () => {
    expect(await cli('export', '--db', join(dir, 'a.sqlite'), '--format', 'pdf', '--out', 'x')).toBe(2);
    expect(await cli('import-contacts', '--db', join(dir, 'a.sqlite'))).toBe(2);
    expect(await cli('import-contacts', join(fixturesDir, 'README.md'), '--db', join(dir, 'a.sqlite'))).toBe(
      1,
    );
    expect(err.join('\n')).toMatch(/No header row with known columns/);
    expect(await cli('restore', join(dir, 'missing.json'), '--db', join(dir, 'a.sqlite'))).toBe(1);
    expect(existsSync(join(dir, 'a.sqlite'))).toBe(true);
  });
});
