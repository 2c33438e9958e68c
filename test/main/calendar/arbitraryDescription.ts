import fc from 'fast-check';

/**
 * Pieces of descriptions as broken as calendars hold them: tags cut short, entities, links that
 * are not web links, Google's redirects (one badly escaped), joining blocks and their rules.
 */
const piece = fc.constantFrom(
  '<b>',
  '</b>',
  '<ul><li>',
  '</li>',
  '<ol>',
  '<br>',
  '<p',
  '>',
  '&nbsp;',
  '&amp;',
  '&#x110000;',
  '<a href="javascript:alert(1)">',
  '<a href="https://www.google.com/url?q=https%3A%2F%2Fx.example&sa=D">',
  '<a href="https://www.google.com/url?q=%E0%A4%A">',
  '<a>',
  '</a>',
  '<table><tr><td>',
  '<script>',
  '<style>',
  '<!--',
  '\\n',
  '\n',
  '-   ',
  '-::~:~::~:~::-',
  '________________',
  'Microsoft Teams meeting',
  'Join Zoom Meeting',
  'To join the Meeting:',
  'https://bluejeans.com/1',
  '==== Conference Bridge Information ====',
);

/** A calendar event's description: plain text, or broken HTML with joining blocks in it. */
export const description = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join('')),
);
