import { mailboxKey } from '../duplicates/find';

/**
 * Values (contacts, or the user) by address, where addresses that reach one mailbox find the
 * same value: Gmail ignores dots ("jonas.mueller@gmail.com" is "jonasmueller@gmail.com"), a
 * "+tag" reaches the same inbox, and Apple's me.com is icloud.com (`mailboxKey`). An exact
 * address wins; a mailbox two values share finds neither.
 * Lookups are remembered: an import asks for the same few thousand addresses again and again.
 */
export class AddressBook<T extends { id: number }> {
  private readonly exact = new Map<string, T>();
  private readonly byMailbox = new Map<string, T | null>();
  private readonly found = new Map<string, T | undefined>();

  set(email: string, value: T): this {
    this.exact.set(email, value);
    const key = mailboxKey(email);
    const known = this.byMailbox.get(key);
    this.byMailbox.set(key, known === undefined || known?.id === value.id ? value : null);
    this.found.clear();
    return this;
  }

  get(email: string): T | undefined {
    if (this.found.has(email)) return this.found.get(email);
    const value = this.exact.get(email) ?? this.byMailbox.get(mailboxKey(email)) ?? undefined;
    this.found.set(email, value);
    return value;
  }

  has(email: string): boolean {
    return this.get(email) !== undefined;
  }
}
