import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../../src/main/calendar/input';
import { parseCalendar, type ParseOptions } from '../../../src/main/calendar/parse';
import { peopleless } from '../../../src/shared/calendar/peopleless';
import type { Occurrence, ParsedCalendar } from '../../../src/shared/calendar/types';
import { fixture, fixturesDir, WINDOW_END } from './helpers';

const base: ParseOptions = { windowEnd: WINDOW_END, defaultZone: 'UTC' };

function parse(path: string, options: ParseOptions = {}): ParsedCalendar {
  return parseCalendar(fixture(path), { ...base, fileName: path, ...options });
}

function people(o: Occurrence): string[] {
  return o.people.map((p) => `${p.role}:${p.email}:${p.name ?? ''}:${p.response ?? ''}`);
}

function reasons(r: ParsedCalendar): string[] {
  return r.skipped.map((s) => s.reason);
}

/**
 * Expected outcome of every public fixture, worked out by reading each file (counts up to
 * 2026-11-25, floating times in UTC unless the file names a zone).
 */
const expectations: Record<
  string,
  { events: number; occurrences: number; skipped: string[]; approx?: string[] }
> = {
  'ical.js/blank_description.ics': { events: 1, occurrences: 1, skipped: [] },
  'ical.js/blank_line_mid.ics': { events: 0, occurrences: 0, skipped: [] },
  // Weekdays from 2012-08-03 to 2026-11-24 (the window end is still the 24th in Los Angeles).
  'ical.js/day_long_recur_yearly.ics': { events: 1, occurrences: 3733, skipped: [] },
  'ical.js/duration_instead_of_dtend.ics': { events: 1, occurrences: 1, skipped: [] },
  // Series: DTSTART 2014 + RDATEs 2013, 2012; three orphan overrides of another UID.
  'ical.js/google_birthday.ics': { events: 4, occurrences: 6, skipped: [] },
  // 18 Mondays (weekly rule) + 18 Sundays (monthly BYDAY=SU), 2012-03-26 to 2012-07-29.
  'ical.js/multiple_rrules.ics': { events: 1, occurrences: 36, skipped: [] },
  'ical.js/newline_junk.ics': { events: 0, occurrences: 0, skipped: [] },
  'ical.js/only_dtstart_date.ics': { events: 1, occurrences: 1, skipped: [] },
  // Weekdays from 2012-09-11 to 2026-11-24.
  'ical.js/parserv2.ics': { events: 1, occurrences: 3706, skipped: [] },
  'ical.js/property_params.ics': { events: 0, occurrences: 0, skipped: [] },
  'ical.js/quoted_params.ics': { events: 0, occurrences: 0, skipped: [] },
  // COUNT=4 from 2024-06-09 minus the 11th.
  'ical.js/rdate_exdate.ics': { events: 1, occurrences: 3, skipped: [] },
  'ical.js/recur_instances.ics': { events: 3, occurrences: 172, skipped: [] },
  // Oct, Nov, Dec first Tuesdays + RDATEs Nov 5 and Nov 10.
  'ical.js/recur_instances_finite.ics': { events: 1, occurrences: 5, skipped: [] },
  'ical.js/unfold_properties.ics': { events: 0, occurrences: 0, skipped: [] },
  // Three single events + 87 Thu/Fri instances (DTSTART, a Monday, counts as the first).
  'node-ical/Office-2012-owa.ics': { events: 4, occurrences: 90, skipped: [] },
  'node-ical/attendee-with-url.ics': { events: 1, occurrences: 0, skipped: ['broken'] },
  'node-ical/bad_custom_ms_tz2.ics': {
    events: 3,
    occurrences: 3,
    skipped: [],
    approx: ['Customized Time Zone 1'],
  },
  'node-ical/bad_ms_tz.ics': { events: 1, occurrences: 34, skipped: [], approx: ['Customized Time Zone'] },
  // COUNT=10 minus two EXDATEs; the 7th moved to the 9th.
  'node-ical/daily-count-exdate-recurrence-id.ics': { events: 2, occurrences: 8, skipped: [] },
  'node-ical/duplicate-uid-sequence.ics': { events: 4, occurrences: 2, skipped: ['duplicate', 'duplicate'] },
  'node-ical/event-organizer-cn.ics': { events: 1, occurrences: 1, skipped: [] },
  'node-ical/exchange-custom-tz.ics': { events: 1, occurrences: 1, skipped: [] },
  // Tue/Thu from 2026-02-19 to 2026-08-17; the 26th moved to the 27th.
  'node-ical/exchange_whole_day_moved_recurrence.ics': { events: 2, occurrences: 51, skipped: [] },
  'node-ical/germany_at_end_of_day_repeating.ics': {
    events: 1,
    occurrences: 4,
    skipped: [],
    approx: ['Europe/Germany', 'TZID=Europe/Germany'],
  },
  'node-ical/google-calendar-kiev-tz.ics': { events: 2, occurrences: 4, skipped: [] },
  'node-ical/large-file-with-late-error.ics': { events: 401, occurrences: 400, skipped: ['broken'] },
  // 1 + 235 (Mon-Sat) + 1 + 135 (Tue/Thu/Fri/Sun minus 6 EXDATEs).
  'node-ical/ms_timezones.ics': { events: 4, occurrences: 372, skipped: [] },
  'node-ical/tentative-apple-calendar.ics': { events: 4, occurrences: 3, skipped: ['cancelled'] },
  'node-ical/test_with_int_tzid.ics': { events: 2, occurrences: 2, skipped: [], approx: ['1'] },
  // UNTIL (2021) precedes DTSTART (2024), and DTSTART itself is an EXDATE.
  'node-ical/test_with_tz_list.ics': { events: 1, occurrences: 0, skipped: ['excluded'] },
  // EXDATEs are in another zone than DTSTART, so in UTC they match no instance.
  'node-ical/windows-quoted-tz-rrule.ics': { events: 1, occurrences: 10, skipped: [] },
};

describe('every public fixture', () => {
  const files = ['ical.js', 'node-ical'].flatMap((dir) =>
    readdirSync(join(fixturesDir, dir)).map((f) => `${dir}/${f}`),
  );

  it('has an expectation for each file in the corpus', () => {
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const file of Object.keys(expectations)) {
    it(`imports ${file} as expected`, () => {
      const want = expectations[file];
      const r = parse(file);
      expect(r.events).toBe(want.events);
      expect(r.occurrences).toHaveLength(want.occurrences);
      expect(reasons(r)).toEqual(want.skipped);
      expect(r.approximateZones.sort()).toEqual((want.approx ?? []).sort());
      expect(new Set(r.occurrences.map((o) => o.key)).size).toBe(r.occurrences.length);
    });
  }
});

describe('fixture details', () => {
  it('recur_instances: overrides moved in UTC, EXDATEs and RDATEs applied', () => {
    const r = parse('ical.js/recur_instances.ics');
    const starts = r.occurrences.map((o) => o.startsAt);
    // The 2012-10-02 10:00 PDT instance moved to 15:00 PDT.
    expect(starts).toContain('2012-10-02T22:00:00.000Z');
    expect(starts).not.toContain('2012-10-02T17:00:00.000Z');
    // RECURRENCE-ID 20121105T180000Z (the 10:00 PST RDATE) moved to Nov 6 20:00 PST.
    expect(starts).toContain('2012-11-07T04:00:00.000Z');
    expect(starts).not.toContain('2012-11-05T18:00:00.000Z');
    for (const ex of ['2012-12-04T18:00:00.000Z', '2013-02-05T18:00:00.000Z', '2013-04-02T17:00:00.000Z']) {
      expect(starts).not.toContain(ex);
    }
    expect(starts).toContain('2023-11-23T09:00:00.000Z');
    const master = r.occurrences.find((o) => o.startsAt === '2012-11-06T18:00:00.000Z')!;
    expect(people(master)).toEqual([
      'organizer:jlal@mozilla.com:James Lal:',
      'attendee:calmozilla1@gmail.com:Sahaja Lal:accepted',
      'attendee:james@lightsofapollo.com::needs-action',
      'attendee:iam.revelation@gmail.com::needs-action',
    ]);
    expect(master.location).toBe('PLACE');
    const moved = r.occurrences.find((o) => o.startsAt === '2012-10-02T22:00:00.000Z')!;
    expect(moved.notes).toBe('I HAZ CHANGED!');
    expect(people(moved)).toEqual(['organizer:jlal@mozilla.com:James Lal:']);
  });

  it('parserv2: organiser who is also an attendee appears once, with the response', () => {
    const first = parse('ical.js/parserv2.ics').occurrences[0];
    expect(first.startsAt).toBe('2012-09-11T17:30:00.000Z');
    expect(first.endsAt).toBe('2012-09-11T18:00:00.000Z');
    expect(people(first)).toEqual([
      'organizer:x@bar.com:foobar:accepted',
      'attendee:foo@bar.com:XXX:accepted',
    ]);
  });

  it('multiple_rrules: both rules expand in Los Angeles time', () => {
    const r = parse('ical.js/multiple_rrules.ics');
    expect(r.occurrences[0].startsAt).toBe('2012-03-26T18:00:00.000Z');
    expect(r.occurrences.map((o) => o.startsAt)).toContain('2012-04-01T18:00:00.000Z');
    expect(people(r.occurrences[0])).toEqual([
      'organizer:frashed@mozilla.com:Faramarz Rashed:',
      'attendee:jlal@mozilla.com:James Lal:needs-action',
    ]);
  });

  it('google_birthday: the contacts pseudo-attendee is not a person; all-day dates stay dates', () => {
    const r = parse('ical.js/google_birthday.ics');
    expect(r.occurrences.every((o) => o.allDay && o.people.length === 0)).toBe(true);
    expect(r.occurrences.map((o) => o.startsAt).sort()).toEqual([
      '2012-12-10',
      '2012-12-10',
      '2013-12-10',
      '2013-12-10',
      '2014-12-10',
      '2014-12-10',
    ]);
  });

  it('duration_instead_of_dtend and only_dtstart_date', () => {
    const d = parse('ical.js/duration_instead_of_dtend.ics').occurrences[0];
    expect([d.startsAt, d.endsAt, d.durationMinutes]).toEqual([
      '2012-06-30T13:00:00.000Z',
      '2012-07-01T13:00:00.000Z',
      1440,
    ]);
    const o = parse('ical.js/only_dtstart_date.ics').occurrences[0];
    expect([o.startsAt, o.endsAt, o.allDay]).toEqual(['2012-06-30', '2012-06-30', true]);
  });

  it('Office-2012-owa: legacy display-name zones with no VTIMEZONE map to IANA', () => {
    const r = parse('node-ical/Office-2012-owa.ics');
    const byTitle = new Map(r.occurrences.map((o) => [o.title, o]));
    expect(byTitle.get('TEST Syd')!.startsAt).toBe('2020-10-28T02:30:00.000Z');
    expect(byTitle.get('TEST')!.startsAt).toBe('2020-10-28T17:30:00.000Z');
    expect(byTitle.get('TEST 3')!.startsAt).toBe('2020-11-02T18:30:00.000Z');
    expect(r.occurrences.some((o) => o.approximate)).toBe(false);
  });

  it('ms_timezones: Windows zone names, a value caught inside quotes, a conferencing location', () => {
    const r = parse('node-ical/ms_timezones.ics');
    expect(r.occurrences[0].startsAt).toBe('2020-09-10T07:00:00.000Z');
    const jira = r.occurrences.filter((o) => o.title === "Log Yesterday's Jira time");
    expect(jira[0].startsAt).toBe('2020-06-09T07:00:00.000Z');
    expect(jira.at(-1)!.startsAt).toBe('2021-03-09T08:00:00.000Z');
    expect(r.occurrences.find((o) => o.title === 'Not the actual summary 1')!.startsAt).toBe(
      '2020-09-15T15:30:00.000Z',
    );
    const bluejeans = r.occurrences.filter((o) => o.title === 'Not the actual summary either');
    expect(bluejeans.every((o) => o.kind === 'video')).toBe(true);
    expect(bluejeans.map((o) => o.startsAt)).not.toContain('2020-07-21T19:00:00.000Z');
    expect(r.warnings.map((w) => w.message).join(' ')).toContain('value inside quote');
  });

  it('exchange-custom-tz and bad_ms_tz: display names and custom zones', () => {
    expect(parse('node-ical/exchange-custom-tz.ics').occurrences[0].startsAt).toBe(
      '2019-04-30T02:00:00.000Z',
    );
    const bad = parse('node-ical/bad_ms_tz.ics').occurrences;
    // The custom zone's own rules (-0400 in summer) are used, and the times are flagged.
    expect(bad[0].startsAt).toBe('2020-08-25T14:35:00.000Z');
    expect(bad.every((o) => o.approximate)).toBe(true);
  });

  it('exchange_whole_day_moved_recurrence: an all-day instance moved by a timed RECURRENCE-ID', () => {
    const starts = parse('node-ical/exchange_whole_day_moved_recurrence.ics').occurrences.map(
      (o) => o.startsAt,
    );
    expect(starts).toContain('2026-02-27');
    expect(starts).not.toContain('2026-02-26');
    expect(starts[0]).toBe('2026-02-19');
    expect(starts).toContain('2026-08-13');
  });

  it('google-calendar-kiev-tz: deprecated alias and an override of the first instance', () => {
    const r = parse('node-ical/google-calendar-kiev-tz.ics');
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.title}`).sort()).toEqual([
      '2016-08-25T11:00:00.000Z repeated',
      '2016-08-26T11:00:00.000Z bla bla',
      '2016-08-27T11:00:00.000Z repeated',
      '2016-08-28T11:00:00.000Z repeated',
    ]);
  });

  it('duplicate-uid-sequence: the highest SEQUENCE wins', () => {
    const r = parse('node-ical/duplicate-uid-sequence.ics');
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.sequence}`)).toEqual([
      '2024-01-15T10:00:00.000Z 2',
      '2024-01-20T14:00:00.000Z 3',
    ]);
  });

  it('daily-count-exdate-recurrence-id: the moved instance keeps its key, its bad DTEND is dropped', () => {
    const r = parse('node-ical/daily-count-exdate-recurrence-id.ics');
    const moved = r.occurrences.find((o) => o.title === 'More Treasure Hunting')!;
    expect(moved.startsAt).toBe('2015-07-09T22:00:00.000Z');
    expect(moved.endsAt).toBeNull();
    expect(moved.key.endsWith('2015-07-07T19:00:00.000Z')).toBe(true);
    expect(r.occurrences.map((o) => o.startsAt)).not.toContain('2015-07-08T19:00:00.000Z');
  });

  it('tentative-apple-calendar: EMAIL= parameter, CN that is the address, cancelled skipped', () => {
    const r = parse('node-ical/tentative-apple-calendar.ics');
    expect(r.occurrences.map((o) => people(o))).toEqual([
      ['organizer:tentative@example.com::tentative'],
      ['organizer:confirmed@example.com::confirmed'],
      [],
    ]);
    expect(r.occurrences[1].startsAt).toBe('2022-07-05T16:00:00.000Z');
  });

  it('event-organizer-cn: a quoted mailto value', () => {
    const o = parse('node-ical/event-organizer-cn.ics').occurrences[0];
    expect(people(o)).toEqual(['organizer:stomlinson@mozilla.com::']);
    expect(o.startsAt).toBe('2013-04-18T18:00:00.000Z');
  });

  it('large-file-with-late-error: the broken last event is named, the other 400 import', () => {
    const r = parse('node-ical/large-file-with-late-error.ics');
    expect(r.skipped[0].message).toContain('two DTSTART');
    expect(r.skipped[0].line).toBeGreaterThan(2000);
  });

  it('test_with_int_tzid: a numeric TZID uses its VTIMEZONE and is flagged approximate', () => {
    const r = parse('node-ical/test_with_int_tzid.ics');
    expect(r.occurrences.map((o) => [o.startsAt, o.approximate, o.kind])).toEqual([
      ['2023-12-15T14:00:00.000Z', false, 'meeting'],
      ['2024-01-08T10:00:00.000Z', true, 'video'],
    ]);
    expect(r.occurrences[1].notes).toContain('Désolé');
  });
});

describe('vendor exports written for Rapport', () => {
  const self = { selfEmails: ['me@example.com'], windowEnd: new Date('2025-06-01T00:00:00Z') };

  it('Google (CRLF, a fold inside a UTF-8 character, resources, groups, declines)', () => {
    const r = parse('rapport/google-work.ics', self);
    expect(r.calendar).toBe('me@example.com');
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.title} ${o.kind}`)).toEqual([
      '2025-01-06T09:30:00.000Z Ana / Me 1:1 video',
      '2025-01-14T14:00:00.000Z Ana / Me 1:1 (moved) video',
      '2025-02-03T09:30:00.000Z Ana / Me 1:1 video',
      '2025-02-04T16:00:00.000Z Design review meeting',
      '2025-03-03 Conference trip meeting',
    ]);
    expect(r.occurrences[0].notes).toBe('Weekly one-to-one. Agenda in the doc — résumé review.');
    expect(people(r.occurrences[0])).toEqual([
      'organizer:me@example.com:Me Myself:accepted',
      'attendee:ana.sousa@example.com:Ana Sousa:accepted',
    ]);
    expect(people(r.occurrences[3])).toEqual([
      'organizer:chidi.okafor@partner.example.org:Okafor, Chidi:accepted',
      'attendee:me@example.com:Me Myself:accepted',
      'attendee:dan.ng@example.com:Dan Ng:tentative',
    ]);
    expect(r.occurrences[4].endsAt).toBe('2025-03-04');
    expect(reasons(r)).toEqual(['cancelled', 'declined']);
    expect(r.organizers[0]).toEqual({ email: 'me@example.com', count: 3 });
  });

  it('Outlook (Windows zones, a room, Teams, a moved instance, a legacy display name)', () => {
    const r = parse('rapport/outlook-windows-zones.ics', self);
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.durationMinutes} ${o.kind}`)).toEqual([
      '2025-01-28T17:00:00.000Z 60 video',
      '2025-02-11T17:00:00.000Z 60 video',
      '2025-03-12T20:00:00.000Z 90 meeting',
      '2025-03-25T16:00:00.000Z 60 video',
      // "Mittagessen mit Jonas" at a café: a meal.
      '2025-03-30T10:30:00.000Z 60 coffee',
      '2025-03-05T16:00:00.000Z 30 video',
    ]);
    expect(people(r.occurrences[0])).toEqual([
      'organizer:priya.raman@contoso.com:Priya Raman:',
      'attendee:me@example.com:Me Myself:accepted',
      'attendee:tom.becker@contoso.com:Tom Becker:needs-action',
    ]);
    expect(people(r.occurrences[4])[1]).toBe('attendee:jonas.mueller@fabrikam.de:Müller, Jonas:accepted');
    expect(r.occurrences[4].location).toBe('Café Einstein, Berlin');
    // The Teams joining lines are not notes.
    expect(r.occurrences[0].notes).toBe('Sprint planning');
  });

  it("Exchange (colleagues by Exchange's internal address or invalid:nomail, known by name; a room)", () => {
    const r = parse('rapport/exchange-internal-addresses.ics', self);
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.kind} ${o.title}`)).toEqual([
      '2025-02-03T08:30:00.000Z meeting Team sync',
      '2025-02-10T08:30:00.000Z meeting Team sync',
      '2025-02-17T08:30:00.000Z meeting Team sync',
      '2025-02-24T08:30:00.000Z meeting Team sync',
      '2025-02-12T14:00:00.000Z coffee Coffee with Lukas',
      '2025-02-18T10:00:00.000Z video Partner intro',
      '2025-02-20T13:00:00.000Z meeting 1:1 Sofia / me',
    ]);
    // Anna organises and attends, by the same internal address: one person, known by her name.
    expect(people(r.occurrences[0])).toEqual([
      'organizer::Anna Schmidt:accepted',
      'attendee:me@example.com:Me Myself:accepted',
      'attendee::Weber, Lukas:accepted',
    ]);
    expect(people(r.occurrences[5])).toEqual([
      'organizer:me@example.com:Me Myself:',
      'attendee:chidi.okafor@partner.example.org:Okafor, Chidi:accepted',
      'attendee::Anna Schmidt:tentative',
    ]);
    // No one without an address is ranked as an organiser, nor taken for the user.
    expect(r.organizers).toEqual([{ email: 'me@example.com', count: 3 }]);
  });

  it('Apple (EMAIL= with urn:uuid values, floating time in X-WR-TIMEZONE, rooms)', () => {
    const r = parse('rapport/apple-calendar.ics', self);
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.title}`)).toEqual([
      '2025-04-15T12:30:00.000Z Coffee with Maya',
      '2025-01-01T23:00:00.000Z Book club',
      '2025-02-05T23:00:00.000Z Book club',
      '2025-04-02T22:00:00.000Z Book club',
      '2025-05-07T22:00:00.000Z Book club',
      '2025-05-01T14:30:00.000Z Floating reminder: call the bank',
    ]);
    expect(people(r.occurrences[0])).toEqual([
      'organizer:me@example.com:Me Myself:accepted',
      'attendee:maya.lin@example.net:Maya Lin:accepted',
    ]);
    expect(people(r.occurrences[1]).map((p) => p.split(':')[1])).toEqual([
      'sam.ortiz@example.net',
      'me@example.com',
    ]);
  });

  it('Thunderbird (no calendar name, X-MOZ properties, alarms, a Berlin series across the DST change)', () => {
    const r = parse('rapport/thunderbird-export.ics', self);
    // No X-WR-CALNAME: the calendar goes by its file's name.
    expect(r.calendar).toBe('rapport/thunderbird-export.ics');
    expect(r.events).toBe(5);
    // Mondays at 10:00 in Berlin: 09:00 UTC in winter, 08:00 after 30 March; the 24th is an
    // EXDATE, and the 7 April one moved to Tuesday 14:00.
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.durationMinutes} ${o.kind} ${o.title}`)).toEqual([
      '2025-01-15T14:30:00.000Z 45 video Kaffee mit Lena',
      '2025-03-17T09:00:00.000Z 60 meeting Projektbesprechung',
      '2025-03-31T08:00:00.000Z 60 meeting Projektbesprechung',
      '2025-04-08T12:00:00.000Z 60 meeting Projektbesprechung (verschoben)',
      '2025-04-02T14:00:00.000Z 30 meeting Team-Info Q2',
    ]);
    expect(r.occurrences[0].notes).toBe('Über die neue Stelle reden.');
    expect(people(r.occurrences[0])).toEqual([
      'organizer:me@example.com:Me Myself:',
      'attendee:lena.fischer@example.de:Lena Fischer:accepted',
      'attendee:me.myself@home.example:Me Myself:accepted',
    ]);
    expect(people(r.occurrences[1])).toEqual([
      'organizer:jonas.mueller@example.de:Jonas Müller:accepted',
      'attendee:me@example.com:Me Myself:accepted',
      'attendee:aylin.demir@example.de:Aylin Demir:tentative',
    ]);
    expect(people(r.occurrences[4])[1]).toBe('attendee:me@example.com:Me Myself:needs-action');
    expect(reasons(r)).toEqual(['declined']);
    expect(r.approximateZones).toEqual([]);
  });
  it('Outlook availability only (the Save Calendar default): times in a Windows zone, no titles, no one', () => {
    const r = parse('rapport/outlook-availability-only.ics');
    expect(r.calendar).toBe('Calendar');
    expect(r.events).toBe(3);
    // Mondays at 09:30 in Berlin (08:30 UTC in winter), a tentative hour at 14:00,
    // and three days out of office, which stay dates.
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.endsAt} ${o.title}`)).toEqual([
      '2026-01-05T08:30:00.000Z 2026-01-05T09:00:00.000Z Busy',
      '2026-01-12T08:30:00.000Z 2026-01-12T09:00:00.000Z Busy',
      '2026-01-19T08:30:00.000Z 2026-01-19T09:00:00.000Z Busy',
      '2026-01-26T08:30:00.000Z 2026-01-26T09:00:00.000Z Busy',
      '2026-02-02T08:30:00.000Z 2026-02-02T09:00:00.000Z Busy',
      '2026-02-09T08:30:00.000Z 2026-02-09T09:00:00.000Z Busy',
      '2026-03-03T13:00:00.000Z 2026-03-03T14:00:00.000Z Tentative',
      '2026-04-15 2026-04-17 Out of Office',
    ]);
    expect(r.occurrences.every((o) => o.people.length === 0 && o.organizer === null)).toBe(true);
    expect(peopleless(r.occurrences)).toBe('availability');
    expect(r.approximateZones).toEqual([]);
  });

  it('Outlook saved as "Unicode" (UTF-16 with a byte-order mark, or big-endian without one) reads as in UTF-8', () => {
    const read = (bytes: Uint8Array) => {
      const [file] = expandInputs([{ name: 'outlook.ics', bytes }]);
      return parseCalendar(file.bytes, { ...base, ...self, fileName: file.name });
    };
    const utf8 = read(fixture('rapport/outlook-windows-zones.ics'));
    const unicode = read(fixture('rapport/outlook-unicode.ics'));
    expect(unicode.occurrences).toHaveLength(6);
    expect(unicode.occurrences).toEqual(utf8.occurrences);
    expect(people(unicode.occurrences[4])[1]).toBe(
      'attendee:jonas.mueller@fabrikam.de:Müller, Jonas:accepted',
    );
    expect(unicode.occurrences[4].location).toBe('Café Einstein, Berlin');
    expect(unicode.warnings).toEqual(utf8.warnings);
    const bigEndian = Buffer.from(fixture('rapport/outlook-unicode.ics').subarray(2)).swap16();
    expect(read(bigEndian).occurrences).toEqual(utf8.occurrences);
  });

  it('RFC 5545 recurrence edits: this and following moved and re-staffed, the rest cancelled, an EXRULE, delegations', () => {
    const r = parse('rapport/rfc-recurrence-edits.ics', { selfEmails: ['kim.sato@example.org'] });
    expect(r.calendar).toBe('Team');
    expect(r.events).toBe(6);
    const line = (o: Occurrence) =>
      `${o.startsAt} ${o.durationMinutes} ${o.title}: ${o.people.map((p) => p.email.split('@')[0]).join(' ')}`;
    // Thursdays at 10:00 in Berlin, but not a month's last (EXRULE: 27 March, 24 April); from
    // 3 April on at 9:30 (summer time), renamed, with Marek; until 1 May.
    expect(r.occurrences.filter((o) => o.title.startsWith('Platform')).map(line)).toEqual([
      '2025-03-06T09:00:00.000Z 45 Platform sync: lena.vogt kim.sato aiko.tanaka',
      '2025-03-13T09:00:00.000Z 45 Platform sync: lena.vogt kim.sato aiko.tanaka',
      '2025-03-20T09:00:00.000Z 45 Platform sync: lena.vogt kim.sato aiko.tanaka',
      '2025-04-03T07:30:00.000Z 45 Platform sync (new slot): lena.vogt kim.sato aiko.tanaka marek.nowak',
      '2025-04-10T07:30:00.000Z 45 Platform sync (new slot): lena.vogt kim.sato aiko.tanaka marek.nowak',
      '2025-04-17T07:30:00.000Z 45 Platform sync (new slot): lena.vogt kim.sato aiko.tanaka marek.nowak',
      '2025-05-01T07:30:00.000Z 45 Platform sync (new slot): lena.vogt kim.sato aiko.tanaka marek.nowak',
    ]);
    // Every other Tuesday at 17:00 from 7 January, cancelled from 4 March on: the 46 meetings
    // from then to the window's end are left out, as one cancellation.
    expect(r.occurrences.filter((o) => o.title.startsWith('Mentoring')).map((o) => o.startsAt)).toEqual([
      '2025-01-07T16:00:00.000Z',
      '2025-01-21T16:00:00.000Z',
      '2025-02-04T16:00:00.000Z',
      '2025-02-18T16:00:00.000Z',
    ]);
    expect(r.withdrawn.filter((k) => k.includes('mentoring-ruth'))).toHaveLength(46);
    // Aiko handed the budget review to Marek; Kim (the user) handed the vendor day to Aiko.
    const budget = r.occurrences.find((o) => o.title === 'Q2 budget review')!;
    expect(people(budget)).toEqual([
      'organizer:jonas.roth@example.org:Jonas Roth:',
      'attendee:kim.sato@example.org:Kim Sato:accepted',
      'attendee:marek.nowak@example.org:Marek Nowak:accepted',
    ]);
    expect(budget.declinedBy).toEqual(['aiko.tanaka@example.org']);
    expect(r.occurrences).toHaveLength(12);
    expect(r.skipped.map((s) => `${s.reason} ${s.title}`)).toEqual([
      'cancelled Mentoring with Ruth',
      'declined Vendor day',
    ]);
  });
});
