import { describe, expect, it } from 'vitest';
import { previewOf } from '../../../src/main/journal/repository';

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
    // A dash in a sentence, a year with a dot, are not list items.
    expect(previewOf('Met Ana - briefly\n2025. A good year')).toBe('Met Ana - briefly 2025. A good year');
  });
});
