import type { UseQueryOptions } from '@tanstack/react-query';
import type { ContactPhotoInput } from '../../../../shared/contacts/photo';
import { call } from '../../api/client';
import { queryKey } from '../../api/hooks';
import { dataUrlOf, drawScaled } from './photoFile';

/**
 * The longest side the window draws a photo at: the graph's texture for a face (128 px), and the
 * contact page's 56-px face on a double-density screen.
 */
export const THUMBNAIL_PX = 128;

/**
 * How many photos are fetched and scaled at once: a graph of thousands of faces asks for them a
 * few at a time, so the store answers each in turn and the window holds a few full photos at most.
 */
const AT_ONCE = 4;
let running = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= AT_ONCE) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * A photo as small as the window draws it: scaled so its longest side is `THUMBNAIL_PX` (a PNG
 * stays a PNG, for its transparency; anything else becomes a JPEG). A photo already that small is
 * kept, and so is a GIF, whose scaling would draw its first frame only; so is one the window
 * cannot scale.
 */
export async function thumbnailOf(dataUrl: string): Promise<string> {
  if (dataUrl.startsWith('data:image/gif')) return dataUrl;
  try {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const scale = THUMBNAIL_PX / Math.max(image.naturalWidth, image.naturalHeight);
    if (!(scale < 1)) return dataUrl;
    const mime = dataUrl.slice('data:'.length, dataUrl.indexOf(';'));
    const scaled = await drawScaled(image, image.naturalWidth, image.naturalHeight, scale, mime, 'high');
    return await dataUrlOf(scaled);
  } catch {
    return dataUrl;
  }
}

/**
 * The query of a contact's photo as the window draws it, shared by every face of them (lists, the
 * graph): one per photo version, kept for good. Only the thumbnail is kept, not the photo.
 */
export function photoThumbnailQuery(input: ContactPhotoInput): UseQueryOptions<string | null> {
  return {
    queryKey: [...queryKey('contacts:photo', input), 'thumbnail'],
    queryFn: () =>
      inTurn(async () => {
        const photo = await call('contacts:photo', input);
        return photo ? thumbnailOf(photo.dataUrl) : null;
      }),
    staleTime: Infinity,
  };
}
