import type { Circle } from '../contacts/schemas';

/**
 * The circle the contacts a calendar import creates go into: one for all, none, or
 * `by_domain`: colleague for those at the user's own work domain, none for the others.
 */
export type NewPeopleCircle = Circle | 'by_domain' | null;

/** Mailbox providers anyone may have an address at: sharing one says nothing about working together. */
const PERSONAL_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'naver.com',
]);

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** The domains of the user's own addresses that are a workplace's, not a mailbox provider's. */
export function workDomains(selfEmails: readonly string[]): string[] {
  return [...new Set(selfEmails.map(domainOf))].filter((d) => d.includes('.') && !PERSONAL_MAIL.has(d));
}

/** The circle a new contact at `email` goes into under `choice`; null for none. */
export function circleFor(email: string, choice: NewPeopleCircle, domains: readonly string[]): Circle | null {
  if (choice !== 'by_domain') return choice;
  return domains.includes(domainOf(email)) ? 'colleague' : null;
}
