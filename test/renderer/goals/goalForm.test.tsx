import { describe, expect, it } from 'vitest';
import {
  draftFrom,
  draftFromGoal,
  fieldErrors,
  fieldsFrom,
} from '../../../src/renderer/src/features/goals/GoalForm';
import { RapportError } from '../../../src/renderer/src/api/client';
import { goalFieldsSchema, noGoalFilter } from '../../../src/shared/goals/schemas';
import { goalTemplates } from '../../../src/shared/goals/templates';

describe('goal form drafts', () => {
  it('turns every template into a draft and back into fields main accepts', () => {
    for (const t of goalTemplates('2026-11-25')) {
      const draft = draftFrom(t.fields);
      if (t.fields.measure === 'relationship') draft.contacts = [{ contactId: 4, displayName: 'Sam' }];
      const parsed = goalFieldsSchema.safeParse(fieldsFrom(draft));
      expect(parsed.success, t.id).toBe(true);
      expect(parsed.data?.template).toBe(t.id);
    }
  });

  it('keeps milestone ids and linked contacts when editing a saved goal', () => {
    const draft = draftFromGoal(
      {
        id: 1,
        title: 'Tell sponsors',
        why: '',
        startDate: '2026-11-01',
        dueDate: null,
        status: 'active',
        measure: 'milestones',
        target: null,
        period: 'total',
        peopleSource: 'interactions',
        targetLayer: null,
        filter: { ...noGoalFilter },
        template: null,
        createdAt: '',
        updatedAt: '',
      },
      new Map(),
      [
        {
          id: 9,
          title: 'Tell Maria',
          contactId: 3,
          contactName: 'Maria',
          kinds: ['coffee'],
          keyword: 'promotion',
          doneAt: null,
          matchedInteractionId: null,
          done: false,
        },
      ],
    );
    expect(draft.milestones[0].contact).toEqual([{ contactId: 3, displayName: 'Maria' }]);
    expect(fieldsFrom(draft).milestones).toEqual([
      { id: 9, title: 'Tell Maria', contactId: 3, kinds: ['coffee'], keyword: 'promotion' },
    ]);
  });

  it('puts VALIDATION details on their fields', () => {
    const error = new RapportError({
      code: 'VALIDATION',
      message: 'Invalid',
      details: [
        { path: ['target'], message: 'The target must be more than zero' },
        { path: ['filter', 'contactIds', '1'], message: 'Contact 7 no longer exists' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      target: 'The target must be more than zero',
      'filter.contactIds.1': 'Contact 7 no longer exists',
    });
    expect(fieldErrors(null)).toEqual({});
  });
});
