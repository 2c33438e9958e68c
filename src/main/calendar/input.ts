import { unzipSync } from 'fflate';
import { utf16Of } from '../text/utf16';
import { CalendarImportError } from './errors';

export interface CalendarFile {
  name: string;
  bytes: Uint8Array;
}

/** Uncompressed size a zip may expand to; a larger one is refused before it is inflated. */
const MAX_UNZIPPED = 512 * 1024 * 1024;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The file in UTF-8, which the repair reads: a calendar saved as "Unicode" by a Windows tool is
 * UTF-16, whose every other byte is a zero.
 */
function inUtf8(file: CalendarFile): CalendarFile {
  const utf16 = utf16Of(file.bytes);
  if (!utf16) return file;
  const text = new TextDecoder(utf16.encoding).decode(file.bytes.subarray(utf16.start));
  return { name: file.name, bytes: Buffer.from(text, 'utf8') };
}

/**
 * Expands zips (Google exports one .ics per calendar in a zip) into their .ics files; other
 * files pass through. Entry sizes are checked from the zip's directory before inflating. All
 * come out in UTF-8.
 */
export function expandInputs(files: CalendarFile[]): CalendarFile[] {
  const out: CalendarFile[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) {
      out.push(inUtf8(file));
      continue;
    }
    let total = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => {
          if (!/\.ics$/i.test(entry.name) || entry.name.startsWith('__MACOSX/')) return false;
          total += entry.originalSize;
          if (total > MAX_UNZIPPED) {
            throw new CalendarImportError(
              'TOO_LARGE',
              `${file.name} expands to more than 512 MB of calendars.`,
            );
          }
          return true;
        },
      });
    } catch (error) {
      if (error instanceof CalendarImportError) throw error;
      throw new CalendarImportError(
        'ZIP',
        `${file.name} is not a readable zip file: ${(error as Error).message}.`,
      );
    }
    const names = Object.keys(entries).sort();
    if (names.length === 0) throw new CalendarImportError('ZIP', `${file.name} contains no .ics files.`);
    for (const name of names) out.push(inUtf8({ name: `${file.name}/${name}`, bytes: entries[name] }));
  }
  return out;
}
