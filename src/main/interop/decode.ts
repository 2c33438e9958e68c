import { utf16Of } from '../text/utf16';

/**
 * Bytes to text for files exported by other tools. Outlook writes UTF-16 (with or without
 * a byte-order mark) or the Windows ANSI code page; Google and LinkedIn write UTF-8,
 * sometimes with a BOM. Anything that is not valid UTF-8 is read as Windows-1252, which
 * maps every byte, so reading never fails.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    return {
      text: new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.start)),
      encoding: utf16.encoding,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
