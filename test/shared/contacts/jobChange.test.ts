import { describe, expect, it } from 'vitest';
import { isJobChange, jobChangeEntry } from '../../../src/shared/contacts/jobChange';

describe('what counts as a job change', () => {
  it.each([
    [
      'a move to another organisation',
      { organisation: 'Acme', title: 'Designer' },
      { organisation: 'Globex', title: 'Designer' },
      true,
    ],
    ['leaving, with nowhere new known', { organisation: 'Acme' }, { organisation: null }, true],
    [
      'a new title where they are',
      { organisation: 'Acme', title: 'Designer' },
      { organisation: 'Acme', title: 'Lead designer' },
      true,
    ],
    [
      'an organisation filled in where there was none',
      { organisation: null, title: 'CTO' },
      { organisation: 'Acme', title: 'CTO' },
      false,
    ],
    [
      'a title filled in where there was none',
      { organisation: 'Acme', title: null },
      { organisation: 'Acme', title: 'CTO' },
      false,
    ],
    ['a title removed', { organisation: 'Acme', title: 'CTO' }, { organisation: 'Acme', title: '' }, false],
    [
      'a change of case or spaces',
      { organisation: 'acme ', title: 'cto' },
      { organisation: 'Acme', title: 'CTO' },
      false,
    ],
    ['nothing known before', {}, { organisation: 'Acme', title: 'CTO' }, false],
  ])('%s: %s', (_what, before, after, expected) => {
    expect(isJobChange(before, after)).toBe(expected);
  });
});

describe('how the timeline says it', () => {
  it('names both organisations for a move, and the new position in the notes', () => {
    expect(jobChangeEntry({ organisation: 'Acme' }, { organisation: 'Globex', title: 'VP Design' })).toEqual({
      title: 'Moved from Acme to Globex',
      notes: 'Position: VP Design',
    });
  });

  it('says who they left when there is nowhere new', () => {
    expect(jobChangeEntry({ organisation: ' Acme ', title: 'CTO' }, { organisation: '', title: '' })).toEqual(
      {
        title: 'Left Acme',
        notes: '',
      },
    );
  });

  it('names the new position at the same organisation, or without one', () => {
    expect(
      jobChangeEntry({ organisation: 'Acme', title: 'Designer' }, { organisation: 'Acme', title: 'Lead' }),
    ).toEqual({
      title: 'New position at Acme: Lead',
      notes: 'Position: Lead',
    });
    expect(jobChangeEntry({ title: 'Designer' }, { title: 'Lead' }).title).toBe('New position: Lead');
  });
});
