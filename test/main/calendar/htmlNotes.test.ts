import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptionAsNotes, htmlBodyAsNotes } from '../../../src/main/calendar/htmlNotes';
import { description } from './arbitraryDescription';
import { meetingNotes } from '../../../src/main/calendar/notes';
import { parseCalendar } from '../../../src/main/calendar/parse';
import { repairIcs } from '../../../src/main/calendar/repair';
import { commitImport, previewImport } from '../../../src/main/calendar/service';
import { ics, storeForEachTest } from './helpers';

const windowEnd = new Date('2025-06-01T00:00:00Z');

/**
 * A meeting as Google Calendar exports one whose description was formatted in its editor: the
 * HTML escaped as RFC 5545 TEXT (commas, semicolons, line ends) and folded at 75 octets, with
 * Google's Meet block appended as plain lines.
 */
const googleMeeting = [
  'BEGIN:VEVENT',
  'UID:3m2k1j@google.com',
  'DTSTART:20250312T100000Z',
  'DTEND:20250312T103000Z',
  'SUMMARY:Mentoring with Priya',
  'ORGANIZER;CN=Priya Nair:mailto:priya@mentor.example',
  'ATTENDEE;CN=Priya Nair;PARTSTAT=ACCEPTED:mailto:priya@mentor.example',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@corp.example',
  'DESCRIPTION:<b>Agenda</b><br><ul><li>Promotion case</li><li>Q3 goals &amp; st',
  ' retch project</li></ul><br>Read <a href="https://www.google.com/url?q=https://d',
  ' ocs.example.com/d/1&amp;sa=D&amp;source=calendar">the draft</a>\\, then <i>bri',
  ' ng questions</i>.&nbsp;Thanks!\\n\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:',
  ' ~::-\\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\\nPlease do no',
  ' t edit this section.\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-',
  'END:VEVENT',
];

describe('descriptions written in HTML', () => {
  it('become Markdown notes: bold, lists, links out of Google’s redirect, Meet block dropped', () => {
    const result = parseCalendar(ics(...googleMeeting), { windowEnd });
    expect(result.occurrences).toHaveLength(1);
    const [meeting] = result.occurrences;
    expect(meeting.notes).toBe(
      [
        '**Agenda**',
        '',
        '- Promotion case',
        '- Q3 goals & stretch project',
        '',
        'Read [the draft](https://docs.example.com/d/1), then *bring questions*. Thanks!',
      ].join('\n'),
    );
    expect(meeting.kind).toBe('video');
  });

  it("lose the joining blocks of Teams's and Zoom's invitations written in HTML, as Google keeps a forwarded one", () => {
    const rule = '<div>' + '_'.repeat(80) + '</div>';
    const teams = [
      '<div>Agenda: hiring</div><div><br></div>',
      rule,
      '<div><span style="font-size:18pt"><b>Microsoft Teams meeting</b></span></div>',
      '<div><b>Join on your computer, mobile app or room device</b></div>',
      '<div><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0">Click here to join the meeting</a></div>',
      '<div>Meeting ID: 312 456 789 012</div><div>Passcode: aB3cD4</div>',
      '<div><a href="https://aka.ms/JoinTeamsMeeting">Learn More</a> | <a href="https://teams.microsoft.com/meetingOptions/">Meeting options</a></div>',
      rule,
    ].join('');
    expect(meetingNotes(descriptionAsNotes(teams))).toBe('Agenda: hiring');
    const zoom = [
      '<p>Design review, <b>bring the mocks</b></p>',
      '<p>Ana Souza is inviting you to a scheduled Zoom meeting.</p>',
      '<p>Join Zoom Meeting<br><a href="https://us02web.zoom.us/j/81234567890?pwd=x">https://us02web.zoom.us/j/81234567890?pwd=x</a></p>',
      '<p>Meeting ID: 812 3456 7890<br>Passcode: 424242</p>',
    ].join('');
    expect(meetingNotes(descriptionAsNotes(zoom))).toBe('Design review, **bring the mocks**');
  });

  it('leave plain text as it is, angle brackets included, but for its character references', () => {
    for (const plain of [
      'Ana <ana@example.com> joins.\nBudget: 2 < 3, R&D & more',
      'Line one\r\nLine two',
      '',
    ]) {
      expect(descriptionAsNotes(plain)).toBe(plain);
    }
    // Google writes a one-line description typed in its editor as HTML with no tag.
    expect(
      descriptionAsNotes('Q&amp;A with Ana &lt;ana@example.com&gt;&nbsp;&#8211; bring &quot;the deck&quot;'),
    ).toBe('Q&A with Ana <ana@example.com> – bring "the deck"');
  });

  it('keep their line ends, and drop what is not text (styles, scripts, links that are not web or mail)', () => {
    expect(descriptionAsNotes('Notes with <i>one</i> tag\nand a second line')).toBe(
      'Notes with *one* tag\nand a second line',
    );
    expect(
      descriptionAsNotes(
        '<html><head><style>p { color: red }</style><title>x</title></head><body>' +
          '<p>Hello *team*, 2_3_4</p><script>alert(1)</script>' +
          '<p><a href="javascript:alert(1)">Click</a> or <a href="mailto:kim@x.example">mail Kim</a>' +
          ' or <a href="https://x.example/">https://x.example/</a></p><ol><li>First</li><li>Second</li></ol></body></html>',
      ),
    ).toBe(
      'Hello *team*, 2_3_4\n\nClick or [mail Kim](mailto:kim@x.example) or https://x.example/\n\n1. First\n2. Second',
    );
  });
});

/**
 * Outlook's HTML copy of an event's body as its exports write it (MS-OXCICAL's X-ALT-DESC): a
 * whole document converted from the RTF body, TEXT-escaped, folded at 75 octets.
 */
const outlookBody = [
  'X-ALT-DESC;FMTTYPE=text/html:<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//E',
  ' N">\\n<HTML>\\n<HEAD>\\n<META NAME="Generator" CONTENT="MS Exchange Server ve',
  ' rsion rmj.rmm.rup.rpr">\\n<TITLE></TITLE>\\n</HEAD>\\n<BODY>\\n<!-- Converted ',
  ' from text/rtf format -->\\n\\n<P DIR=LTR><SPAN LANG="en-us"><B><FONT FACE="Ca',
  ' libri">Agenda</FONT></B></SPAN></P>\\n\\n<UL DIR=LTR>\\n<LI><SPAN LANG="en-us',
  ' "><FONT FACE="Calibri">Promotion case\\, first draft</FONT></SPAN></LI>\\n\\n<',
  ' LI><SPAN LANG="en-us"><FONT FACE="Calibri">Who else to ask</FONT></SPAN></L',
  ' I>\\n</UL>\\n<P DIR=LTR><SPAN LANG="en-us"><FONT FACE="Calibri">See </FONT></',
  ' SPAN><A HREF="https://docs.example.com/case"><SPAN LANG="en-us"><U><FONT CO',
  ' LOR="#0000FF" FACE="Calibri">the case</FONT></U></SPAN></A><SPAN LANG="en-u',
  ' s"><FONT FACE="Calibri">.</FONT></SPAN></P>\\n\\n</BODY>\\n</HTML>',
];
const outlookNotes =
  '**Agenda**\n\n- Promotion case, first draft\n- Who else to ask\n\nSee [the case](https://docs.example.com/case).';

/** An Outlook meeting with `lines` for its body, and `end` for its last line (none: left open). */
function outlookMeeting(lines: string[], end = ['END:VEVENT']): Buffer {
  return ics(
    'BEGIN:VEVENT',
    'UID:040000008200E00074C5B7101A82E00800000000B0D1A3C5',
    'DTSTART:20250312T100000Z',
    'DTEND:20250312T110000Z',
    'SUMMARY;LANGUAGE=en-us:Sponsor sync',
    'ORGANIZER;CN="Ruth Berg":mailto:ruth@sponsor.example',
    'ATTENDEE;CN="Me Myself";PARTSTAT=ACCEPTED:mailto:me@corp.example',
    ...lines,
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    ...end,
  );
}

describe("Outlook's HTML copy of a body (X-ALT-DESC)", () => {
  it('is left out when the plain copy is there: the notes are the plain one, and ical.js never reads the HTML', () => {
    const file = outlookMeeting(['DESCRIPTION:Agenda\\n* Promotion case\\, first draft', ...outlookBody]);
    expect(parseCalendar(file, { windowEnd }).occurrences[0].notes).toBe(
      'Agenda\n* Promotion case, first draft',
    );
    expect(repairIcs(file).text).not.toMatch(/HTML|X-ALT-DESC/);
  });

  it('makes the notes of a meeting with no plain copy, or a blank one, as Markdown without the layout’s line ends', () => {
    for (const plain of [[], ['DESCRIPTION:\\n'], ['DESCRIPTION: \\n\\n']]) {
      const [meeting] = parseCalendar(outlookMeeting([...plain, ...outlookBody]), { windowEnd }).occurrences;
      expect(meeting.notes).toBe(outlookNotes);
    }
    // An event left open still gets its body when the repair closes it.
    const unclosed = parseCalendar(outlookMeeting(outlookBody, []), { windowEnd });
    expect(unclosed.occurrences.map((o) => o.notes)).toEqual([outlookNotes]);
    expect(repairIcs(outlookMeeting(outlookBody, [])).repairs).toMatchObject({ 'missing END': 1 });
  });

  it('loses its Teams joining block, and makes the meeting a video call', () => {
    const rule =
      '<div style="width:100%;height: 20px;"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36;">' +
      '_'.repeat(80) +
      '</span></div>';
    const body = [
      '<html><body><p>Quarterly check-in\\, bring the numbers</p>',
      rule,
      '<div><span style="font-size: 24px">Microsoft Teams meeting</span></div>',
      '<div><b>Join on your computer\\, mobile app or room device</b></div>',
      '<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0">Click here to join the meeting</a>',
      '<div>Meeting ID: 312 456 789 012<br>Passcode: aB3cD4</div>',
      rule,
      '</body></html>',
    ].join('\\n');
    const [meeting] = parseCalendar(outlookMeeting([`X-ALT-DESC;FMTTYPE=text/html:${body}`]), {
      windowEnd,
    }).occurrences;
    expect(meeting.notes).toBe('Quarterly check-in, bring the numbers');
    expect(meeting.kind).toBe('video');
  });

  it("turns Word's list paragraphs into Markdown lists, bullets and numbers, without the markers Word draws", () => {
    /** A paragraph as Word writes a list item: its marker drawn in a span marked mso-list:Ignore. */
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='margin-left:${level * 0.5}in;text-indent:-.25in;mso-list:l0 level${level} lfo1'>` +
      `<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}` +
      `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>` +
      `${text}<o:p></o:p></p>`;
    const word = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>',
      '<meta name=Generator content="Microsoft Word 15 (filtered medium)">',
      '<style><!-- p.MsoNormal {margin:0in; font-size:11.0pt;} --></style></head>',
      '<body lang=EN-US><div class=WordSection1><p class=MsoNormal>Hi all,<o:p></o:p></p>',
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Agenda:<o:p></o:p></p>',
      item(1, '·', 'Budget for Q3'),
      item(2, 'o', 'Travel'),
      item(1, '·', 'Hiring'),
      '<p class=MsoNormal>Then:<o:p></o:p></p>',
      item(1, '1.', 'Decide'),
      item(1, '2.', 'Tell the team'),
      '<p class=MsoNormal>Thanks,<o:p></o:p></p><p class=MsoNormal>Ruth<o:p></o:p></p></div></body></html>',
    ].join('');
    expect(htmlBodyAsNotes(word)).toBe(
      [
        'Hi all,',
        '',
        'Agenda:',
        '',
        '- Budget for Q3',
        '  - Travel',
        '- Hiring',
        '',
        'Then:',
        '',
        '1. Decide',
        '2. Tell the team',
        '',
        'Thanks,',
        '',
        'Ruth',
      ].join('\n'),
    );
    // Levels Word never writes indent as its first and its ninth.
    expect(htmlBodyAsNotes(item(0, '·', 'Zero') + item(99_999_999, '·', 'Deep'))).toBe(
      `- Zero\n${'  '.repeat(8)}- Deep`,
    );
  });

  it('gives no notes when it cannot be converted, rather than its tags, and the meeting is kept', () => {
    const huge = '<p><span>Minutes</span></p>'.repeat(1_000);
    const result = parseCalendar(
      outlookMeeting([`X-ALT-DESC;FMTTYPE=text/html:<html><body>${huge}</body></html>`]),
      {
        windowEnd,
      },
    );
    expect(result.occurrences.map((o) => [o.title, o.notes])).toEqual([['Sponsor sync', '']]);
    expect(result.skipped).toEqual([]);
  });
});

describe('tables in HTML', () => {
  it('read a row of several cells as one line, and keep what a layout table’s single cells hold', () => {
    const agenda =
      '<p>Agenda</p><table><tr><th>Time</th><th>Topic</th></tr>' +
      '<tr><td>10:00</td><td><p class=MsoNormal>Budget<o:p></o:p></p><p>and costs</p></td></tr>' +
      '<tr><td>10:30</td><td></td><td>Hiring plan</td></tr></table><p>Thanks</p>';
    const lines = 'Time · Topic\n10:00 · Budget and costs\n10:30 · Hiring plan';
    expect(htmlBodyAsNotes(agenda)).toBe(`Agenda\n\n${lines}\n\nThanks`);
    expect(descriptionAsNotes(`Before the call:<br>${agenda}`)).toBe(
      `Before the call:\n\nAgenda\n\n${lines}\n\nThanks`,
    );
    const layout =
      '<table><tr><td><p>Hello team,</p><ul><li>One</li><li>Two</li></ul></td></tr>' +
      '<tr><td><table><tr><td>Room</td><td>4.01</td></tr></table></td></tr></table>';
    expect(htmlBodyAsNotes(layout)).toBe('Hello team,\n\n- One\n- Two\n\nRoom · 4.01');
  });
});

describe('HTML that cannot be converted', () => {
  it('is kept as it is: with more tags than notes have, nested too deep, or longer than notes may be', () => {
    for (const depth of [1_200, 20_000]) {
      const deep = '<div>'.repeat(depth) + 'Agenda' + '</div>'.repeat(depth);
      expect(descriptionAsNotes(deep)).toBe(deep);
    }
    expect(descriptionAsNotes('<div>'.repeat(900) + 'Agenda' + '</div>'.repeat(900))).toBe('Agenda');
    const long = '<p>Minutes of the offsite</p>'.repeat(8_000);
    expect(descriptionAsNotes(long)).toBe(long);
    expect(descriptionAsNotes('<p>Minutes of the offsite</p>'.repeat(100))).toBe(
      'Minutes of the offsite\n\n'.repeat(100).trim(),
    );
  });

  it('does not cost the meeting it describes', () => {
    const deep = '<div>'.repeat(20_000) + 'Agenda' + '</div>'.repeat(20_000);
    const lines = googleMeeting.filter((l) => !l.startsWith('DESCRIPTION:') && !l.startsWith(' '));
    const result = parseCalendar(ics(...lines.slice(0, -1), `DESCRIPTION:${deep}`, 'END:VEVENT'), {
      windowEnd,
    });
    expect(result.occurrences.map((o) => o.title)).toEqual(['Mentoring with Priya']);
    expect(result.occurrences[0].notes).toBe(deep);
    expect(result.skipped).toEqual([]);
  });
});

/** A tag of the kinds the converter looks for, as whole as the HTML parser needs it. */
const HTML_TAG = /<\/?(?:b|ul|li|ol|br|a|table|tr|td)\b[^<>]*>/i;

describe('cleaning any description', () => {
  it('converts every HTML one to text without tags, and leaves text without tags as it is (2,000 inputs)', () => {
    let converted = 0;
    fc.assert(
      fc.property(description, (text) => {
        const notes = descriptionAsNotes(text);
        expect(typeof meetingNotes(notes)).toBe('string');
        if (!text.includes('<') && !text.includes('&')) expect(notes).toBe(text);
        // A conversion that failed would have kept the HTML as it is.
        if (HTML_TAG.test(text)) {
          expect(notes).not.toMatch(HTML_TAG);
          converted++;
        }
        // Read as an HTML body instead, it never gives tags either.
        expect(htmlBodyAsNotes(text)).not.toMatch(HTML_TAG);
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(converted).toBeGreaterThan(500);
  });
});

describe('an imported meeting whose description is HTML', () => {
  const s = storeForEachTest(new Date('2025-06-02T09:00:00Z'));

  it('is stored and found by its words, not its tags', async () => {
    const files = [{ name: 'work.ics', bytes: ics('X-WR-CALNAME:Work', ...googleMeeting) }];
    const preview = await previewImport({ files, windowEnd, selfEmails: ['me@corp.example'] }, s.ctx);
    await commitImport({ previewId: preview.previewId, createPeople: ['priya@mentor.example'] }, s.ctx);
    const notes = s.t.store.sqlite.prepare(`SELECT notes FROM interactions`).pluck().get() as string;
    expect(notes).toContain('- Q3 goals & stretch project');
    expect(notes).not.toMatch(/<|&amp;|google\.com\/url|meet\.google/);
    const found = (words: string) =>
      s.t.store.sqlite
        .prepare(`SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH ?`)
        .pluck()
        .get(words);
    expect(found('stretch')).toBe(1);
    expect(found('li')).toBe(0);
  });
});
