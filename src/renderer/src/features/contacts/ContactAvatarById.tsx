import { Avatar, type AvatarProps } from '@mantine/core';
import { useRapportQuery } from '../../api/hooks';
import { ContactAvatar } from './ContactAvatar';

interface ContactAvatarByIdProps extends Omit<AvatarProps, 'src' | 'name'> {
  contactId: number;
  /** The name to take initials from while the contact loads. */
  name: string;
}

/**
 * A contact's face where a view knows only who they are (their id), not their photo's version:
 * the contact is read (usually from the cache) for it. Their initials meanwhile.
 */
export function ContactAvatarById({ contactId, name, ...props }: ContactAvatarByIdProps) {
  const contact = useRapportQuery('contacts:get', { id: contactId });
  return contact.data ? (
    <ContactAvatar contact={contact.data} {...props} />
  ) : (
    <Avatar {...props} name={name} color="initials" />
  );
}
