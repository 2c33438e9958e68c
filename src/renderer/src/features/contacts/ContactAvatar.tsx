import { Avatar, type AvatarProps } from '@mantine/core';
import { useRapportQuery } from '../../api/hooks';

interface ContactAvatarProps extends Omit<AvatarProps, 'src' | 'name'> {
  contact: { id: number; displayName: string; photo: string | null };
}

/** A contact's photo, or their initials when they have none (or while it loads). */
export function ContactAvatar({ contact, ...props }: ContactAvatarProps) {
  const hasPhoto = contact.photo !== null;
  const photo = useRapportQuery(
    'contacts:photo',
    { id: contact.id, version: contact.photo ?? '' },
    { enabled: hasPhoto, staleTime: Infinity },
  );
  return (
    <Avatar
      {...props}
      src={hasPhoto ? (photo.data?.dataUrl ?? null) : null}
      name={contact.displayName}
      color="initials"
      alt={contact.displayName}
    />
  );
}
