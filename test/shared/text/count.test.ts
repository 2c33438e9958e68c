import { describe, expect, it } from 'vitest';
import { count } from '../../../src/shared/text/count';

describe('count', () => {
  it('puts the noun in the singular for one only', () => {
    expect(count(1, 'meeting')).toBe('1 meeting');
    expect(count(0, 'meeting')).toBe('0 meetings');
    expect(count(6, 'new contact')).toBe('6 new contacts');
  });

  it('takes an irregular plural', () => {
    expect(count(1, 'person', 'people')).toBe('1 person');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
