import { describe, expect, it } from 'vitest';
import {
  contactIdFromHref,
  mentionedContactIds,
  mentionMarkdown,
  retargetMentions,
} from '../../../src/shared/journal/mentions';
import { effectiveCadence, defaultCadences } from '../../../src/shared/journal/cadence';

describe('mentions', () => {
  it('round-trips a mention as a Markdown link and finds each id once', () => {
    const notes = `Met ${mentionMarkdown(12, 'Ana [AS] Souza')} and ${mentionMarkdown(7, 'Bruno')}; ${mentionMarkdown(12, 'Ana')} again. [a link](https://x.example)`;
    expect(notes).toContain('[@Ana AS Souza](rapport://contact/12)');
    expect(mentionedContactIds(notes)).toEqual([12, 7]);
    expect(contactIdFromHref('rapport://contact/12')).toBe(12);
    expect(contactIdFromHref('https://evil.example/rapport://contact/12')).toBeNull();
    expect(retargetMentions(notes, 12, 3)).not.toContain('contact/12)');
    expect(mentionedContactIds(retargetMentions(notes, 12, 3))).toEqual([3, 7]);
  });
});

describe('cadence', () => {
  it('takes the contact override, then "none", then the most demanding circle', () => {
    expect(effectiveCadence(10, true, ['mentor'], defaultCadences)).toEqual({ days: 10, source: 'contact' });
    expect(effectiveCadence(null, true, ['mentor'], defaultCadences)).toEqual({ days: null, source: 'none' });
    expect(effectiveCadence(null, false, ['colleague', 'mentor'], defaultCadences)).toEqual({
      days: 30,
      source: 'circle',
    });
    expect(effectiveCadence(null, false, ['other'], defaultCadences)).toEqual({ days: null, source: 'none' });
  });
});
