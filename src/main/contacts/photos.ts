import type BetterSqlite3 from 'better-sqlite3';
import {
  MAX_PHOTO_BYTES,
  sniffPhotoMime,
  type ContactPhoto,
  type PhotoMime,
} from '../../shared/contacts/photo';
import { AppError } from '../../shared/ipc/envelope';
import { noContact } from './service';

/** A contact's photo as a `data:` URL, or null when they have none (or none of that version any more). */
export function readPhoto(
  sqlite: BetterSqlite3.Database,
  contactId: number,
  version: string,
): ContactPhoto | null {
  const row = sqlite
    .prepare('SELECT mime, data FROM contact_photos WHERE contact_id = ? AND updated_at = ?')
    .get(contactId, version) as { mime: string; data: Buffer } | undefined;
  return row ? { dataUrl: `data:${row.mime};base64,${row.data.toString('base64')}` } : null;
}

/**
 * Sets a contact's photo, replacing any. The bytes must be the image the caller says they are,
 * by their signature: a file renamed `.jpg` or a payload of anything else is refused, nothing written.
 */
export function writePhoto(
  sqlite: BetterSqlite3.Database,
  contactId: number,
  mime: PhotoMime,
  base64: string,
  now: Date,
): void {
  const bytes = Buffer.from(base64, 'base64');
  const found = sniffPhotoMime(bytes);
  if (found === null) {
    throw new AppError('VALIDATION', 'The photo is not a JPEG, PNG, WebP or GIF image.', [
      { path: ['base64'], message: 'Not an image' },
    ]);
  }
  if (found !== mime) {
    throw new AppError('VALIDATION', `The photo is a ${label(found)} image, not a ${label(mime)} one.`, [
      { path: ['mime'], message: `The image is ${found}` },
    ]);
  }
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new AppError('VALIDATION', `A photo can be at most ${MAX_PHOTO_BYTES / 1_048_576} MB.`, [
      { path: ['base64'], message: 'Too large' },
    ]);
  }
  sqlite.transaction(() => {
    const at = now.toISOString();
    const changed = sqlite
      .prepare(
        `INSERT INTO contact_photos (contact_id, mime, data, updated_at)
         SELECT id, ?, ?, ? FROM contacts WHERE id = ?
         ON CONFLICT (contact_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(mime, bytes, at, contactId).changes;
    if (changed === 0) throw noContact(contactId);
    sqlite.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?').run(at, contactId);
  })();
}

/** Removes a contact's photo (their initials are drawn again); NOT_FOUND for no such contact. */
export function deletePhoto(sqlite: BetterSqlite3.Database, contactId: number, now: Date): void {
  sqlite.transaction(() => {
    const changed = sqlite
      .prepare('UPDATE contacts SET updated_at = ? WHERE id = ?')
      .run(now.toISOString(), contactId).changes;
    if (changed === 0) throw noContact(contactId);
    sqlite.prepare('DELETE FROM contact_photos WHERE contact_id = ?').run(contactId);
  })();
}

function label(mime: PhotoMime): string {
  return mime.slice('image/'.length).toUpperCase();
}
