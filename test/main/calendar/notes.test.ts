import { describe, expect, it } from 'vitest';
import { meetingNotes } from '../../../src/main/calendar/notes';

const teams = [
  '________________________________________________________________________________',
  'Microsoft Teams meeting',
  'Join on your computer, mobile app or room device',
  'Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0>',
  'Meeting ID: 312 456 789 012',
  'Passcode: aB3cD4',
  'Download Teams<https://www.microsoft.com/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>',
  'Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/>',
  '________________________________________________________________________________',
];

const meet = [
  '-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-',
  'Join with Google Meet: https://meet.google.com/abc-defg-hij',
  'Or dial: (GB) +44 20 3937 4355 PIN: 123 456 789#',
  'More phone numbers: https://tel.meet/abc-defg-hij?pin=123456789',
  '',
  'Learn more about Meet at: https://support.google.com/a/users/answer/9282720',
  '',
  'Please do not edit this section.',
  '-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-',
];

const zoom = [
  'Ana Souza is inviting you to a scheduled Zoom meeting.',
  '',
  'Topic: Design review',
  'Time: Jan 6, 2025 10:00 AM London',
  '',
  'Join Zoom Meeting',
  'https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu',
  '',
  'Meeting ID: 812 3456 7890',
  'Passcode: 424242',
  '',
  '---',
  '',
  'One tap mobile',
  '+442034815237,,81234567890#,,,,*424242# United Kingdom',
  '+442039017895,,81234567890#,,,,*424242# United Kingdom',
  '',
  'Dial by your location',
  '• +44 203 481 5237 United Kingdom',
  '        +44 203 901 7895 United Kingdom',
  '',
  'Find your local number: https://us02web.zoom.us/u/kb1cDeFgH',
];

/** Outlook's Skype for Business (earlier Lync) block, between rules of dots. */
const skype = [
  '.........................................................................................................................................',
  'Join Skype Meeting<https://meet.contoso.com/jdoe/ABC1D2E3>',
  'Trouble Joining? Try Skype Web App<https://meet.contoso.com/jdoe/ABC1D2E3?sl=1>',
  'Join by phone',
  '',
  '+1 (425) 555-0100 (Redmond)                      English (United States)',
  'Find a local number<https://dialin.contoso.com>',
  '',
  'Conference ID: 4827391',
  'Forgot your dial-in PIN?<https://dialin.contoso.com> |Help<https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033&p1=5&p2=2009>',
  '',
  '[!OC([1033])!]',
  '.........................................................................................................................................',
];

const goToMeeting = [
  'Please join my meeting from your computer, tablet or smartphone.',
  'https://global.gotomeeting.com/join/123456789',
  '',
  'You can also dial in using your phone.',
  'United States: +1 (571) 317-3122',
  'Deutschland: +49 692 5736 7317',
  '',
  'Access Code: 123-456-789',
  '',
  'New to GoToMeeting? Get the app now and be ready when your first meeting starts:',
  'https://global.gotomeeting.com/install/123456789',
];

/** BlueJeans's invitation as it was for years, and as it was at the end, ruled off with drawn lines. */
const blueJeans = [
  'To join the Meeting:',
  'https://bluejeans.com/123456789',
  '',
  'To join via Room System:',
  'Video Conferencing System: bjn.vc -or-199.48.152.152',
  'Meeting ID : 123456789',
  '',
  'To join via phone :',
  '1)  Dial:',
  '\t+1.408.740.7256 (United States)',
  '\t+1.888.240.2560 (US Toll Free)',
  '\t(see all numbers - http://bluejeans.com/numbers)',
  '2)  Enter Conference ID : 123456789',
];
const blueJeansLater = [
  '──────────',
  'Join Meeting',
  'https://bluejeans.com/123456789/1234?src=calendarLink',
  '',
  '----[Join from a phone]----',
  '+1.408.419.1715 (United States(San Jose))',
  '(Global Numbers: https://www.bluejeans.com/numbers-directory)',
  'Meeting ID: 123 456 789',
  'Participant Passcode: 1234',
  '',
  '----[Join from a room system]----',
  '1) Dial: 199.48.152.152 or bjn.vc',
  '2) Enter Meeting ID: 123456789',
  '3) Press #',
  '',
  '----[Want to test your video connection?]----',
  'https://bluejeans.com/111',
  '',
  '──────────',
];

/** Amazon Chime's invitation, and the bridge details Amazon's own calendars carry. */
const chime = [
  '-- Amazon Chime Meeting --',
  'Click to join the meeting: https://chime.aws/1234567890',
  'Meeting ID: 1234 56 7890',
  '',
  "A headset is recommended or you can use your computer's microphone and speakers.",
  '',
  'Call in using your phone:',
  'United States Toll-Free (1): +1 855-552-4463',
  'Meeting ID: 1234 56 7890',
  'One-click Mobile Dial-in (United States Toll-Free (1)): +1 855-552-4463,,,1234567890#',
  'International: https://chime.aws/dialinnumbers/',
  '',
  'Dial-in attendees must enter the meeting ID and the # key.',
];
const chimeBridge = [
  '==============Conference Bridge Information==============',
  'You have been invited to an online meeting, powered by Amazon Chime.',
  'Chime meeting ID: 1234567890',
  "Join via Chime clients (manually): Select 'Meetings > Join a Meeting', and enter 1234567890",
  'Join via browser screen share: https://chime.aws/1234567890',
  'Join via phone (US): +1-929-432-4463,,,1234567890#',
  'In-room video system: Ext: 62000 Meeting PIN: 1234567890#',
  '=================================================',
];

describe('meeting notes', () => {
  it('keeps what was written and drops the Teams block', () => {
    expect(meetingNotes(['Agenda: hiring plan for Q3.', '', ...teams].join('\r\n'))).toBe(
      'Agenda: hiring plan for Q3.',
    );
    // A Teams block alone leaves nothing; one whose closing rule is missing runs to the end.
    expect(meetingNotes(teams.join('\n'))).toBe('');
    expect(meetingNotes(['Bring the numbers.', ...teams.slice(0, -1)].join('\n'))).toBe('Bring the numbers.');
  });

  it('drops an older Teams invitation that has no rules, through its dial-in lines', () => {
    const older = [
      'Sprint planning',
      '',
      'Join Microsoft Teams Meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc>',
      '+1 323-555-0166   United States, Los Angeles (Toll)',
      'Conference ID: 123 456 789#',
      'Local numbers<https://dialin.teams.microsoft.com/> | Reset PIN<https://mysettings.lync.com/pstnconferencing> | Learn more about Teams<https://aka.ms/JoinTeamsMeeting>',
      '',
      'Please read the brief before.',
    ];
    expect(meetingNotes(older.join('\n'))).toBe('Sprint planning\n\nPlease read the brief before.');
  });

  it("drops Google Meet's fenced block and keeps the text on both sides", () => {
    expect(meetingNotes(['Before', ...meet, 'After'].join('\n'))).toBe('Before\nAfter');
  });

  it("drops Zoom's invitation with its dial-in numbers, and what follows it stays", () => {
    expect(
      meetingNotes(['Review the mock-ups first.', '', ...zoom, '', 'Notes: decide on colours.'].join('\n')),
    ).toBe('Review the mock-ups first.\n\nNotes: decide on colours.');
  });

  it("drops everything after Webex's marker", () => {
    expect(
      meetingNotes(
        [
          'Quarterly check-in.',
          '-- Do not delete or change any of the following text. --',
          "When it's time, join your Webex meeting here.",
          'Meeting number (access code): 2634 123 4567',
        ].join('\n'),
      ),
    ).toBe('Quarterly check-in.');
  });

  it("drops Skype for Business's fenced block, and the block without its rules", () => {
    expect(meetingNotes(['Budget review.', '', ...skype, 'Bring Q2 actuals.'].join('\r\n'))).toBe(
      'Budget review.\n\nBring Q2 actuals.',
    );
    expect(
      meetingNotes(['Budget review.', '', ...skype.slice(1, -1), '', 'Bring Q2 actuals.'].join('\n')),
    ).toBe('Budget review.\n\nBring Q2 actuals.');
  });

  it("drops GoToMeeting's invitation through its numbers and access code", () => {
    expect(
      meetingNotes(['Vendor demo, 30 minutes.', '', ...goToMeeting, '', 'Ask about pricing.'].join('\n')),
    ).toBe('Vendor demo, 30 minutes.\n\nAsk about pricing.');
  });

  it("drops BlueJeans's invitation, old and late, and its drawn rules", () => {
    expect(meetingNotes(['Quarterly review.', '', ...blueJeans, '', 'Slides on the drive.'].join('\n'))).toBe(
      'Quarterly review.\n\nSlides on the drive.',
    );
    expect(meetingNotes(['Roadmap sync', ...blueJeansLater, 'Bring Q3 numbers'].join('\n'))).toBe(
      'Roadmap sync\nBring Q3 numbers',
    );
    // "Join meeting" alone is the user's words: only BlueJeans's link after it makes it a block.
    const own = 'Join meeting:\nhttps://intranet.example/agenda\nSecond half on hiring';
    expect(meetingNotes(own)).toBe(own);
  });

  it("drops Amazon Chime's invitation and its fenced bridge details", () => {
    expect(meetingNotes(['Launch retro.', '', ...chime].join('\n'))).toBe('Launch retro.');
    expect(meetingNotes(['Weekly ops', ...chimeBridge, 'Owner: Kim'].join('\r\n'))).toBe(
      'Weekly ops\nOwner: Kim',
    );
    const own = 'Chime in with ideas for the offsite.\nInternational: travel budget pending';
    expect(meetingNotes(own)).toBe(own);
  });

  it('leaves notes without any of it as they are, rules and the word Zoom included', () => {
    const own = 'Talk about the zoom lens budget.\n__________\nSign-off line';
    expect(meetingNotes(own)).toBe(own);
    // A rule of dots, a Skype meeting mentioned, times and numbers of one's own stay.
    const dotted = [
      'Agenda',
      '........................................',
      'We moved the Skype meeting with Lee to Friday.',
      'Timeline: Berlin: 2025 plan',
      'Budget: 120000',
    ].join('\n');
    expect(meetingNotes(dotted)).toBe(dotted);
    expect(meetingNotes('Plain notes\r\nover two lines')).toBe('Plain notes\r\nover two lines');
  });
});
