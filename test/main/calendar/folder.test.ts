import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { MAX_CALENDAR_FILES } from '../../../src/shared/calendar/calendarFiles';
import { fixturesDir } from './helpers';

describe('import-ics given a folder (a Google export unpacked)', () => {
  let root: string;
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
  const importIcs = (...args: string[]) =>
    runCli(
      ['import-ics', ...args, '--db', join(root, 'rapport.sqlite'), '--until', '2025-06-01', '--json'],
      io,
    );
  const put = (path: string, fixture?: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    if (fixture) copyFileSync(join(fixturesDir, fixture), join(root, path));
    else writeFileSync(join(root, path), 'not a calendar');
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rapport-folder-'));
    out.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('imports the calendars in it and its folders, each once, under its own name or its path where two share one', async () => {
    put('Takeout/Calendar/Work.ics', 'rapport/google-work.ics');
    put('Takeout/Calendar/Outlook.ics', 'rapport/outlook-unicode.ics');
    put('Takeout/Old/Work.ics', 'rapport/apple-calendar.ics');
    // Beside them, what is no calendar to read: each would be refused if it were read.
    put('Takeout/__MACOSX/Calendar/._Work.ics');
    put('Takeout/.hidden.ics');
    put('Takeout/archive_browser.html');
    put('Takeout/Calendar/export.zip');

    expect(await importIcs(join(root, 'Takeout'), '--self', 'me@example.com')).toBe(0);
    const first = JSON.parse(out.pop()!) as {
      preview: { files: Array<{ name: string; calendar: string; meetings: number }> };
      result: { created: number };
    };
    // Meetings with someone in them, as importing each file alone counts them.
    expect(first.preview.files.map((f) => [f.name, f.calendar, f.meetings])).toEqual([
      ['Outlook.ics', 'Calendar', 6],
      ['Takeout/Calendar/Work.ics', 'me@example.com', 4],
      ['Takeout/Old/Work.ics', 'Home', 5],
    ]);
    expect(first.result.created).toBeGreaterThan(0);

    // The same folder again, or its files named one by one, finds nothing new.
    expect(await importIcs(join(root, 'Takeout'), '--self', 'me@example.com')).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ preview: { toCreate: 0, toUpdate: 0 } });
    const calendars = join(root, 'Takeout', 'Calendar');
    expect(await importIcs(join(calendars, 'Outlook.ics'), '--self', 'me@example.com')).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ preview: { toCreate: 0, toUpdate: 0 } });
  });

  it('refuses a folder without a calendar, or with more than one import reads, naming it', async () => {
    put('Empty/Sub/notes.txt');
    expect(await importIcs(join(root, 'Empty'))).toBe(1);
    expect(out.pop()).toBe(`There is no calendar (.ics) file in the folder ${join(root, 'Empty')}.`);

    for (let i = 0; i <= MAX_CALENDAR_FILES; i++) put(`Many/${i}.ics`, 'rapport/google-work.ics');
    expect(await importIcs(join(root, 'Many'))).toBe(1);
    expect(out.pop()).toBe(
      `${join(root, 'Many')} holds ${MAX_CALENDAR_FILES + 1} calendar files, more than the ${MAX_CALENDAR_FILES} one import reads: name the calendars themselves.`,
    );
  });
});
