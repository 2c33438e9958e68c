import { describe, expect, it } from 'vitest';
import { importOutcome, type ImportCounts } from '../../../src/shared/calendar/outcome';

const counts = (more: Partial<ImportCounts> = {}): ImportCounts => ({
  created: 6,
  updated: 0,
  contactsCreated: 1,
  addressesAdded: 0,
  withdrawn: 0,
  seriesRemoved: 0,
  deletedRemoved: 0,
  unansweredRemoved: 0,
  ...more,
});

describe("an import's outcome in words", () => {
  it('names meetings and contacts, and leaves out additions and removals that did not happen', () => {
    expect(importOutcome(counts(), 'full')).toBe('6 meetings created, 0 updated, 1 new contact');
    expect(importOutcome(counts(), 'short')).toBe('6 created, 0 updated, 1 new contact');
    expect(importOutcome(counts({ created: 1, contactsCreated: 0 }), 'full')).toBe(
      '1 meeting created, 0 updated, 0 new contacts',
    );
  });

  it('says where addresses went and which meetings were removed, briefly for the history', () => {
    const c = counts({ created: 0, updated: 2, addressesAdded: 2, withdrawn: 1 });
    expect(importOutcome(c, 'full')).toBe(
      '0 meetings created, 2 updated, 1 new contact, 2 addresses added to contacts you had, 1 meeting cancelled or not attended removed',
    );
    expect(importOutcome(c, 'short')).toBe(
      '0 created, 2 updated, 1 new contact, 2 addresses added, 1 cancelled or not attended removed',
    );
  });

  it('counts the meetings removed with the series left out apart from the cancelled ones', () => {
    const c = counts({ created: 0, contactsCreated: 0, withdrawn: 2, seriesRemoved: 1 });
    expect(importOutcome(c, 'full')).toBe(
      '0 meetings created, 0 updated, 0 new contacts, 2 meetings cancelled or not attended removed, 1 meeting of series left out removed',
    );
    expect(importOutcome(c, 'short')).toBe(
      '0 created, 0 updated, 0 new contacts, 2 cancelled or not attended removed, 1 of series left out removed',
    );
  });

  it('counts the meetings removed as the calendar no longer holds them apart from the others', () => {
    const c = counts({ created: 0, contactsCreated: 0, seriesRemoved: 1, deletedRemoved: 3 });
    expect(importOutcome(c, 'full')).toBe(
      '0 meetings created, 0 updated, 0 new contacts, 1 meeting of series left out removed, 3 meetings no longer in the calendar removed',
    );
    expect(importOutcome(c, 'short')).toBe(
      '0 created, 0 updated, 0 new contacts, 1 of series left out removed, 3 no longer in the calendar removed',
    );
  });

  it('counts the meetings never answered removed apart from the others', () => {
    const c = counts({ created: 0, contactsCreated: 0, deletedRemoved: 1, unansweredRemoved: 2 });
    expect(importOutcome(c, 'full')).toBe(
      '0 meetings created, 0 updated, 0 new contacts, 1 meeting no longer in the calendar removed, 2 meetings never answered removed',
    );
    expect(importOutcome(c, 'short')).toBe(
      '0 created, 0 updated, 0 new contacts, 1 no longer in the calendar removed, 2 never answered removed',
    );
  });
});
