import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { ianaFromWindows, wallToUtc, utcToWall } from '../../../src/main/calendar/zones';
import { ics, zoneWithBrokenRule } from './helpers';

const windowEnd = new Date('2026-01-01T00:00:00Z');

function series(rrule: string, extra: string[] = []) {
  return ics(
    'BEGIN:VEVENT',
    'UID:s1',
    'SUMMARY:Series',
    'DTSTART;TZID=Europe/Paris:20200106T090000',
    'DTEND;TZID=Europe/Paris:20200106T093000',
    `RRULE:${rrule}`,
    ...extra,
    'END:VEVENT',
  );
}

describe('recurrence expansion', () => {
  it('expands up to the window end and no further', () => {
    const r = parseCalendar(series('FREQ=WEEKLY'), { windowEnd: new Date('2020-02-01T00:00:00Z') });
    expect(r.occurrences.map((o) => o.startsAt)).toEqual([
      '2020-01-06T08:00:00.000Z',
      '2020-01-13T08:00:00.000Z',
      '2020-01-20T08:00:00.000Z',
      '2020-01-27T08:00:00.000Z',
    ]);
  });

  it('follows daylight saving time in the event zone', () => {
    const r = parseCalendar(series('FREQ=MONTHLY;COUNT=7'), { windowEnd });
    expect(r.occurrences.map((o) => o.startsAt.slice(0, 16))).toEqual([
      '2020-01-06T08:00',
      '2020-02-06T08:00',
      '2020-03-06T08:00',
      '2020-04-06T07:00',
      '2020-05-06T07:00',
      '2020-06-06T07:00',
      '2020-07-06T07:00',
    ]);
  });

  it('a daily stand-up kept for 15 years imports whole', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:standup',
        'DTSTART:20100101T090000Z',
        'DURATION:PT15M',
        'RRULE:FREQ=DAILY;UNTIL=20241231T235959Z',
        'END:VEVENT',
      ),
      { windowEnd },
    );
    expect(r.occurrences).toHaveLength(5479);
    expect(r.capped).toEqual([]);
  });

  it('caps a series and says so', () => {
    const r = parseCalendar(series('FREQ=DAILY;COUNT=1000000000'), { windowEnd, maxOccurrences: 500 });
    expect(r.occurrences).toHaveLength(500);
    expect(r.capped).toEqual([{ uid: 's1', title: 'Series', limit: 500 }]);
    expect(r.warnings.some((w) => w.message.includes('more than 500 times'))).toBe(true);
  });

  it('skips rules that never terminate or never advance, with a message', () => {
    for (const rule of ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31']) {
      const r = parseCalendar(series(rule), { windowEnd });
      expect(r.occurrences).toEqual([]);
      expect(r.skipped.map((s) => s.reason)).toEqual(['unbounded']);
      expect(r.skipped[0].message).toContain('never falls in');
    }
    const zero = parseCalendar(series('FREQ=DAILY;INTERVAL=0;COUNT=5'), { windowEnd });
    expect(zero.occurrences.length).toBeLessThanOrEqual(5);
  });

  it('skips an event with a line ical.js cannot read, naming it, and reads the rest of the file', () => {
    const good = ['BEGIN:VEVENT', 'UID:ok', 'DTSTART:20210104T100000Z', 'SUMMARY:Fine', 'END:VEVENT'];
    const cases: Array<[string, string]> = [
      ['RRULE:FREQ=YEARLY;BYYEARDAY=400', 'its RRULE could not be read (BYYEARDAY: invalid value "400"'],
      ['RRULE:FREQ=WEEKLY;COUNT=many', 'its RRULE could not be read ('],
      ['RRULE:FREQ=WEEKLY;BYDAY=XX', 'its RRULE could not be read (invalid BYDAY value "XX")'],
      ['EXDATE;VALUE=PERIOD:x', 'its EXDATE could not be read (its value is malformed)'],
    ];
    for (const [line, why] of cases) {
      const r = parseCalendar(
        ics(
          ...good,
          'BEGIN:VEVENT',
          'UID:bad',
          'DTSTART:20200106T090000Z',
          line,
          'SUMMARY:Odd rule',
          'END:VEVENT',
        ),
        { windowEnd },
      );
      expect(r.occurrences.map((o) => o.uid)).toEqual(['ok']);
      expect(r.skipped).toHaveLength(1);
      expect(r.skipped[0]).toMatchObject({ reason: 'broken', uid: 'bad', title: 'Odd rule', line: 8 });
      expect(r.skipped[0].message).toContain(`Event "Odd rule" at line 8 was skipped: ${why}`);
    }
  });

  it('leaves out a time zone or alarm line ical.js cannot read, with a warning, and reads every event', () => {
    const event = (uid: string, tzid: string, ...more: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTART;TZID=${tzid}:20210104T100000`,
      `SUMMARY:${uid}`,
      ...more,
      'END:VEVENT',
    ];
    const alarm = [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-PT15M',
      'RRULE:FREQ=DAILY;COUNT=x',
      'END:VALARM',
    ];
    const r = parseCalendar(
      ics(
        'X-WR-CALNAME:Work',
        ...zoneWithBrokenRule('Europe/Berlin'),
        ...zoneWithBrokenRule('Customized Time Zone'),
        ...event('named', 'Europe/Berlin', ...alarm),
        ...event('custom', 'Customized Time Zone'),
      ),
      { windowEnd, defaultZone: 'UTC' },
    );
    // Before, the first such line rejected the file: "The calendar could not be parsed: BYMONTH…".
    expect(r.skipped).toEqual([]);
    // A zone known by its name is read by its name; one known only by its block stays approximate.
    expect(r.occurrences.map((o) => [o.uid, o.startsAt, o.approximate])).toEqual([
      ['named', '2021-01-04T09:00:00.000Z', false],
      ['custom', '2021-01-04T09:00:00.000Z', true],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(
      ['Europe/Berlin', 'Customized Time Zone'].map(
        (tzid) =>
          `A line of time zone "${tzid}" was left out: its RRULE could not be read (BYMONTH: invalid value "13" must be < 1).`,
      ),
    );
  });

  it('gives up with TIMEOUT past the deadline', () => {
    expect(() => parseCalendar(series('FREQ=SECONDLY'), { windowEnd, deadline: Date.now() - 1 })).toThrow(
      /took too long/,
    );
  });

  it('matches RECURRENCE-ID in UTC even when written in another zone', () => {
    const r = parseCalendar(
      series('FREQ=DAILY;COUNT=3', [
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:s1',
        'SUMMARY:Moved',
        'RECURRENCE-ID:20200107T080000Z',
        'DTSTART;TZID=America/New_York:20200107T090000',
        'DTEND;TZID=America/New_York:20200107T100000',
      ]),
      { windowEnd },
    );
    expect(r.occurrences.map((o) => `${o.startsAt} ${o.title}`)).toEqual([
      '2020-01-06T08:00:00.000Z Series',
      '2020-01-07T14:00:00.000Z Moved',
      '2020-01-08T08:00:00.000Z Series',
    ]);
  });

  it('applies a RANGE=THISANDFUTURE override to its instance and every later one', () => {
    // Weekly from Monday 6 January 2020, 09:00 Paris; from the third, an hour later, renamed and
    // with Jonas in place of Ana; the fifth keeps its own override, as written.
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:sync',
        'SUMMARY:Design sync',
        'DTSTART;TZID=Europe/Paris:20200106T090000',
        'DTEND;TZID=Europe/Paris:20200106T093000',
        'RRULE:FREQ=WEEKLY;COUNT=6',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE:mailto:ana@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:sync',
        'SUMMARY:Design review',
        'RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20200120T090000',
        'DTSTART;TZID=Europe/Paris:20200120T100000',
        'DTEND;TZID=Europe/Paris:20200120T110000',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE:mailto:jonas@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:sync',
        'SUMMARY:Design review, in Lyon',
        'RECURRENCE-ID;TZID=Europe/Paris:20200203T090000',
        'DTSTART;TZID=Europe/Paris:20200203T140000',
        'DTEND;TZID=Europe/Paris:20200203T150000',
        'ORGANIZER:mailto:me@example.com',
        'ATTENDEE:mailto:priya@example.com',
        'END:VEVENT',
      ),
      { windowEnd },
    );
    expect(
      r.occurrences.map(
        (o) =>
          `${o.startsAt} ${o.endsAt} ${o.title}: ${o.people.map((p) => p.email.split('@')[0]).join(' ')}`,
      ),
    ).toEqual([
      '2020-01-06T08:00:00.000Z 2020-01-06T08:30:00.000Z Design sync: me ana',
      '2020-01-13T08:00:00.000Z 2020-01-13T08:30:00.000Z Design sync: me ana',
      '2020-01-20T09:00:00.000Z 2020-01-20T10:00:00.000Z Design review: me jonas',
      '2020-01-27T09:00:00.000Z 2020-01-27T10:00:00.000Z Design review: me jonas',
      '2020-02-03T13:00:00.000Z 2020-02-03T14:00:00.000Z Design review, in Lyon: me priya',
      '2020-02-10T09:00:00.000Z 2020-02-10T10:00:00.000Z Design review: me jonas',
    ]);
    // Each meeting is its own: the instances keep the keys of the series' instances.
    expect(new Set(r.occurrences.map((o) => o.key)).size).toBe(6);
    expect(r.occurrences[3].key.split('\u001f').slice(1)).toEqual(['sync', '2020-01-27T08:00:00.000Z']);
    expect(r.occurrences[3].people).not.toBe(r.occurrences[5].people);
  });

  it('moves the later instances of an all-day series by days, and cancels them with a cancelled range', () => {
    const event = (...lines: string[]) => [
      'BEGIN:VEVENT',
      'UID:offsite',
      'SUMMARY:Offsite',
      ...lines,
      'END:VEVENT',
    ];
    const allDay = parseCalendar(
      ics(
        ...event(
          'DTSTART;VALUE=DATE:20200106',
          'RRULE:FREQ=MONTHLY;COUNT=4',
          'ATTENDEE:mailto:ana@example.com',
        ),
        ...event(
          'RECURRENCE-ID;VALUE=DATE;RANGE=THISANDFUTURE:20200306',
          'DTSTART;VALUE=DATE:20200307',
          'ATTENDEE:mailto:ana@example.com',
        ),
      ),
      { windowEnd },
    );
    expect(allDay.occurrences.map((o) => `${o.startsAt} ${o.endsAt}`)).toEqual([
      '2020-01-06 2020-01-06',
      '2020-02-06 2020-02-06',
      '2020-03-07 2020-03-07',
      '2020-04-07 2020-04-07',
    ]);

    const cancelled = parseCalendar(
      ics(
        ...event('DTSTART:20200106T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=5', 'ATTENDEE:mailto:ana@example.com'),
        ...event(
          'RECURRENCE-ID;RANGE=THISANDFUTURE:20200120T090000Z',
          'DTSTART:20200120T090000Z',
          'STATUS:CANCELLED',
        ),
      ),
      { windowEnd },
    );
    expect(cancelled.occurrences.map((o) => o.startsAt.slice(0, 10))).toEqual(['2020-01-06', '2020-01-13']);
    expect(cancelled.skipped.map((s) => s.message)).toEqual([
      expect.stringMatching(
        /^"Offsite" \(line \d+\) was cancelled from 2020-01-20 on: its 3 meetings since are left out\.$/,
      ),
    ]);
    expect(cancelled.withdrawn.map((k) => k.split('\u001f')[2]?.slice(0, 10))).toEqual([
      '2020-01-20',
      '2020-01-27',
      '2020-02-03',
    ]);
  });

  it('leaves out the instances an EXRULE names, as old (RFC 2445) exports write them', () => {
    const r = parseCalendar(
      series('FREQ=WEEKLY;COUNT=10', ['EXRULE:FREQ=MONTHLY;BYDAY=1MO', 'ATTENDEE:mailto:ana@example.com']),
      { windowEnd },
    );
    // Weekly on Mondays from 6 January 2020, but not on a month's first Monday (6 January, 3 February, 2 March).
    expect(r.occurrences.map((o) => o.startsAt.slice(0, 10))).toEqual([
      '2020-01-13',
      '2020-01-20',
      '2020-01-27',
      '2020-02-10',
      '2020-02-17',
      '2020-02-24',
      '2020-03-09',
    ]);
    const broken = parseCalendar(
      series('FREQ=WEEKLY;COUNT=3', ['EXRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30']),
      {
        windowEnd,
      },
    );
    expect(broken.occurrences).toHaveLength(3);
    expect(broken.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^The EXRULE of "Series" \(line \d+\) was ignored: it cannot be followed\.$/),
    );
  });

  it('takes an attendee who delegated the meeting out of it, and skips a meeting the user delegated', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:budget',
        'SUMMARY:Budget review',
        'DTSTART:20200101T100000Z',
        'ORGANIZER:mailto:cfo@example.com',
        'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:deputy@example.com":mailto:head@example.com',
        'ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:head@example.com":mailto:deputy@example.com',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:forecast',
        'SUMMARY:Forecast',
        'DTSTART:20200102T100000Z',
        'ORGANIZER:mailto:cfo@example.com',
        'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:ana@example.com":mailto:me@example.com',
        'ATTENDEE;PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:me@example.com":mailto:ana@example.com',
        'END:VEVENT',
      ),
      { windowEnd, selfEmails: ['me@example.com'] },
    );
    expect(r.occurrences.map((o) => o.uid)).toEqual(['budget']);
    expect(r.occurrences[0].people.map((p) => p.email)).toEqual([
      'cfo@example.com',
      'deputy@example.com',
      'me@example.com',
    ]);
    expect(r.occurrences[0].declinedBy).toEqual(['head@example.com']);
    expect(r.occurrences[0].delegatedBy).toEqual(['head@example.com']);
    expect(r.skipped.map((s) => s.message)).toEqual([
      expect.stringMatching(
        /^You delegated "Forecast" \(line \d+\) on 2020-01-02T10:00:00.000Z to someone else\.$/,
      ),
    ]);
  });

  it('skips cancelled instances and declined events, and drops declined attendees', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART:20200101T100000Z',
        'ORGANIZER:mailto:boss@example.com',
        'ATTENDEE;PARTSTAT=DECLINED:mailto:ME@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:b',
        'DTSTART:20200102T100000Z',
        'ORGANIZER:mailto:boss@example.com',
        'ATTENDEE;PARTSTAT=DECLINED:mailto:other@example.com',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:c',
        'STATUS:CANCELLED',
        'DTSTART:20200103T100000Z',
        'END:VEVENT',
      ),
      { windowEnd, selfEmails: ['me@example.com'] },
    );
    expect(r.occurrences.map((o) => o.uid)).toEqual(['b']);
    expect(r.occurrences[0].people.map((p) => p.email)).toEqual(['boss@example.com', 'me@example.com']);
    expect(r.skipped.map((s) => s.reason).sort()).toEqual(['cancelled', 'declined']);
  });

  it('leaves out attendees copied for information only (ROLE=NON-PARTICIPANT)', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:fyi',
        'DTSTART:20200101T100000Z',
        'ORGANIZER;CN=Boss:mailto:boss@example.com',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:ana@example.com',
        'ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE:mailto:ben@example.com',
        'ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Cleo:mailto:cleo@example.com',
        // Outlook's Resources line: a projector, with no CUTYPE.
        'ATTENDEE;role=non-participant;CN=Beamer 3:mailto:beamer3@example.com',
        'END:VEVENT',
      ),
      { windowEnd },
    );
    expect(r.occurrences[0].people.map((p) => [p.email, p.role, p.response])).toEqual([
      ['boss@example.com', 'organizer', null],
      ['ana@example.com', 'attendee', 'accepted'],
      ['ben@example.com', 'attendee', 'tentative'],
    ]);
    expect(r.occurrences[0].copiedBy).toEqual(['cleo@example.com', 'beamer3@example.com']);
    expect(r.occurrences[0].declinedBy).toEqual(['cleo@example.com', 'beamer3@example.com']);
  });

  it('skips a meeting the user was only copied on, and keeps one who also takes part', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:fyi',
        'SUMMARY:Board prep',
        'DTSTART:20200101T100000Z',
        'ORGANIZER;CN=Boss:mailto:boss@example.com',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:ana@example.com',
        'ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:me@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:both',
        'SUMMARY:Planning',
        'DTSTART:20200102T100000Z',
        'ORGANIZER;CN=Boss:mailto:boss@example.com',
        // Listed twice: taking part wins over the copy, and the organiser stays the organiser.
        'ATTENDEE;ROLE=NON-PARTICIPANT:mailto:me@example.com',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:me@example.com',
        'ATTENDEE;ROLE=NON-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:boss@example.com',
        'END:VEVENT',
      ),
      { windowEnd, selfEmails: ['me@example.com'] },
    );
    expect(r.occurrences.map((o) => o.uid)).toEqual(['both']);
    expect(r.occurrences[0].people.map((p) => [p.email, p.role, p.response])).toEqual([
      ['boss@example.com', 'organizer', null],
      ['me@example.com', 'attendee', 'accepted'],
    ]);
    expect(r.occurrences[0].declinedBy).toEqual([]);
    expect(r.skipped.map((s) => [s.reason, s.message])).toEqual([
      [
        'copied',
        expect.stringMatching(
          /^You were only copied on "Board prep" \(line \d+\) on 2020-01-01T10:00:00.000Z\.$/,
        ),
      ],
    ]);
    expect(r.withdrawn).toHaveLength(1);
  });

  it("skips a meeting Outlook titles as cancelled though its status says confirmed, but not a whole series' past", () => {
    const event = (uid: string, title: string, start: string, ...more: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'STATUS:CONFIRMED',
      `SUMMARY:${title}`,
      `DTSTART:${start}`,
      'ORGANIZER:mailto:boss@example.com',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com',
      ...more,
      'END:VEVENT',
    ];
    const monday = '20200106T100000Z';
    const r = parseCalendar(
      ics(
        ...event('lunch', 'Canceled: Lunch with Ana', monday),
        ...event('review', 'Abgesagt: Quartalsreview', monday),
        ...event('retro', 'Annulé : Rétrospective', monday),
        // A series so titled keeps its past; one instance of it cancelled is skipped.
        ...event('weekly', 'Canceled: Weekly sync', monday, 'RRULE:FREQ=WEEKLY;COUNT=3'),
        ...event('weekly', 'Canceled: Weekly sync', '20200114T100000Z', 'RECURRENCE-ID:20200113T100000Z'),
        ...event('plan', 'Cancelled flights: what now', monday),
      ),
      { windowEnd, selfEmails: ['me@example.com'] },
    );
    expect(r.occurrences.map((o) => `${o.uid} ${o.startsAt.slice(0, 10)}`)).toEqual([
      'weekly 2020-01-06',
      'weekly 2020-01-20',
      'plan 2020-01-06',
    ]);
    expect(r.skipped.map((s) => `${s.reason} ${s.uid}`)).toEqual([
      'cancelled lunch',
      'cancelled review',
      'cancelled retro',
      'cancelled weekly',
    ]);
    // Imported before, they are taken back as any cancelled meeting is.
    expect(r.withdrawn).toHaveLength(4);
  });

  it('does not take a no-reply mailbox for a person: booking tools and webinars organise from them', () => {
    const r = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:booked',
        'DTSTART:20200106T100000Z',
        'ORGANIZER;CN=Calendly:mailto:no-reply@calendly.example',
        'ATTENDEE;CN=Ana Souza:mailto:ana@example.com',
        'ATTENDEE:mailto:me@example.com',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:webinar',
        'DTSTART:20200107T100000Z',
        'ORGANIZER;CN=Webinars:mailto:NoReply+webinar@events.example',
        'ATTENDEE:mailto:notifications@saas.example',
        'ATTENDEE:mailto:me@example.com',
        'ATTENDEE;CN=Reply Person:mailto:noreplyguy@example.com',
        'END:VEVENT',
      ),
      { windowEnd, selfEmails: ['me@example.com'] },
    );
    expect(r.occurrences.map((o) => [o.uid, o.organizer, o.people.map((p) => p.email)])).toEqual([
      ['booked', null, ['ana@example.com', 'me@example.com']],
      // "noreplyguy" is a name, not the no-reply mailbox.
      ['webinar', null, ['me@example.com', 'noreplyguy@example.com']],
    ]);
  });

  it('gives events without a UID a stable synthetic key', () => {
    const cal = ics('BEGIN:VEVENT', 'DTSTART:20200101T100000Z', 'SUMMARY:No uid', 'END:VEVENT');
    const a = parseCalendar(cal, { windowEnd }).occurrences[0].key;
    const b = parseCalendar(Buffer.from(cal), { windowEnd }).occurrences[0].key;
    expect(a).toBe(b);
    expect(a).toContain('nouid-');
  });

  it('keys single events by UID alone, so a moved meeting keeps its key', () => {
    const at = (start: string) =>
      parseCalendar(ics('BEGIN:VEVENT', 'UID:m', `DTSTART:${start}`, 'END:VEVENT'), { windowEnd })
        .occurrences[0].key;
    expect(at('20200101T100000Z')).toBe(at('20200102T120000Z'));
  });

  it('marks video meetings from conferencing links', () => {
    const kinds = parseCalendar(
      ics(
        'BEGIN:VEVENT',
        'UID:v1',
        'DTSTART:20200101T100000Z',
        'DESCRIPTION:Join: https://us02web.zoom.us/j/123',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:v2',
        'DTSTART:20200101T100000Z',
        'LOCATION:Room 4',
        'END:VEVENT',
        // Skype for Business writes its own server's link, and GoToMeeting its short one.
        'BEGIN:VEVENT',
        'UID:v3',
        'DTSTART:20200101T100000Z',
        'LOCATION:Skype Meeting',
        'DESCRIPTION:Join Skype Meeting<https://meet.contoso.com/jdoe/ABC1D2E3>',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:v4',
        'DTSTART:20200101T100000Z',
        'DESCRIPTION:Link: https://gotomeet.me/annasouza',
        'END:VEVENT',
      ),
      { windowEnd },
    ).occurrences.map((o) => o.kind);
    expect(kinds).toEqual(['video', 'meeting', 'video', 'video']);
  });
});

describe('time zones', () => {
  it('maps Windows IDs and legacy display names to IANA', () => {
    expect(ianaFromWindows('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaFromWindows('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaFromWindows('(UTC-05:00) Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(ianaFromWindows('(UTC-05:00) Eastern Time (US and Canada)')).toBe('America/New_York');
    expect(ianaFromWindows('(GMT+10:00) Canberra, Melbourne, Sydney')).toBe('Australia/Melbourne');
    expect(ianaFromWindows('Customized Time Zone')).toBeNull();
  });

  it('converts wall clock to UTC across DST gaps and overlaps', () => {
    const ny = { kind: 'iana', name: 'America/New_York' } as const;
    expect(new Date(wallToUtc(Date.UTC(2024, 2, 10, 2, 30), ny)).toISOString()).toBe(
      '2024-03-10T07:30:00.000Z',
    );
    expect(new Date(wallToUtc(Date.UTC(2024, 10, 3, 1, 30), ny)).toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
    const utcMs = Date.UTC(2024, 6, 1, 12);
    expect(wallToUtc(utcToWall(utcMs, ny), ny)).toBe(utcMs);
  });

  it('converts wall clock to UTC around transitions east of Greenwich and south of the equator', () => {
    const at = (zone: string, wall: number) =>
      new Date(wallToUtc(wall, { kind: 'iana', name: zone })).toISOString();
    // Berlin springs forward at 02:00 CET (01:00Z) on 31 March 2024.
    expect(at('Europe/Berlin', Date.UTC(2024, 2, 31, 1, 30))).toBe('2024-03-31T00:30:00.000Z');
    expect(at('Europe/Berlin', Date.UTC(2024, 2, 31, 2, 30))).toBe('2024-03-31T01:30:00.000Z'); // gap: 03:30 CEST
    expect(at('Europe/Berlin', Date.UTC(2024, 2, 31, 3, 30))).toBe('2024-03-31T01:30:00.000Z');
    // And falls back at 03:00 CEST (01:00Z) on 27 October: 02:30 comes twice, the first is taken.
    expect(at('Europe/Berlin', Date.UTC(2024, 9, 27, 1, 30))).toBe('2024-10-26T23:30:00.000Z');
    expect(at('Europe/Berlin', Date.UTC(2024, 9, 27, 2, 30))).toBe('2024-10-27T00:30:00.000Z');
    expect(at('Europe/Berlin', Date.UTC(2024, 9, 27, 3, 30))).toBe('2024-10-27T02:30:00.000Z');
    // Sydney falls back at 03:00 AEDT (16:00Z the day before) on 7 April 2024.
    expect(at('Australia/Sydney', Date.UTC(2024, 3, 7, 2, 30))).toBe('2024-04-06T15:30:00.000Z');
    // Every wall-clock time of a year in Berlin and Sydney that exists once maps back to itself.
    for (const zone of ['Europe/Berlin', 'Australia/Sydney', 'America/New_York']) {
      const z = { kind: 'iana', name: zone } as const;
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 15 * 60_000) {
        const wall = utcToWall(t, z);
        const back = wallToUtc(wall, z);
        // In a repeated hour the first instant is chosen, so the second maps to an hour earlier.
        expect(utcToWall(back, z)).toBe(wall);
        expect(back === t || back === t - 3_600_000).toBe(true);
      }
    }
  });

  it('an unknown zone falls back to X-WR-TIMEZONE and is flagged approximate', () => {
    const r = parseCalendar(
      ics(
        'X-WR-TIMEZONE:Asia/Tokyo',
        'BEGIN:VEVENT',
        'UID:z',
        'DTSTART;TZID=Mars/Olympus_Mons:20200101T100000',
        'END:VEVENT',
      ),
      { windowEnd },
    );
    expect(r.occurrences[0].startsAt).toBe('2020-01-01T01:00:00.000Z');
    expect(r.occurrences[0].approximate).toBe(true);
    expect(r.approximateZones).toEqual(['Mars/Olympus_Mons']);
  });
});
