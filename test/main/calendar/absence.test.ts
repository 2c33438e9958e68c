import { describe, expect, it } from 'vitest';
import { isAbsenceNotice } from '../../../src/main/calendar/absence';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { commitImport, previewImport } from '../../../src/main/calendar/service';
import { ics, storeForEachTest } from './helpers';

const HOUR = 60 * 60 * 1000;
const windowEnd = new Date('2025-06-01T00:00:00Z');
const me = 'me@corp.example';

/** An event sent by Ana to the team (the user and two colleagues), all day or at a time. */
function notice(uid: string, title: string, when: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    ...when,
    `SUMMARY:${title}`,
    'ORGANIZER;CN=Ana Souza:mailto:ana@corp.example',
    `ATTENDEE:mailto:${me}`,
    'ATTENDEE:mailto:lee@corp.example',
    'ATTENDEE:mailto:kim@corp.example',
    'END:VEVENT',
  ];
}
const allDay = (from: string, to: string) => [`DTSTART;VALUE=DATE:${from}`, `DTEND;VALUE=DATE:${to}`];
const timed = (start: string, hours: number) => [`DTSTART:${start}`, `DURATION:PT${hours}H`];

describe('out-of-office notices', () => {
  it('are told by their title on an event of a whole day or most of one', () => {
    const day = { allDay: true, lengthMs: null };
    for (const title of [
      'Ana – vacation',
      'OOO',
      'Lee OOF',
      'PTO (Kim)',
      'Annual leave',
      'Sick',
      'Urlaub Jonas',
      'Congés',
      'Vacaciones de Sofía',
      'Bank holiday',
      'Public Holiday',
      'Away',
      'Vakantie Daan',
      'Ziek',
      'Férias da Inês',
      'Jour férié',
      'Feriado',
    ]) {
      expect(isAbsenceNotice({ title, ...day }), title).toBe(true);
    }
    for (const title of [
      'Team offsite',
      'Hackathon',
      'KubeCon',
      'Roadmap day',
      'Team away day',
      'Away-days 2025',
    ]) {
      expect(isAbsenceNotice({ title, ...day }), title).toBe(false);
    }
    // A timed one must fill most of a working day, and say so in plain words.
    expect(isAbsenceNotice({ title: 'Out of office', allDay: false, lengthMs: 8 * HOUR })).toBe(true);
    expect(isAbsenceNotice({ title: 'OOO sync', allDay: false, lengthMs: 0.5 * HOUR })).toBe(false);
    expect(isAbsenceNotice({ title: 'Holiday party', allDay: false, lengthMs: 5 * HOUR })).toBe(false);
    expect(isAbsenceNotice({ title: 'Vacation planning', allDay: false, lengthMs: 1 * HOUR })).toBe(false);
    expect(isAbsenceNotice({ title: 'Sickle-cell research talk', ...day })).toBe(false);
    expect(isAbsenceNotice({ title: 'Ana on leave', allDay: false, lengthMs: null })).toBe(false);
  });

  it('are skipped with a reason when a calendar is read, meetings on either side kept', () => {
    const result = parseCalendar(
      ics(
        ...notice('vac', 'Ana – vacation', allDay('20250303', '20250308')),
        ...notice('ooo', 'OOO (Ana)', timed('20250310T080000Z', 9)),
        ...notice('party', 'Holiday party', timed('20250312T170000Z', 5)),
        ...notice('offsite', 'Team offsite', allDay('20250314', '20250315')),
      ),
      { windowEnd },
    );
    expect(result.occurrences.map((o) => o.title)).toEqual(['Holiday party', 'Team offsite']);
    expect(result.skipped.filter((s) => s.reason === 'absence').map((s) => s.message)).toEqual([
      '"Ana – vacation" (line 3) is an out-of-office notice, not a meeting.',
      '"OOO (Ana)" (line 13) is an out-of-office notice, not a meeting.',
    ]);
  });

  describe('imported before they were known', () => {
    const s = storeForEachTest(new Date('2025-06-02T09:00:00Z'));

    it('are taken back by the next import, as meetings that did not take place', async () => {
      const file = [
        {
          name: 'work.ics',
          bytes: ics(
            'X-WR-CALNAME:Work',
            ...notice('vac', 'Ana – vacation', allDay('20250303', '20250308')),
            ...notice('party', 'Holiday party', timed('20250312T170000Z', 5)),
          ),
        },
      ];
      const preview = await previewImport({ files: file, windowEnd, selfEmails: [me] }, s.ctx);
      expect(preview.skippedByReason).toEqual({ absence: 1 });
      expect(preview.toCreate).toBe(1);
      // As an import made before the notice was recognised would have left it.
      s.t.store.sqlite
        .prepare(
          `INSERT INTO interactions (kind, title, notes, starts_at, ends_at, all_day, source, source_key, created_at, updated_at)
           VALUES ('meeting', 'Ana – vacation', '', '2025-03-03', '2025-03-07', 1, 'ics', ?, ?, ?)`,
        )
        .run('ics\u001fWork\u001fvac', '2025-04-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z');
      const again = await previewImport({ files: file, windowEnd, selfEmails: [me] }, s.ctx);
      expect(again.withdrawn).toEqual({ remove: 1, keep: 0 });
      const result = await commitImport(
        { previewId: again.previewId, createPeople: again.newPeople.map((p) => p.email) },
        s.ctx,
      );
      expect(result).toMatchObject({ created: 1, withdrawn: 1 });
      expect(s.t.store.sqlite.prepare('SELECT title FROM interactions').pluck().all()).toEqual([
        'Holiday party',
      ]);
    });
  });
});
