import { describe, expect, it } from 'vitest';
import { previewOf } from '../../../src/main/journal/plainNotes';

describe("an entry's notes on one line", () => {
  it('keeps the words of links and mentions, and drops Markdown marks', () => {
    expect(previewOf('Talked about the **staff** promotion with [Ana](rapport://contact/3).\n\n# Next')).toBe(
      'Talked about the staff promotion with Ana. Next',
    );
  });

  it('runs list items on after a dot, as a calendar’s formatted agenda becomes', () => {
    expect(previewOf('**Agenda**\n\n- Promotion case\n- Q3 goals & stretch\n\n1. First\n2) Second')).toBe(
      'Agenda · Promotion case · Q3 goals & stretch · First · Second',
    );
    // A rule between parts is not a word.
    expect(previewOf('Before\n\n---\n\n* * *\n\nAfter')).toBe('Before · After');
    // A dash in a sentence, a year with a dot, are not list items.
    expect(previewOf('Met Ana - briefly\n2025. A good year')).toBe('Met Ana - briefly 2025. A good year');
  });

  it('ends a heading or a paragraph without a stop with a dot, not running it into the next part', () => {
    expect(previewOf('## Next steps\nSend Ana the deck\n\nAsk Ben about the budget')).toBe(
      'Next steps · Send Ana the deck · Ask Ben about the budget',
    );
    // A part that ends with a stop needs none; lines of one paragraph stay one sentence.
    expect(previewOf('Good talk.\n\nWe agreed to\nmeet monthly')).toBe(
      'Good talk. We agreed to meet monthly',
    );
    // A heading before a list: the items' dots suffice, and none trails at the end.
    expect(previewOf('# Agenda\n\n- Budget\n- Hiring\n\n# Notes')).toBe('Agenda · Budget · Hiring · Notes');
  });

  it('keeps marks that are part of the words: a name with an underscore, a sum, a language, a count', () => {
    expect(
      previewOf(
        'Reviewed `deploy_prod.sh` and *lena_fischer*’s ~~old~~ plan: 2*3 teams, C# and F#, > 50 people',
      ),
    ).toBe('Reviewed deploy_prod.sh and lena_fischer’s old plan: 2*3 teams, C# and F#, > 50 people');
    expect(previewOf('## Q3 — _priority_ #1\n> quoted **bold** line\n5 * 3 = 15\n#2 hire')).toBe(
      'Q3 — priority #1 · quoted bold line 5 * 3 = 15 #2 hire',
    );
  });
});
