import { describe, expect, it } from 'vitest';
import { AddressBook } from '../../../src/main/calendar/addressBook';

describe('AddressBook', () => {
  it('finds a contact under any address of the same mailbox, the exact one first, and no one for a shared mailbox', () => {
    const book = new AddressBook<{ id: number }>()
      .set('jonas.mueller@gmail.com', { id: 1 })
      .set('lena@fabrikam.example', { id: 2 })
      .set('ana.souza@gmail.com', { id: 3 })
      .set('anasouza@gmail.com', { id: 4 })
      .set('sam+work@contoso.example', { id: 5 });
    // Gmail ignores dots, Googlemail is Gmail, and a +tag reaches the same inbox.
    expect(book.get('jonasmueller@gmail.com')).toEqual({ id: 1 });
    expect(book.get('jonas.mueller+calendar@googlemail.com')).toEqual({ id: 1 });
    expect(book.get('lena+team@fabrikam.example')).toEqual({ id: 2 });
    expect(book.get('sam@contoso.example')).toEqual({ id: 5 });
    // A provider's other domains reach the same mailbox: Apple's me.com and mac.com are iCloud.
    book.set('priya@me.com', { id: 7 }).set('kai@pm.me', { id: 8 });
    expect(book.get('priya@icloud.com')).toEqual({ id: 7 });
    expect(book.get('priya+cal@mac.com')).toEqual({ id: 7 });
    expect(book.get('kai@protonmail.com')).toEqual({ id: 8 });
    // Outlook.com's domains are each their own, and dots count at iCloud.
    book.set('noor@hotmail.com', { id: 9 });
    expect(book.has('noor@outlook.com')).toBe(false);
    expect(book.has('pri.ya@icloud.com')).toBe(false);
    // Dots count outside Gmail; a different mailbox is no one.
    expect(book.has('le.na@fabrikam.example')).toBe(false);
    expect(book.has('jonas.mueller@fabrikam.example')).toBe(false);
    // Two contacts with one Gmail mailbox: each address finds its own, the third spelling neither.
    expect(book.get('ana.souza@gmail.com')).toEqual({ id: 3 });
    expect(book.get('anasouza@gmail.com')).toEqual({ id: 4 });
    expect(book.has('a.n.a.souza@gmail.com')).toBe(false);
    // A lookup remembered before a later set does not hide what the set added.
    expect(book.has('kim@example.org')).toBe(false);
    book.set('kim+x@example.org', { id: 6 });
    expect(book.get('kim@example.org')).toEqual({ id: 6 });
  });
});
