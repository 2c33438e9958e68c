import { describe, expect, it } from 'vitest';
import type { JProp } from '../../../src/main/calendar/people';
import { readPeople } from '../../../src/main/calendar/people';
import { commitImport, previewImport } from '../../../src/main/calendar/service';
import { addContact } from '../journal/call';
import { fixture, ics, importIcs, storeForEachTest } from './helpers';

const windowEnd = new Date('2025-06-01T00:00:00Z');
const me = 'me@corp.example';
// Exchange's internal address for a mailbox, as some exports write it in place of the SMTP one.
const exchange = (cn: string) =>
  `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=8f3a1c-${cn}`;

/** An Outlook meeting: organised by `organizer` (a whole ORGANIZER line), the other lines its attendees. */
function outlookMeeting(uid: string, start: string, organizer: string, ...attendees: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${start}`,
    'DURATION:PT30M',
    `SUMMARY:${uid}`,
    organizer,
    ...attendees,
    'END:VEVENT',
  ];
}

const file = () => [
  {
    name: 'outlook.ics',
    bytes: ics(
      'X-WR-CALNAME:Work',
      // Priya is named without an address; Jonas only by Exchange's internal one; a room too.
      ...outlookMeeting(
        'Budget',
        '20250303T090000Z',
        `ORGANIZER;CN=Me Myself:mailto:${me}`,
        'ATTENDEE;CN=Priya Raman;RSVP=TRUE;PARTSTAT=ACCEPTED:invalid:nomail',
        `ATTENDEE;CN="Weber, Jonas";RSVP=TRUE:${exchange('Jonas Weber')}`,
        'ATTENDEE;CN=Room 4.12;CUTYPE=RESOURCE:invalid:nomail',
      ),
      // Priya organised this one, from a file that has no address for her either.
      ...outlookMeeting(
        'Roadmap',
        '20250305T140000Z',
        'ORGANIZER;CN=Priya Raman:invalid:nomail',
        `ATTENDEE;CN=Me Myself;PARTSTAT=ACCEPTED:mailto:${me}`,
        'ATTENDEE;CN=Lena Fischer:mailto:lena@corp.example',
      ),
      // Only someone no contact is named as: no one but the user is left.
      ...outlookMeeting(
        'Interview',
        '20250307T100000Z',
        `ORGANIZER;CN=Me Myself:mailto:${me}`,
        'ATTENDEE;CN=Sam Okafor:invalid:nomail',
      ),
      // The user named without an address, in a meeting with Priya by address.
      ...outlookMeeting(
        'Coffee',
        '20250310T100000Z',
        'ORGANIZER;CN=Me Myself:invalid:nomail',
        'ATTENDEE;CN=Priya Raman:mailto:priya@corp.example',
        'ATTENDEE;CN=Priya Raman:invalid:nomail',
      ),
    ),
  },
];

describe('people a calendar names without an address', () => {
  it('are read by their name, apart from one another, and a name that is an address is one', () => {
    const line = (name: string, cn: string, value: string): JProp => [name, { cn }, 'cal-address', value];
    expect(
      readPeople([
        line('organizer', 'Priya Raman', 'invalid:nomail'),
        line('attendee', 'Jonas Weber', exchange('Jonas Weber')),
        line('attendee', 'Priya Raman', 'invalid:nomail'),
        line('attendee', 'sam@corp.example', 'invalid:nomail'),
        line('attendee', '', 'invalid:nomail'),
        // Google's birthdays calendar, and a no-reply mailbox under a name: no one.
        line('attendee', 'Contacts', 'mailto:4dhmurjkc5hn8sq0ctp6utbg5pr2sor1@virtual'),
        line('organizer', 'Calendly', 'mailto:no-reply@calendly.com'),
      ]),
    ).toEqual([
      { email: '', name: 'Priya Raman', role: 'organizer', response: null },
      { email: '', name: 'Jonas Weber', role: 'attendee', response: null },
      { email: 'sam@corp.example', name: null, role: 'attendee', response: null },
    ]);
  });

  describe('in an import', () => {
    const s = storeForEachTest(new Date('2025-06-02T09:00:00Z'));
    /** A contact made as the app makes one, with an address or none. */
    const addContactAt = (name: string, email?: string) =>
      addContact(s.t.ctx, name, { emails: email ? [{ email }] : [] });
    const participants = (title: string) =>
      s.t.store.sqlite
        .prepare(
          `SELECT c.display_name || ':' || p.role FROM interactions i
           JOIN interaction_participants p ON p.interaction_id = i.id JOIN contacts c ON c.id = p.contact_id
           WHERE i.title = ? ORDER BY c.display_name`,
        )
        .pluck()
        .all(title);

    it('are the contact of their name, and the others are listed as left out of their meetings', async () => {
      const priya = await addContactAt('Priya Raman', 'priya@corp.example');
      // A contact of that name without an address cannot be counted in a meeting.
      await addContactAt('Jonas Weber');
      const preview = await previewImport({ files: file(), windowEnd, selfEmails: [me] }, s.ctx);
      expect(preview.matchedPeople.map((p) => [p.name, p.email, p.contactId, p.meetings])).toEqual([
        ['Priya Raman', 'priya@corp.example', priya, 3],
      ]);
      expect(preview.newPeople.map((p) => p.email)).toEqual(['lena@corp.example']);
      // The user, named without an address in the coffee, is no one to list.
      expect(preview.unaddressed).toEqual([
        { name: 'Jonas Weber', meetings: 1 },
        { name: 'Sam Okafor', meetings: 1 },
      ]);
      expect(preview.skipped.map((k) => k.message)).toEqual([
        '"Interview" has no one in it but you and people the file gives no address for (Sam Okafor).',
      ]);
      expect(preview.toCreate).toBe(3);
      // The coffee names the user without an address, under the name their address has elsewhere.
      expect(preview.files.map((f) => [f.meetings, f.withMe])).toEqual([[3, 3]]);

      const result = await commitImport(
        { previewId: preview.previewId, createPeople: ['lena@corp.example'] },
        s.ctx,
      );
      expect(result).toMatchObject({ created: 3, contactsCreated: 1 });
      expect(participants('Budget')).toEqual(['Priya Raman:attendee']);
      // Priya organised the roadmap: she took the initiative.
      expect(participants('Roadmap')).toEqual(['Lena Fischer:attendee', 'Priya Raman:organizer']);
      const initiated = s.t.store.sqlite
        .prepare('SELECT initiated_by FROM interactions WHERE title = ?')
        .pluck();
      expect(initiated.get('Roadmap')).toBe('them');
      expect(initiated.get('Coffee')).toBe('me');
      // Named twice, by address and without: one participant.
      expect(participants('Coffee')).toEqual(['Priya Raman:attendee']);

      // The same file again changes nothing.
      const again = await previewImport({ files: file(), windowEnd, selfEmails: [me] }, s.ctx);
      expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    });

    it('are the person these files give their name with an address, whom the import may create', async () => {
      const preview = await previewImport({ files: file(), windowEnd, selfEmails: [me] }, s.ctx);
      expect(preview.matchedPeople).toEqual([]);
      // Priya's address is in the coffee: she is the one without an address in the budget and the roadmap too.
      expect(preview.newPeople.map((p) => [p.email, p.meetings])).toEqual([
        ['priya@corp.example', 3],
        ['lena@corp.example', 1],
      ]);
      expect(preview.unaddressed).toEqual([
        { name: 'Jonas Weber', meetings: 1 },
        { name: 'Sam Okafor', meetings: 1 },
      ]);
      expect(preview.selfEmails).toEqual([me]);
      const result = await commitImport(
        { previewId: preview.previewId, createPeople: ['priya@corp.example'] },
        s.ctx,
      );
      expect(result).toMatchObject({ created: 3, contactsCreated: 1 });
      expect(participants('Budget')).toEqual(['Priya Raman:attendee']);
      expect(participants('Roadmap')).toEqual(['Priya Raman:organizer']);
      // Priya, a contact now, is found by her name: the same file again changes nothing.
      const again = await previewImport({ files: file(), windowEnd, selfEmails: [me] }, s.ctx);
      expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    });

    it('are the person the files give their name with an address, before a contact of that name', async () => {
      const before = await addContactAt('Priya Raman', 'priya@old-firm.example');
      const bytes = ics(
        ...outlookMeeting(
          'Intro',
          '20250303T090000Z',
          `ORGANIZER:mailto:${me}`,
          'ATTENDEE;CN=Priya Raman:mailto:priya@corp.example',
        ),
        ...outlookMeeting(
          'Follow-up',
          '20250310T090000Z',
          `ORGANIZER:mailto:${me}`,
          'ATTENDEE;CN=Priya Raman:invalid:nomail',
        ),
      );
      const files = [{ name: 'outlook.ics', bytes }];
      const preview = await previewImport({ files, windowEnd, selfEmails: [me] }, s.ctx);
      expect(preview.newPeople.map((p) => [p.email, p.meetings, p.sameNameAs?.id])).toEqual([
        ['priya@corp.example', 2, before],
      ]);
      // Told she is another Priya: a second contact of that name. The file's own address still
      // says who the follow-up was with, so the same file again changes nothing.
      await commitImport({ previewId: preview.previewId, createPeople: ['priya@corp.example'] }, s.ctx);
      const again = await previewImport({ files, windowEnd, selfEmails: [me] }, s.ctx);
      expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
      const withOldPriya = s.t.store.sqlite
        .prepare('SELECT count(*) FROM interaction_participants WHERE contact_id = ?')
        .pluck();
      expect(withOldPriya.get(before)).toBe(0);
    });

    it('are left out, and named, when neither a contact nor an address has their name', async () => {
      const bytes = ics(
        ...outlookMeeting(
          'Budget',
          '20250303T090000Z',
          `ORGANIZER:mailto:${me}`,
          'ATTENDEE;CN=Priya Raman:invalid:nomail',
          `ATTENDEE;CN="Weber, Jonas":${exchange('Jonas Weber')}`,
        ),
        ...outlookMeeting(
          'Roadmap',
          '20250305T140000Z',
          'ORGANIZER;CN=Priya Raman:invalid:nomail',
          `ATTENDEE:mailto:${me}`,
          'ATTENDEE;CN=Lena Fischer:mailto:lena@corp.example',
        ),
      );
      const preview = await previewImport(
        { files: [{ name: 'outlook.ics', bytes }], windowEnd, selfEmails: [me] },
        s.ctx,
      );
      expect(preview.unaddressed).toEqual([
        { name: 'Priya Raman', meetings: 2 },
        { name: 'Jonas Weber', meetings: 1 },
      ]);
      // No one is proposed without an address, and no address is made up.
      expect(preview.newPeople.map((p) => p.email)).toEqual(['lena@corp.example']);
      expect(preview.skipped.map((k) => k.message)).toEqual([
        '"Budget" has no one in it but you and people the file gives no address for (Priya Raman, Jonas Weber).',
      ]);
      const result = await commitImport({ previewId: preview.previewId, createPeople: [] }, s.ctx);
      expect(result.created).toBe(1);
      // Priya organised it, known by her name alone: who took the initiative is not known.
      const initiated = s.t.store.sqlite.prepare('SELECT initiated_by FROM interactions').pluck().all();
      expect(initiated).toEqual(['unknown']);
    });

    it('in an Exchange export are the contact of their name, and the others are listed', async () => {
      const anna = await addContactAt('Anna Schmidt', 'anna.schmidt@contoso.example');
      const files = [{ name: 'exchange.ics', bytes: fixture('rapport/exchange-internal-addresses.ics') }];
      const preview = await previewImport({ files, windowEnd, selfEmails: ['me@example.com'] }, s.ctx);
      expect(preview.matchedPeople.map((p) => [p.name, p.contactId, p.meetings])).toEqual([
        ['Anna Schmidt', anna, 5],
      ]);
      expect(preview.newPeople.map((p) => p.email)).toEqual(['chidi.okafor@partner.example.org']);
      // Lukas is "Weber, Lukas" in the series and "Lukas Weber" at coffee: one person.
      expect(preview.unaddressed).toEqual([
        { name: 'Lukas Weber', meetings: 5 },
        { name: 'Sofia Costa', meetings: 1 },
      ]);
      expect(preview.skippedByReason).toEqual({ no_people: 2 });
      expect(preview.toCreate).toBe(5);
      const result = await commitImport({ previewId: preview.previewId, createPeople: [] }, s.ctx);
      expect(result.created).toBe(5);
      expect(participants('Team sync')).toEqual(Array(4).fill('Anna Schmidt:organizer'));
      expect(participants('Partner intro')).toEqual(['Anna Schmidt:attendee']);
    });

    it('are named by import-ics', async () => {
      const { writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const path = join(s.t.dir, 'outlook.ics');
      writeFileSync(path, file()[0].bytes);
      const cli = importIcs(s.t.path, me);
      expect(await cli.run(path, '--dry-run')).toBe(0);
      expect(cli.out.join('\n')).toContain(
        'without an address, no contact of that name: Jonas Weber (1 meeting), Sam Okafor (1 meeting)',
      );
    });
  });
});
