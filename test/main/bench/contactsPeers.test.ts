import { afterAll, describe, expect, it } from 'vitest';
import { cases, dispose } from '../../../bench/cases/contacts';

/*
 * The contacts bench times the list against hand-written statements doing the same work; its
 * setup refuses to time a peer whose answer differs from the list's. Run here so a change to the
 * list's rows that the peer does not follow fails CI, not the next bench run.
 */
describe('the contacts bench', () => {
  afterAll(async () => {
    await dispose();
  });

  for (const benchCase of cases) {
    it(`"${benchCase.name}": the peer answers exactly as the list does`, async () => {
      const state = await benchCase.setup();
      expect(state).toBeTruthy();
      await benchCase.teardown?.(state);
    });
  }
});
