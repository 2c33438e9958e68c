import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { repairIcs } from '../../../src/main/calendar/repair';
import { CalendarImportError } from '../../../src/main/calendar/errors';
import { fixture } from './helpers';

const event = [
  'BEGIN:VEVENT',
  'UID:e1',
  'DTSTART:20240102T100000Z',
  'DTEND:20240102T110000Z',
  'SUMMARY:Café ☕ with Zoë',
  'END:VEVENT',
];

function rejectCode(bytes: Uint8Array): string {
  try {
    repairIcs(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarImportError);
    return (error as CalendarImportError).code;
  }
  return 'accepted';
}

function titleOf(bytes: Uint8Array): string {
  return parseCalendar(bytes, { windowEnd: new Date('2025-01-01T00:00:00Z') }).occurrences[0].title;
}

describe('repairIcs', () => {
  const lines = ['BEGIN:VCALENDAR', ...event, 'END:VCALENDAR'];

  it('accepts LF, CRLF, CR-only and mixed line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(titleOf(Buffer.from(lines.join(eol), 'utf8'))).toBe('Café ☕ with Zoë');
    }
    const mixed = lines.map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('');
    expect(titleOf(Buffer.from(mixed, 'utf8'))).toBe('Café ☕ with Zoë');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    expect(titleOf(bytes)).toBe('Café ☕ with Zoë');
  });

  it('unfolds on bytes, so a fold inside a multi-byte character decodes cleanly', () => {
    const summary = Buffer.from('SUMMARY:Café ☕ with Zoë', 'utf8');
    const cut = summary.indexOf(Buffer.from('☕', 'utf8')) + 1;
    const folded = Buffer.concat([
      Buffer.from(['BEGIN:VCALENDAR', ...event.slice(0, 4), ''].join('\r\n')),
      summary.subarray(0, cut),
      Buffer.from('\r\n '),
      summary.subarray(cut),
      Buffer.from('\r\n' + ['END:VEVENT', 'END:VCALENDAR'].join('\r\n')),
    ]);
    expect(titleOf(folded)).toBe('Café ☕ with Zoë');
  });

  it('drops blank and stray lines, upper-cases names, removes empty parameters', () => {
    const messy = [
      'some junk before',
      'begin:vcalendar',
      '',
      'BEGIN:VEVENT',
      'uid:e1',
      'this line is not a property',
      'DTSTART;;VALUE=DATE-TIME;:20240102T100000Z',
      '   ',
      'Summary;:Plain',
      'END:VEVENT',
      'END:VCALENDAR',
      'trailing junk',
    ].join('\n');
    const r = repairIcs(Buffer.from(messy));
    expect(r.repairs['stray line']).toBe(3);
    expect(r.repairs['empty parameter']).toBe(3);
    expect(r.repairs['lower-case name']).toBe(3);
    expect(titleOf(Buffer.from(messy))).toBe('Plain');
  });

  it('closes components left open and ignores unmatched ENDs', () => {
    const cut = ['BEGIN:VCALENDAR', ...event.slice(0, 5), 'END:VALARM'].join('\r\n');
    const r = repairIcs(Buffer.from(cut));
    expect(r.text.endsWith('END:VEVENT\nEND:VCALENDAR\n')).toBe(true);
    expect(r.repairs['missing END']).toBe(2);
    expect(r.repairs['unmatched END']).toBe(1);
    expect(titleOf(Buffer.from(cut))).toBe('Café ☕ with Zoë');
  });

  it('closes what was left open when the next event begins, so it swallows no later event', () => {
    const meeting = (k: number) => [
      'BEGIN:VEVENT',
      `UID:m${k}`,
      `DTSTART:2024010${k}T100000Z`,
      `SUMMARY:Meeting ${k}`,
      'END:VEVENT',
    ];
    const titles = (lines: string[]) =>
      parseCalendar(Buffer.from(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')), {
        windowEnd: new Date('2025-01-01T00:00:00Z'),
      })
        .occurrences.map((o) => o.title)
        .sort();
    const all = ['Meeting 1', 'Meeting 2', 'Meeting 3'];
    // An event without its END, then the next one.
    const noEnd = [...meeting(1).slice(0, -1), ...meeting(2), ...meeting(3)];
    expect(titles(noEnd)).toEqual(all);
    expect(repairIcs(Buffer.from(['BEGIN:VCALENDAR', ...noEnd, 'END:VCALENDAR'].join('\n'))).repairs).toEqual(
      {
        'missing END': 1,
      },
    );
    // A component the importer skips, never closed, between events: before, it took every later one with it.
    for (const open of ['BEGIN:X-NOTE', 'BEGIN:VALARM', 'BEGIN:VTODO']) {
      const skippedOpen = [...meeting(1), open, 'DESCRIPTION:left open', ...meeting(2), ...meeting(3)];
      expect(titles(skippedOpen)).toEqual(all);
      const { repairs, text } = repairIcs(
        Buffer.from(['BEGIN:VCALENDAR', ...skippedOpen, 'END:VCALENDAR'].join('\n')),
      );
      expect(repairs).toEqual({ 'missing END': 1 });
      expect(text).not.toContain('left open');
    }
    // Components left open up to the nesting limit are closed when the next event begins, not refused.
    const manyOpen = [
      ...meeting(1),
      ...Array.from({ length: 7 }, () => 'BEGIN:X-NEST'),
      ...meeting(2),
      ...meeting(3),
    ];
    expect(titles(manyOpen)).toEqual(all);
    // Also an alarm left open inside an event is counted, though the event's END closes it.
    const alarmOpen = [...meeting(1).slice(0, -1), 'BEGIN:VALARM', 'ACTION:DISPLAY', 'END:VEVENT'];
    expect(
      repairIcs(Buffer.from(['BEGIN:VCALENDAR', ...alarmOpen, 'END:VCALENDAR'].join('\n'))).repairs,
    ).toEqual({
      'missing END': 1,
    });
    expect(titles(alarmOpen)).toEqual(['Meeting 1']);
  });

  it('records the line of each event for messages', () => {
    expect(repairIcs(fixture('node-ical/tentative-apple-calendar.ics')).eventLines).toEqual([8, 26, 44, 62]);
  });

  it('rejects what is not a calendar with a clear error', () => {
    expect(rejectCode(Buffer.from('hello world\n'))).toBe('NOT_ICALENDAR');
    expect(rejectCode(Buffer.from(''))).toBe('NOT_ICALENDAR');
    expect(rejectCode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe('NOT_ICALENDAR');
    expect(rejectCode(Buffer.from(event.join('\n')))).toBe('NOT_ICALENDAR');
    expect(() => repairIcs(Buffer.from('BEGIN:VCALENDAR\n'), { maxBytes: 4, maxDepth: 8 })).toThrow(
      /larger than/,
    );
  });

  it('rejects deeply nested components and names the line', () => {
    const deep = ['BEGIN:VCALENDAR', ...Array.from({ length: 20 }, () => 'BEGIN:X-NEST')].join('\n');
    try {
      repairIcs(Buffer.from(deep));
      expect.unreachable();
    } catch (error) {
      expect((error as CalendarImportError).toJSON()).toEqual({
        code: 'TOO_DEEP',
        message: 'Components are nested more than 8 deep.',
        line: 9,
      });
    }
  });
});
