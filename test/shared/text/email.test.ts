import { describe, expect, it } from 'vitest';
import { addressesIn } from '../../../src/shared/text/email';

describe('addressesIn', () => {
  it('reads addresses however the user separated them, each once, in the stored form', () => {
    expect(addressesIn(' Me@Example.com, me@old.example;mailto:third@x.org  me@example.com ')).toEqual([
      'me@example.com',
      'me@old.example',
      'third@x.org',
    ]);
    expect(addressesIn('  ')).toEqual([]);
  });
});
