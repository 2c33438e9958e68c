import {
  MAX_PHOTO_BYTES,
  PHOTO_EDGE_PX,
  sniffPhotoMime,
  type PhotoMime,
} from '../../../../shared/contacts/photo';

/**
 * A picked image file as a contact's photo: as it is when it is small enough, else scaled so its
 * longest side is `PHOTO_EDGE_PX` (a 12-megapixel phone photo becomes tens of kilobytes). A PNG
 * stays a PNG, keeping its transparency; anything else scaled becomes a JPEG. A GIF within the
 * size limit is kept as it is, whatever its dimensions: scaling would draw its first frame only.
 * Throws an Error saying what is wrong with a file that is not an image.
 */
export async function preparePhoto(file: Blob): Promise<{ mime: PhotoMime; base64: string }> {
  const mime = sniffPhotoMime(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (mime === null) throw new Error('This file is not a JPEG, PNG, WebP or GIF image.');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('This image cannot be read: the file may be damaged.');
  }
  try {
    const scale = Math.min(1, PHOTO_EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const keep = (scale === 1 || mime === 'image/gif') && file.size <= MAX_PHOTO_BYTES;
    if (keep) return { mime, base64: await base64Of(file) };
    const scaled = await drawScaled(bitmap, bitmap.width, bitmap.height, scale, mime);
    return { mime: scaled.type as PhotoMime, base64: await base64Of(scaled) };
  } finally {
    bitmap.close();
  }
}

/**
 * An image drawn at `scale` of its `width` × `height` (at least a pixel each way): a PNG stays a
 * PNG, for its transparency; anything else becomes a JPEG.
 */
export function drawScaled(
  image: CanvasImageSource,
  width: number,
  height: number,
  scale: number,
  mime: string,
  smoothing?: ImageSmoothingQuality,
): Promise<Blob> {
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
  const context = canvas.getContext('2d')!;
  if (smoothing) context.imageSmoothingQuality = smoothing;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const type = mime === 'image/png' ? 'image/png' : 'image/jpeg';
  return canvas.convertToBlob({ type, quality: 0.9 });
}

/** A blob as a `data:` URL. */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The image could not be read.'));
    reader.readAsDataURL(blob);
  });
}

async function base64Of(blob: Blob): Promise<string> {
  const url = await dataUrlOf(blob);
  return url.slice(url.indexOf(',') + 1);
}
