import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { ParsedContacts } from '../../shared/interop/types';
import { parseContactsCsv } from './csv';
import { decodeText } from './decode';
import { fileError } from './errors';
import { looksLikeVcard, parseVcards } from './vcard';

export const maxFileBytes = 256 * 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * From a zip, the one file to read: LinkedIn's export holds Connections.csv among many
 * others; any other zip must hold exactly one .csv or .vcf. Sizes are checked from the
 * directory before anything is inflated, so a zip bomb is refused, not expanded.
 */
function fromZip(bytes: Uint8Array): { name: string; bytes: Uint8Array } {
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  const pick = (name: string) => /(^|\/)connections\.csv$/i.test(name) || /\.(csv|vcf|vcard)$/i.test(name);
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!pick(file.name) || /(^|\/)__MACOSX\//.test(file.name)) return false;
        if (file.originalSize > maxFileBytes) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (error) {
    throw fileError('ZIP', `The zip file could not be opened: ${(error as Error).message}`);
  }
  if (tooLarge) throw fileError('TOO_LARGE', 'A file inside the zip is larger than 256 MB.');
  const names = Object.keys(files);
  const connections = names.find((n) => /(^|\/)connections\.csv$/i.test(n));
  if (connections) return { name: connections, bytes: files[connections] };
  if (names.length === 1) return { name: names[0], bytes: files[names[0]] };
  if (names.length === 0) throw fileError('ZIP', 'The zip holds no Connections.csv, .csv or .vcf file.');
  throw fileError(
    'ZIP',
    `The zip holds several contact files (${names.slice(0, 5).join(', ')}); import them one at a time.`,
  );
}

/** Reads any supported contacts file: LinkedIn CSV or export zip, Google/Outlook CSV, vCard. */
export function readContactsFile(fileName: string, bytes: Uint8Array): ParsedContacts & { sha256: string } {
  if (bytes.length === 0) throw fileError('UNREADABLE', `${fileName} is empty.`);
  if (bytes.length > maxFileBytes) throw fileError('TOO_LARGE', `${fileName} is larger than 256 MB.`);
  const digest = sha256(bytes);
  let content = { name: fileName, bytes };
  if (isZip(bytes)) content = fromZip(bytes);
  const { text, encoding } = decodeText(content.bytes);
  if (looksLikeVcard(text) || /\.(vcf|vcard)$/i.test(content.name)) {
    const result = parseVcards(text);
    if (result.contacts.length === 0 && result.skipped.length === 0) {
      throw fileError('UNKNOWN_FORMAT', `${fileName} has no BEGIN:VCARD ... END:VCARD cards.`);
    }
    return { fileName, sha256: digest, format: 'vcard', encoding, ...result };
  }
  if (text.includes('\u0000')) {
    throw fileError('UNREADABLE', `${fileName} looks like a binary file, not a CSV or vCard.`);
  }
  const result = parseContactsCsv(text);
  return { fileName, sha256: digest, encoding, ...result };
}
