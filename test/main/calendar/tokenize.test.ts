import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { repairIcs, repairLines } from '../../../src/main/calendar/repair';
import { tokenize } from '../../../src/main/calendar/tokenize';
import { fixture, fixturesDir, ics } from './helpers';

const corpus = ['ical.js', 'node-ical', 'rapport']
  .flatMap((dir) => readdirSync(join(fixturesDir, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.ics'));

/** What ical.js makes of the repaired text, or its error message. */
function viaIcal(bytes: Uint8Array): unknown {
  try {
    const jcal = ICAL.parse(repairIcs(bytes).text) as unknown[];
    return JSON.parse(JSON.stringify(typeof jcal[0] === 'string' ? [jcal] : jcal));
  } catch (error) {
    return (error as Error).message;
  }
}

function viaTokenizer(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(JSON.stringify(tokenize(repairLines(bytes).lines)));
  } catch (error) {
    return (error as Error).message;
  }
}

describe('tokenize', () => {
  it.each(corpus)('builds the tree ical.js builds for %s', (name) => {
    const bytes = fixture(name);
    expect(viaTokenizer(bytes)).toEqual(viaIcal(bytes));
  });

  it('reads quoted, escaped, typed and odd event lines exactly as ical.js does', () => {
    const bytes = ics(
      'BEGIN:VEVENT',
      'UID:odd\\, one',
      'DTSTART;TZID="Europe/Paris":20200106T090000',
      'DTEND;VALUE=DATE:20200107',
      'RECURRENCE-ID:20200106',
      'DTSTAMP:2020',
      'SEQUENCE:3x',
      'SUMMARY:a\\;b\\,c\\nd\\\\e',
      'DESCRIPTION:',
      'ATTENDEE;CN="Doe, John; Jr: PhD";PARTSTAT=ACCEPTED:mailto:john@example.com',
      "ATTENDEE;CN=Zoe^n^'Z^';ROLE=CHAIR:mailto:zoe@example.com",
      'ATTENDEE;CN=Back\\,slash:mailto:b@example.com',
      'ATTENDEE;DELEGATED-FROM="mailto:a@example.com","mailto:b@example.com":mailto:c@example.com',
      'ORGANIZER;CN=Me;CN=Again:mailto:me@example.com',
      'EXDATE;TZID=Europe/Paris:20200113T090000,20200120T090000',
      'RRULE:FREQ=WEEKLY;COUNT=5',
      'RDATE;VALUE=PERIOD:20200201T090000Z/PT1H',
      'X-GOOGLE-CONFERENCE:https://meet.google.com/abc',
      'ATTENDEE;CN=^:x',
      'ATTENDEE;CN="a";:mailto:a@example.com',
      'DTSTART;TZID="a":"b":x',
      'SUMMARY;A="b"c;D=e:f',
      'ATTENDEE;MEMBER="a",:x',
      'ATTENDEE;X-A="a;b";=c:d',
      'END:VEVENT',
    );
    expect(viaTokenizer(bytes)).toEqual(viaIcal(bytes));
  });
});

describe('reading events as they end', () => {
  it('gives the same result when zones and calendar names come after the events', () => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Custom Zone',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const event = [
      'BEGIN:VEVENT',
      'UID:late',
      'DTSTART;TZID=Custom Zone:20200101T100000',
      'SUMMARY:Late zone',
      'ORGANIZER:mailto:a@example.com',
      'END:VEVENT',
    ];
    const options = { windowEnd: new Date('2025-01-01T00:00:00Z'), defaultZone: 'UTC' };
    const before = parseCalendar(ics('X-WR-CALNAME:Work', ...zone, ...event), options);
    const after = parseCalendar(ics(...event, ...zone, 'X-WR-CALNAME:Work'), options);
    expect(before.occurrences[0].startsAt).toBe('2020-01-01T07:00:00.000Z');
    expect(before.occurrences[0].key).toBe('Work\u001flate');
    expect(after).toEqual(before);
  });
});
