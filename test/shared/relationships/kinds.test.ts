import { describe, expect, it } from 'vitest';
import {
  relationshipEnds,
  relationshipKinds,
  relationshipLabel,
  relationshipRoles,
  relationshipWording,
} from '../../../src/shared/relationships/kinds';

describe('relationship wording', () => {
  it('offers each phrase once: symmetric kinds from one end, the others from both', () => {
    expect(relationshipRoles.map((r) => r.label)).toEqual([
      'Introduced by',
      'Introduced you to',
      'Reports to',
      'Manages',
      'Mentors',
      'Mentored by',
      'Works with',
      'Knows',
    ]);
    for (const kind of relationshipKinds) {
      const { symmetric } = relationshipWording[kind];
      expect(relationshipLabel(kind, 'from') === relationshipLabel(kind, 'to')).toBe(symmetric);
    }
  });

  it('stores a phrase read on the other end the other way round', () => {
    // "Manages Tomás" on Ana's page: Tomás reports to Ana.
    expect(relationshipEnds('to', 1, 2)).toEqual({ fromId: 2, toId: 1 });
    expect(relationshipEnds('from', 1, 2)).toEqual({ fromId: 1, toId: 2 });
  });
});
