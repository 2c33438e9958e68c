import { z } from 'zod';

/** The image kinds a contact's photo may be: what vCards carry and every browser draws. */
export const photoMimes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoMime = (typeof photoMimes)[number];

/** The largest photo stored, as the contacts import allows; the window scales larger ones down first. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The longest side, in pixels, a photo the user picks is scaled down to: avatars are drawn at 56 px or less. */
export const PHOTO_EDGE_PX = 512;

/** Which image kind the bytes are, by their signature, whatever a file name or a caller says; null for none. */
export function sniffPhotoMime(bytes: Uint8Array): PhotoMime | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61)
    return 'image/gif';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const id = z.number().int().positive();

/** Base64 of at most `MAX_PHOTO_BYTES` bytes; what the bytes are is checked in main, once decoded. */
const base64Photo = z
  .string()
  .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, `A photo can be at most ${MAX_PHOTO_BYTES / 1_048_576} MB`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64');

/** `version` is the contact's `photo` (when it was set), so each version of a photo is asked for once. */
export const contactPhotoInput = z.strictObject({ id, version: z.string().max(40) });
export type ContactPhotoInput = z.output<typeof contactPhotoInput>;
export const contactSetPhotoInput = z.strictObject({ id, mime: z.enum(photoMimes), base64: base64Photo });

export interface ContactPhoto {
  /** A `data:` URL, which the window's content policy allows for images. */
  dataUrl: string;
}
