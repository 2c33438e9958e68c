import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { snoozedUntil } from '../../../src/shared/followUps/snooze';
import { localDate } from '../../../src/shared/journal/quickLog';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { withCliContext } from '../../../src/main/cli/runtime';
import { tempStore } from '../../support/store';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  db = join(dir, 'rapport.sqlite');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('runCli', () => {
  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: npm run cli/);
    expect(out).toMatch(/contacts add --db PATH --name NAME/);
    expect(out).toMatch(/contacts list --db PATH/);
  });

  it('adds contacts and lists them as JSON', async () => {
    const added = await cli(
      'contacts',
      'add',
      '--db',
      db,
      '--name',
      'Ngozi Eze',
      '--email',
      'ngozi@example.org',
      '--email',
      'N.Eze@Home.example',
      '--circle',
      'mentor',
      '--circle',
      'sponsor',
      '--org',
      'Helix Health',
      '--title',
      'CTO',
      '--field',
      'Expertise=Clinical data = FHIR',
      '--field',
      'Assistant=Tobi',
      '--date',
      'Work anniversary=2019-12-03',
      '--date',
      'Anniversary=--06-14',
      '--json',
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      displayName: 'Ngozi Eze',
      circles: ['mentor', 'sponsor'],
      emails: [{ email: 'ngozi@example.org' }, { email: 'n.eze@home.example' }],
      organisation: 'Helix Health',
      title: 'CTO',
      // The value runs from the first `=`, so it may hold one.
      customFields: [
        { label: 'Expertise', value: 'Clinical data = FHIR' },
        { label: 'Assistant', value: 'Tobi' },
      ],
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
    expect(
      (await cli('contacts', 'add', '--db', db, '--name', 'Björn Berg', '--location', 'Stockholm, Sweden'))
        .out,
    ).toMatch(/^Added Björn Berg \(#2\)$/);

    const listed = await cli('contacts', 'list', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const items = JSON.parse(listed.out) as Array<{ displayName: string; primaryEmail: string | null }>;
    expect(items.map((i) => [i.displayName, i.primaryEmail])).toEqual([
      ['Björn Berg', null],
      ['Ngozi Eze', 'ngozi@example.org'],
    ]);
    const searched = JSON.parse((await cli('contacts', 'list', '--db', db, '--json', '--query', 'hel')).out);
    expect(searched).toHaveLength(1);
    const byField = JSON.parse((await cli('contacts', 'list', '--db', db, '--json', '--query', 'fhir')).out);
    expect(byField.map((c: { displayName: string }) => c.displayName)).toEqual(['Ngozi Eze']);
    const onField = JSON.parse(
      (await cli('contacts', 'list', '--db', db, '--json', '--field', 'assistant=TOBI')).out,
    );
    expect(onField.map((c: { displayName: string }) => c.displayName)).toEqual(['Ngozi Eze']);
    const inStockholm = JSON.parse(
      (await cli('contacts', 'list', '--db', db, '--json', '--city', 'stockholm')).out,
    );
    expect(inStockholm.map((c: { location: string }) => c.location)).toEqual(['Stockholm, Sweden']);
    // A saved view of the app's list, by name in any case; one that is not there is a refusal (exit 1).
    await withCliContext(db, (call) => call('views:save', { name: 'Swedes', params: 'city=Stockholm' }));
    const viewed = await cli('contacts', 'list', '--db', db, '--view', 'swedes');
    expect(
      viewed.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[1]),
    ).toEqual(['Björn Berg']);
    const missing = await cli('contacts', 'list', '--db', db, '--view', 'Danes');
    expect([missing.code, missing.err.trim()]).toEqual([1, 'There is no saved view named “Danes”.']);

    // Neither has met the user yet: both dormant, never contacted, so the strength order keeps name order.
    const strongest = await cli('contacts', 'list', '--db', db, '--sort', 'strength', '--layer', 'dormant');
    expect(strongest.out.split('\n').filter(Boolean)).toEqual([
      '2\tBjörn Berg\t\t\tdormant\t',
      '1\tNgozi Eze\tHelix Health\tmentor,sponsor\tdormant\t',
    ]);
    expect((await cli('contacts', 'list', '--db', db, '--layer', 'inner')).out.trim()).toBe('');
  });

  it.each([
    [[]],
    [['contacts']],
    [['frobnicate']],
    [['contacts', 'add', '--db', 'x.sqlite']],
    [['contacts', 'add', '--name', 'No Db']],
    [['contacts', 'add', '--db', 'x.sqlite', '--name', 'A', '--circle', 'enemy']],
    [['contacts', 'add', '--db', 'x.sqlite', '--name', 'A', '--field', 'Team']],
    [['contacts', 'add', '--db', 'x.sqlite', '--name', 'A', '--field', '=Platform']],
    [['contacts', 'add', '--db', 'x.sqlite', '--name', 'A', '--date', '2019-12-03']],
    [['contacts', 'list', '--db', 'x.sqlite', '--colour', 'blue']],
    [['contacts', 'list', '--db', 'x.sqlite', '--view', 'Swedes', '--circle', 'mentor']],
    [['contacts', 'list', '--db']],
    [['contacts', 'list', '--db', 'x.sqlite', '--sort', 'toString']],
    [['contacts', 'list', '--db', 'x.sqlite', '--layer', 'best']],
    [['contacts', 'list', '--db', 'x.sqlite', '--field', 'Team']],
  ])('exits 2 with usage for bad arguments %j', async (argv) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(`${out}\n${err}`).toMatch(/Usage: npm run cli --/);
  });

  it('exits 1 with the message the app shows when an email belongs to someone else', async () => {
    expect(
      (await cli('contacts', 'add', '--db', db, '--name', 'Ana Souza', '--email', 'ana@example.com')).code,
    ).toBe(0);
    const rejected = await cli(
      'contacts',
      'add',
      '--db',
      db,
      '--name',
      'Impostor',
      '--email',
      'ANA@example.com',
    );
    expect(rejected.code).toBe(1);

    // The app's own answer to the same request, through the same bridge.
    const t = await tempStore();
    try {
      await dispatch(
        'contacts:create',
        { displayName: 'Ana Souza', emails: [{ email: 'ana@example.com' }] },
        t.ctx,
      );
      const app = await dispatch(
        'contacts:create',
        { displayName: 'Impostor', emails: [{ email: 'ANA@example.com' }] },
        t.ctx,
      );
      expect(app.ok).toBe(false);
      if (!app.ok) expect(rejected.err).toBe(app.error.message);
    } finally {
      await t.cleanup();
    }
    expect(rejected.err).toMatch(/ana@example.com already belongs to Ana Souza/);
    const listed = JSON.parse((await cli('contacts', 'list', '--db', db, '--json')).out) as unknown[];
    expect(listed).toHaveLength(1);
  });

  it('keeps follow-ups: add, a morning digest of what is due, done', async () => {
    await cli('contacts', 'add', '--db', db, '--name', 'Ana Souza');
    const ana = (
      JSON.parse((await cli('contacts', 'list', '--db', db, '--json')).out) as Array<{ id: number }>
    )[0].id;
    const overdue = await cli(
      'followups',
      'add',
      '--db',
      db,
      '--contact',
      String(ana),
      '--text',
      'Send the deck',
      '--due',
      '2020-01-02',
    );
    expect(overdue).toMatchObject({ code: 0, out: 'Follow-up #1 with Ana Souza: Send the deck' });
    expect(
      (await cli('followups', 'add', '--db', db, '--contact', String(ana), '--text', 'Book a coffee')).code,
    ).toBe(0);

    const all = await cli('followups', 'list', '--db', db);
    expect(all.out.split('\n')).toEqual([
      expect.stringMatching(/^1\tOverdue by [\d,]+ days\tAna Souza\tSend the deck$/),
      '2\tNo date\tAna Souza\tBook a coffee',
    ]);
    const due = JSON.parse((await cli('followups', 'list', '--db', db, '--due', '--json')).out) as {
      items: Array<{ text: string }>;
      total: number;
    };
    expect([due.items.map((f) => f.text), due.total]).toEqual([['Send the deck'], 1]);

    // Snoozed a week from today (the default), it is no longer due; a day given is taken as it is.
    const snoozed = await cli('followups', 'snooze', '--db', db, '--id', '1');
    expect(snoozed).toMatchObject({
      code: 0,
      out: `Snoozed until ${snoozedUntil('nextWeek', localDate(new Date()))}: Send the deck (Ana Souza)`,
    });
    expect((await cli('followups', 'list', '--db', db, '--due')).out).toBe('');
    expect((await cli('followups', 'snooze', '--db', db, '--id', '1', '--until', '2020-01-02')).code).toBe(0);
    const notADay = await cli('followups', 'snooze', '--db', db, '--id', '1', '--until', 'someday');
    expect([notADay.code, notADay.err]).toEqual([1, expect.stringMatching(/Use a date as YYYY-MM-DD/)]);

    expect(await cli('followups', 'done', '--db', db, '--id', '1')).toMatchObject({
      code: 0,
      out: 'Done: Send the deck (Ana Souza)',
    });
    expect((await cli('followups', 'list', '--db', db, '--due')).out).toBe('');

    const badDay = await cli(
      'followups',
      'add',
      '--db',
      db,
      '--contact',
      String(ana),
      '--text',
      'x',
      '--due',
      '2026-02-30',
    );
    expect(badDay.code).toBe(1);
    expect(badDay.err).toMatch(/Use a date as YYYY-MM-DD/);
    expect((await cli('followups', 'done', '--db', db, '--id', '99')).err).toBe(
      'There is no follow-up with id 99.',
    );
    const noText = await cli('followups', 'add', '--db', db, '--contact', String(ana));
    expect(noText.code).toBe(2);
    expect(noText.err).toMatch(/Missing --text/);
    expect((await cli('followups', 'list', '--db', db, '--contact', 'x')).code).toBe(2);
  });

  it('prints today’s reminder for a scheduler, and nothing on a day with nothing to say', async () => {
    await cli('contacts', 'add', '--db', db, '--name', 'Ana Souza');
    expect(await cli('reminders', 'today', '--db', db)).toEqual({ code: 0, out: '', err: '' });
    expect(JSON.parse((await cli('reminders', 'today', '--db', db, '--json')).out)).toBeNull();
    const today = localDate(new Date());
    await cli('followups', 'add', '--db', db, '--contact', '1', '--text', 'Call back', '--due', today);
    expect(await cli('reminders', 'today', '--db', db)).toEqual({
      code: 0,
      out: '1 follow-up due\nDue today: Call back (Ana Souza)',
      err: '',
    });
    const digest = JSON.parse((await cli('reminders', 'today', '--db', db, '--json')).out) as {
      followUpsDue: number;
    };
    expect(digest.followUpsDue).toBe(1);
    expect((await cli('--help')).out).toMatch(/reminders today --db PATH \[--json\]/);
  });

  it('exits 1 with the validation message for input the app would refuse', async () => {
    const { code, err } = await cli('contacts', 'add', '--db', db, '--name', 'A', '--email', 'not-an-email');
    expect(code).toBe(1);
    expect(err).toMatch(/Not an email address/);
    const badDate = await cli('contacts', 'add', '--db', db, '--name', 'A', '--date', 'Promotion=2025-02-29');
    expect(badDate.code).toBe(1);
    expect(badDate.err).toMatch(/Give a real day and month/);
  });
});

describe('the cli as a process', () => {
  it('sets real exit codes and writes errors to stderr', async () => {
    expect(
      (await cli('contacts', 'add', '--db', db, '--name', 'Mei Chen', '--email', 'mei@example.cn')).code,
    ).toBe(0);
    const run = promisify(execFile);
    const main = join('src', 'main', 'cli', 'main.ts');
    const failure = (argv: string[]) =>
      run('npx', ['tsx', main, ...argv]).then(
        () => null,
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    // Two processes at once: each start of tsx costs seconds on a busy machine.
    const [dup, bad] = await Promise.all([
      failure(['contacts', 'add', '--db', db, '--name', 'X', '--email', 'mei@example.cn']),
      failure(['contacts', 'add', '--bogus']),
    ]);
    expect(dup?.code).toBe(1);
    expect(dup?.stderr.trim()).toBe('mei@example.cn already belongs to Mei Chen.');
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toMatch(/Usage: npm run cli -- contacts add/);
  });
});
