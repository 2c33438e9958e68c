import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call } from '../journal/call';

const NOW = new Date('2026-11-28T10:00:00.000Z');

let t: TempStore;
beforeEach(async () => {
  t = await tempStore(() => NOW);
});
afterEach(async () => {
  await t.cleanup();
});

async function exportCalendar() {
  const outcome = await call(t.ctx, 'interop:export', { format: 'ics' });
  const text = readFileSync(outcome.path, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { outcome, text, calendar, events: calendar.getAllSubcomponents('vevent') };
}

/** The days an event falls on from `from` to `until` (inclusive, `YYYY-MM-DD`), as a calendar app expands it. */
function daysOf(vevent: ICAL.Component, from: string, until: string): string[] {
  const iterator = new ICAL.Event(vevent).iterator();
  const days: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const day = next.toString();
    if (day > until) break;
    if (day >= from) days.push(day);
  }
  return days;
}

const bySummary = (events: ICAL.Component[], summary: string) => {
  const found = events.filter((e) => e.getFirstPropertyValue('summary') === summary);
  expect(found, summary).toHaveLength(1);
  return found[0];
};

describe('the birthdays and dates calendar export', () => {
  it('holds a yearly all-day event for each birthday and important date, archived contacts left out', async () => {
    await addContact(t.ctx, 'Ana Souza', {
      birthday: '1985-04-12',
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
    await addContact(t.ctx, 'Bo Chen', { importantDates: [{ label: 'Started as CTO', date: '2024-02-29' }] });
    await addContact(t.ctx, 'Cy Lee', { birthday: '--02-29' });
    await addContact(t.ctx, 'Di Park');
    const archived = await addContact(t.ctx, 'Ed Archived', { birthday: '1990-01-01' });
    await call(t.ctx, 'contacts:setArchived', { id: archived, archived: true });

    const { outcome, text, calendar, events } = await exportCalendar();
    expect(basename(outcome.path)).toMatch(/^rapport-birthdays-and-dates-.+\.ics$/);
    expect([outcome.format, outcome.files, outcome.contacts]).toEqual(['ics', 1, 3]);
    expect(outcome.bytes).toBe(Buffer.byteLength(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rapport: birthdays and dates');
    // RFC 5545: CRLF line ends, and no line longer than 75 octets.
    expect(text.split('\r\n').every((line) => !line.includes('\n') && Buffer.byteLength(line) <= 75)).toBe(
      true,
    );
    expect(events.map((e) => e.getFirstPropertyValue('summary')).sort()).toEqual([
      'Ana Souza: Anniversary',
      'Ana Souza: Work anniversary',
      'Ana Souza’s birthday',
      'Bo Chen: Started as CTO',
      'Cy Lee’s birthday',
    ]);

    const birthday = bySummary(events, 'Ana Souza’s birthday');
    expect(birthday.getFirstPropertyValue('dtstart')?.toString()).toBe('1985-04-12');
    expect(birthday.getFirstProperty('dtstart')?.type).toBe('date');
    expect(birthday.getFirstPropertyValue('dtend')?.toString()).toBe('1985-04-13');
    expect(birthday.getFirstPropertyValue('description')).toBe('Born 1985');
    expect(birthday.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(daysOf(birthday, '2027-01-01', '2028-12-31')).toEqual(['2027-04-12', '2028-04-12']);
    const alarm = birthday.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('PT9H');

    const work = bySummary(events, 'Ana Souza: Work anniversary');
    expect(work.getFirstPropertyValue('description')).toBe('Since 2019');
    expect(daysOf(work, '2019-01-01', '2021-12-31')).toEqual(['2019-12-03', '2020-12-03', '2021-12-03']);
    // A date without its year starts this year.
    const anniversary = bySummary(events, 'Ana Souza: Anniversary');
    expect(anniversary.getFirstPropertyValue('description')).toBeNull();
    expect(daysOf(anniversary, '2000-01-01', '2027-12-31')).toEqual(['2026-06-14', '2027-06-14']);
    // 29 February falls on the 28th in other years, as the dashboard has it.
    expect(daysOf(bySummary(events, 'Bo Chen: Started as CTO'), '2024-01-01', '2028-12-31')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    expect(daysOf(bySummary(events, 'Cy Lee’s birthday'), '2026-01-01', '2028-12-31')).toEqual([
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('keeps each day’s identity across exports, so a calendar app updates it rather than adding it twice', async () => {
    const ana = await addContact(t.ctx, 'Ana Souza', {
      birthday: '1985-04-12',
      importantDates: [
        { label: 'Work anniversary', date: '2019-12-03' },
        { label: 'Anniversary', date: '--06-14' },
      ],
    });
    const uids = (events: ICAL.Component[]) =>
      Object.fromEntries(
        events.map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('uid')]),
      );
    const first = uids((await exportCalendar()).events);
    expect(new Set(Object.values(first)).size).toBe(3);

    // The form writes the dates again in another order, one moved to another day, the name's case changed.
    await call(t.ctx, 'contacts:update', {
      id: ana,
      fields: {
        displayName: 'Ana Souza',
        importantDates: [
          { label: 'Anniversary', date: '--06-14' },
          { label: 'work anniversary', date: '2019-12-04' },
        ],
      },
    });
    const second = (await exportCalendar()).events;
    const moved = bySummary(second, 'Ana Souza: work anniversary');
    expect(moved.getFirstPropertyValue('uid')).toBe(first['Ana Souza: Work anniversary']);
    expect(moved.getFirstPropertyValue('dtstart')?.toString()).toBe('2019-12-04');
    expect(uids(second)['Ana Souza: Anniversary']).toBe(first['Ana Souza: Anniversary']);
    expect(uids(second)['Ana Souza’s birthday']).toBe(first['Ana Souza’s birthday']);
  });

  it('is an empty but valid calendar when no one has a day to remember', async () => {
    await addContact(t.ctx, 'Di Park');
    const { outcome, events, calendar } = await exportCalendar();
    expect([outcome.contacts, events.length]).toEqual([0, 0]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
