import { Avatar, type AvatarProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { photoThumbnailQuery } from './photoThumbnail';

interface ContactAvatarProps extends Omit<AvatarProps, 'src' | 'name'> {
  contact: { id: number; displayName: string; photo: string | null };
}

/** A contact's photo (`photoThumbnailQuery`), or their initials when they have none (or while it loads). */
export function ContactAvatar({ contact, ...props }: ContactAvatarProps) {
  const hasPhoto = contact.photo !== null;
  const photo = useQuery({
    ...photoThumbnailQuery({ id: contact.id, version: contact.photo ?? '' }),
    enabled: hasPhoto,
  });
  return (
    <Avatar
      {...props}
      src={hasPhoto ? (photo.data ?? null) : null}
      name={contact.displayName}
      color="initials"
      alt={contact.displayName}
    />
  );
}
