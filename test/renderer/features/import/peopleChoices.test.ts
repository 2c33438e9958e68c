import { describe, expect, it } from 'vitest';
import type { CalendarPreview, PreviewPerson } from '../../../../src/shared/calendar/schemas';
import {
  carriedChoices,
  firstChoices,
  peopleChoices,
} from '../../../../src/renderer/src/features/import/peopleChoices';

const person = (email: string, more: Partial<PreviewPerson> = {}): PreviewPerson => ({
  email,
  name: email.split('@')[0],
  contactId: null,
  meetings: 1,
  droppedBefore: false,
  sameNameAs: null,
  looksLikeYou: false,
  lastMeeting: { title: 'Sync', startsAt: '2025-03-03T09:00:00.000Z' },
  ...more,
});
const preview = (...newPeople: PreviewPerson[]) => ({ newPeople }) as CalendarPreview;

describe("the user's choices among new people", () => {
  it("start with the people dropped in an earlier import, or with the user's name, unticked", () => {
    const first = firstChoices(
      preview(person('a@x'), person('b@x', { droppedBefore: true }), person('me@x', { looksLikeYou: true })),
    );
    expect([...first.dropped]).toEqual(['b@x', 'me@x']);
    expect(first.asNew.size).toBe(0);
  });

  it('carry over to the next preview of the same files for whoever is still proposed', () => {
    const before = preview(
      person('kept@x', { droppedBefore: true }),
      person('dropped@x'),
      person('own@x', { sameNameAs: { id: 3, name: 'Own' } }),
      person('gone@x'),
    );
    const choices = { dropped: new Set(['dropped@x', 'gone@x']), asNew: new Set(['own@x']) };
    const next = preview(
      person('kept@x', { droppedBefore: true }),
      person('dropped@x'),
      person('own@x', { sameNameAs: { id: 3, name: 'Own' } }),
      person('new@x'),
      person('newDropped@x', { droppedBefore: true }),
    );
    const carried = carriedChoices(before, choices, next);
    // The user re-ticked someone dropped last time: that stands. Someone new starts as in a first preview.
    expect([...carried.dropped].sort()).toEqual(['dropped@x', 'newDropped@x']);
    expect([...carried.asNew]).toEqual(['own@x']);
  });

  it('split the kept people into contacts to create and addresses to add', () => {
    const p = preview(
      person('a@x'),
      person('b@x', { sameNameAs: { id: 7, name: 'B' } }),
      person('c@x', { sameNameAs: { id: 8, name: 'C' } }),
      person('d@x'),
    );
    expect(peopleChoices(p, { dropped: new Set(['d@x']), asNew: new Set(['c@x']) })).toEqual({
      createPeople: ['a@x', 'c@x'],
      linkPeople: [{ email: 'b@x', contactId: 7 }],
    });
  });
});
