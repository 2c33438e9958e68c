export type Utf16 = 'utf-16le' | 'utf-16be';

/** A file's text in UTF-16: which byte order, and the byte its text starts at (after a byte-order mark). */
export interface Utf16Text {
  encoding: Utf16;
  start: number;
}

function byZeros(bytes: Uint8Array): Utf16 | null {
  // ASCII-heavy UTF-16 has a zero in every other byte.
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes are UTF-16 text, as Windows tools write it ("Unicode" in their save dialogs,
 * PowerShell's default), by its byte-order mark or, without one, by its zeros; null when not.
 */
export function utf16Of(bytes: Uint8Array): Utf16Text | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  const encoding = byZeros(bytes);
  return encoding && { encoding, start: 0 };
}
