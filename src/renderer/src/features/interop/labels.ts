import type { ContactFormat, MatchKind, SkipReason } from '../../../../shared/interop/types';

export const formatLabels: Record<ContactFormat, string> = {
  linkedin: 'LinkedIn connections',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  csv: 'CSV',
  vcard: 'vCard',
};

export const matchLabels: Record<MatchKind, string> = {
  email: 'same email',
  linkedin: 'same LinkedIn profile',
  phone: 'same phone',
  url: 'same web address',
  name_company: 'same name and company',
  name: 'same name',
};

export const skipLabels: Record<SkipReason, string> = {
  empty: 'empty',
  no_name: 'no name',
  duplicate_in_file: 'repeated in the file',
  broken: 'unreadable',
  too_long: 'too long',
};
