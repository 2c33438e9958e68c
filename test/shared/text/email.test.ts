import { describe, expect, it } from 'vitest';
import { addressesIn, notAddressesIn } from '../../../src/shared/text/email';

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

describe('notAddressesIn', () => {
  it('names what the user typed that is not an address, in the form it would be read', () => {
    expect(notAddressesIn('me@example.com, Ana; me@work  x@y.org')).toEqual(['ana', 'me@work']);
    expect(notAddressesIn('mailto:me@example.com')).toEqual([]);
  });
});
