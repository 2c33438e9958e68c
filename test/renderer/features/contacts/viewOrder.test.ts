import { describe, expect, it } from 'vitest';
import { movedTo } from '../../../../src/renderer/src/features/contacts/viewOrder';

describe('moving a saved view among the others', () => {
  const ids = [10, 20, 30, 40];
  it('takes the view out and puts it at the place given', () => {
    expect(movedTo(ids, 40, 0)).toEqual([40, 10, 20, 30]);
    expect(movedTo(ids, 10, 2)).toEqual([20, 30, 10, 40]);
    expect(movedTo(ids, 20, 1 + 1)).toEqual([10, 30, 20, 40]);
  });

  it('stops at the ends, and gives the same order back when nothing moves', () => {
    expect(movedTo(ids, 10, -1)).toBe(ids);
    expect(movedTo(ids, 40, 4)).toBe(ids);
    expect(movedTo(ids, 30, 9)).toEqual([10, 20, 40, 30]);
    expect(movedTo(ids, 99, 0)).toBe(ids);
  });
});
