import { describe, expect, it } from 'vitest';
import { circleFor, workDomains } from '../../../src/shared/calendar/newPeopleCircle';

describe('the circle of new contacts', () => {
  it("takes the user's work domains, not a mailbox provider's", () => {
    expect(
      workDomains(['me@acme.example', 'me.myself@gmail.com', 'sam@acme.example', 'x@icloud.com']),
    ).toEqual(['acme.example']);
    expect(workDomains(['me@gmail.com'])).toEqual([]);
  });

  it('makes colleagues of those at a work domain by domain, and gives one circle, or none, to all otherwise', () => {
    const domains = ['acme.example'];
    expect(circleFor('ana@acme.example', 'by_domain', domains)).toBe('colleague');
    expect(circleFor('bo@partner.example', 'by_domain', domains)).toBeNull();
    // A subsidiary's subdomain is another domain.
    expect(circleFor('cy@eu.acme.example', 'by_domain', domains)).toBeNull();
    expect(circleFor('bo@partner.example', 'mentor', domains)).toBe('mentor');
    expect(circleFor('ana@acme.example', null, domains)).toBeNull();
  });
});
