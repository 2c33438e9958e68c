import { Menu, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { photoMimes, type PhotoMime } from '../../../../shared/contacts/photo';
import type { Contact } from '../../../../shared/contacts/schemas';
import { call } from '../../api/client';
import { queryKey } from '../../api/hooks';
import { showUndoNotice } from '../../app/undoNotice';
import { ContactAvatar } from './ContactAvatar';
import { preparePhoto } from './photoFile';
import { useContactWrite } from './useContactMutations';

/** A photo as `contacts:setPhoto` takes it, from the `data:` URL `contacts:photo` gives. */
function photoInput(dataUrl: string): { mime: PhotoMime; base64: string } | null {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  const mime = photoMimes.find((m) => m === match?.[1]);
  return match && mime ? { mime, base64: match[2] } : null;
}

/**
 * The contact's photo on their page; a click offers to choose one (or another) or to remove it,
 * and an image file dropped on it is their photo.
 */
export function ContactPhotoMenu({ contact }: { contact: Contact }) {
  const write = useContactWrite();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);

  /** The photo shown now, to put back if the user undoes replacing or removing it. */
  const shownPhoto = async () => {
    if (contact.photo === null) return null;
    const version = { id: contact.id, version: contact.photo };
    const shown = await client.ensureQueryData({
      queryKey: queryKey('contacts:photo', version),
      queryFn: () => call('contacts:photo', version),
    });
    return shown ? photoInput(shown.dataUrl) : null;
  };
  const offerUndo = (what: string, before: { mime: PhotoMime; base64: string }) =>
    showUndoNotice({
      id: `photo-${contact.id}-${Date.now()}`,
      message: `${contact.displayName}'s photo ${what}.`,
      autoClose: 8000,
      undoLabel: 'Undo',
      undo: () => write('contacts:setPhoto', { id: contact.id, ...before }),
      undone: 'The photo before is back.',
    });

  const choose = async (file: File) => {
    try {
      const photo = await preparePhoto(file);
      const before = await shownPhoto();
      await write('contacts:setPhoto', { id: contact.id, ...photo });
      if (before) offerUndo('replaced', before);
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'Photo not set',
        message: `${file.name}: ${(e as Error).message}`,
      });
    }
  };
  const remove = async () => {
    try {
      const before = await shownPhoto();
      await write('contacts:removePhoto', { id: contact.id });
      if (before) offerUndo('removed', before);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Photo not removed', message: (e as Error).message });
    }
  };

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={`Photo of ${contact.displayName}`}
            title="Click, or drop a photo here"
            style={{
              borderRadius: '50%',
              outline: dropping ? '3px dashed var(--mantine-color-blue-filled)' : undefined,
              outlineOffset: 2,
            }}
            // A file dropped here is this contact's photo, not one for the window to import.
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes('Files')) return;
              e.preventDefault();
              e.stopPropagation();
              setDropping(true);
            }}
            onDragLeave={() => setDropping(false)}
            onDrop={(e) => {
              const file = e.dataTransfer.files[0];
              if (!file) return;
              e.preventDefault();
              e.stopPropagation();
              setDropping(false);
              void choose(file);
            }}
          >
            <ContactAvatar contact={contact} size={56} data-testid="contact-photo" />
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => input.current?.click()}>
            {contact.photo === null ? 'Choose a photo…' : 'Choose another photo…'}
          </Menu.Item>
          {contact.photo !== null && (
            <Menu.Item color="red" onClick={() => void remove()}>
              Remove photo
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <input
        ref={input}
        type="file"
        accept={photoMimes.join(',')}
        hidden
        aria-label="Photo file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // The same file chosen again must fire a change too.
          e.currentTarget.value = '';
          if (file) void choose(file);
        }}
      />
    </>
  );
}
