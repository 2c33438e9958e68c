import { describe, expect, it } from 'vitest';
import { careerSteps, previousRoleInEntry, tenureText } from '../../../src/shared/contacts/career';
import { jobChangeEntry } from '../../../src/shared/contacts/jobChange';

describe('careerSteps', () => {
  const change = (
    interactionId: number,
    at: string,
    organisation: string | null,
    title: string | null = null,
  ) => ({
    interactionId,
    at,
    previous: { organisation, title },
  });

  it('orders the changes by time whatever order they come in, the role now first', () => {
    const steps = careerSteps({ organisation: ' Globex ', title: '' }, [
      change(9, '2025-05-01T00:00:00.000Z', 'Initech', 'Lead'),
      change(4, '2021-01-01T00:00:00.000Z', 'Acme'),
    ]);
    expect(steps).toEqual([
      { organisation: 'Globex', title: null, since: '2025-05-01T00:00:00.000Z', until: null, endedBy: null },
      {
        organisation: 'Initech',
        title: 'Lead',
        since: '2021-01-01T00:00:00.000Z',
        until: '2025-05-01T00:00:00.000Z',
        endedBy: 9,
      },
      { organisation: 'Acme', title: null, since: null, until: '2021-01-01T00:00:00.000Z', endedBy: 4 },
    ]);
  });

  it('is empty without a recorded change, and leaves out a role now that is not known (they left)', () => {
    expect(careerSteps({ organisation: 'Acme', title: 'CTO' }, [])).toEqual([]);
    const left = careerSteps({ organisation: null, title: null }, [
      change(1, '2024-01-01T00:00:00.000Z', 'Acme'),
    ]);
    expect(left.map((s) => s.organisation)).toEqual(['Acme']);
  });

  it('orders two changes recorded at the same moment by their entries', () => {
    const at = '2024-01-01T00:00:00.000Z';
    const steps = careerSteps({ organisation: 'C' }, [change(8, at, 'B'), change(7, at, 'A')]);
    expect(steps.map((s) => s.organisation)).toEqual(['C', 'B', 'A']);
  });
});

describe('previousRoleInEntry', () => {
  it('reads the organisation left from each wording jobChangeEntry writes', () => {
    const read = (
      before: { organisation?: string; title?: string },
      after: { organisation?: string; title?: string },
    ) => previousRoleInEntry(jobChangeEntry(before, after).title);
    expect(read({ organisation: 'Northwind Traders' }, { organisation: 'Litware Inc.' })).toEqual({
      organisation: 'Northwind Traders',
      title: null,
    });
    expect(read({ organisation: 'Acme' }, {})).toEqual({ organisation: 'Acme', title: null });
    expect(read({ organisation: 'Acme', title: 'Lead' }, { organisation: 'Acme', title: 'CTO' })).toEqual({
      organisation: 'Acme',
      title: null,
    });
    expect(read({ title: 'Lead' }, { title: 'CTO' })).toEqual({ organisation: null, title: null });
  });

  it('says nothing of an entry the user rewrote', () => {
    expect(previousRoleInEntry('Ana starts at Globex on Monday')).toEqual({
      organisation: null,
      title: null,
    });
  });
});

describe('tenureText', () => {
  it('counts whole months, in years and months', () => {
    expect(tenureText('2021-01-15T00:00:00Z', '2023-04-20T00:00:00Z')).toBe('2 years 3 months');
    expect(tenureText('2021-01-15T00:00:00Z', '2023-04-10T00:00:00Z')).toBe('2 years 2 months');
    expect(tenureText('2021-01-15T00:00:00Z', '2022-01-15T00:00:00Z')).toBe('1 year');
    expect(tenureText('2021-01-15T00:00:00Z', '2021-02-15T00:00:00Z')).toBe('1 month');
    expect(tenureText('2021-01-15T00:00:00Z', '2021-02-10T00:00:00Z')).toBe('less than a month');
  });
});
