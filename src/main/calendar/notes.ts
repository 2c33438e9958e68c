/**
 * An invitation's description as notes worth keeping: without the joining instructions Teams,
 * Google Meet, Zoom, Webex, Skype for Business (Lync), GoToMeeting, BlueJeans and Amazon Chime
 * append to every meeting (links, dial-in numbers, "Learn more"), which would fill the journal
 * and its search with the same lines thousands of times.
 */
export function meetingNotes(description: string): string {
  if (!MAY_HOLD_JOINING.test(description)) return description;
  const lines = description.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const closing = fenceClosedBy(lines, i);
    if (closing) {
      let end = i + 1;
      while (end < lines.length && !closing.test(lines[end])) end++;
      i = end;
      continue;
    }
    // Webex asks that everything after its marker be left alone: it is all joining details.
    if (WEBEX_MARKER.test(line)) break;
    // Zoom's, GoToMeeting's, BlueJeans's and Chime's blocks, and Teams's and Skype's without
    // their rules, run from their opening line through every line of numbers and links after it.
    if (BLOCK_START.test(line) || (BLUEJEANS_START.test(line) && BLUEJEANS.test(nextText(lines, i)))) {
      // BlueJeans rules its block off with a line it draws; the user's notes end before it.
      if (kept.length > 0 && DRAWN_RULE.test(kept[kept.length - 1])) kept.pop();
      let end = i + 1;
      while (end < lines.length && (lines[end].trim() === '' || JOINING_LINE.test(lines[end]))) end++;
      i = end - 1;
      continue;
    }
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The rule that closes a block fenced from line `i` on, if one opens there: Google Meet's,
 * Teams's and Skype for Business's (the last two may stop at the end), Chime's bridge details.
 */
function fenceClosedBy(lines: string[], i: number): RegExp | null {
  const line = lines[i];
  if (MEET_RULE.test(line)) return MEET_RULE;
  if (UNDERSCORE_RULE.test(line) && TEAMS.test(nextText(lines, i))) return UNDERSCORE_RULE;
  if (DOTTED_RULE.test(line) && SKYPE.test(nextText(lines, i))) return DOTTED_RULE;
  if (CHIME_BRIDGE.test(line)) return EQUALS_RULE;
  return null;
}

/** Cheap test first: most descriptions hold none of it. */
const MAY_HOLD_JOINING =
  /_{10}|-::~|zoom|microsoft teams|do not delete or change|(?:skype|lync) meeting|goto ?meeting|please join my meeting|bluejeans|chime/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const DOTTED_RULE = /^\s*\.{20,}\s*$/;
const EQUALS_RULE = /^\s*={10,}\s*$/;
const DRAWN_RULE = /^\s*[─━]{5,}\s*$/;
const MEET_RULE = /^\s*-::~[:~]*::-\s*$/;
const TEAMS = /microsoft teams/i;
const SKYPE = /^\s*join (?:skype|lync|online) meeting\b/i;
const CHIME_BRIDGE = /^\s*=+\s*conference bridge information\s*=+\s*$/i;
const BLUEJEANS = /bluejeans\.com\//i;
/** "To join the Meeting:" or "Join Meeting" says nothing alone: BlueJeans's link follows it. */
const BLUEJEANS_START = /^\s*(?:to )?join (?:the )?meeting:?\s*$/i;
const WEBEX_MARKER = /^\s*-+\s*do not delete or change any of the following text\.?\s*-+\s*$/i;
const BLOCK_START =
  /is inviting you to a scheduled zoom meeting|^\s*join zoom meeting\s*$|^\s*(?:join )?microsoft teams meeting\b|^\s*join (?:skype|lync) meeting\b|^\s*please join my meeting from your computer|^\s*-*\s*amazon chime meeting\s*-*\s*$/i;
/** A line of joining details: a link to the service, an ID or passcode, a phone number, a heading of them. */
const JOINING_LINE = new RegExp(
  [
    'zoom\\.us|zoomgov\\.com|teams\\.microsoft\\.com|aka\\.ms/|gotomeeting\\.com|gotomeet\\.me|goto\\.com/|officeredir\\.microsoft\\.com|bluejeans\\.com/|bjn\\.vc|chime\\.aws/',
    '^\\s*(?:topic|time|every (?:day|week|month)|(?:daily|weekly|monthly):|please download and import|join zoom meeting|meeting id|conference id|passcode|password|one tap mobile|dial by your location|find your local number|join by sip|join by h\\.323|join instructions|meeting url|join on your computer|click here to join|download teams|join on the web|local numbers|reset pin|learn more|meeting options|trouble joining|join by phone|find a local number|forgot your dial-in pin|you can also dial in|access code|new to goto ?meeting|join from a video-conferencing room)\\b',
    // BlueJeans's headings ("----[Join from a phone]----") and numbered steps.
    '^\\s*(?:to join via (?:room system|phone)|video conferencing system|\\d\\)\\s*(?:dial|enter|press)|\\(see all numbers|participant passcode|want to test your video connection|-+\\s*\\[[^\\]]*\\]\\s*-+\\s*$)',
    // Amazon Chime's.
    '^\\s*(?:click to join the meeting|a headset is recommended|call in using your (?:mobile )?phone|one-click mobile dial-in|international:|dial-in attendees|join via (?:chime|browser|phone)|in-room video system|chime meeting id)',
    // Skype for Business's language tag, the last line of its block.
    '^\\s*\\[!oc\\(\\[\\d+\\]\\)!\\]\\s*$',
    // A country's number: "United States: +1 (571) 317-3122", "Redmond: +1 425 555 0100",
    // "United States Toll-Free (1): +1 855-552-4463".
    '^\\s*[\\p{L} ().-]{2,40}(?:\\(\\d{1,3}\\))?:\\s*\\+?\\d[\\d\\s().-]{6,}$',
    '^\\s*[•·]?\\s*[+\\d][\\d\\s,#*().-]{6,}',
    '^\\s*(?:[\\d.]+\\s*\\(.*\\)|[a-z0-9.-]+@zoomcrc\\.com)\\s*$',
    '^\\s*---+\\s*$',
    DRAWN_RULE.source,
  ].join('|'),
  'iu',
);

/** The first line with text after line `i`. */
function nextText(lines: string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== '') return lines[j];
  return '';
}
