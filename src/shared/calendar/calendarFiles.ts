/** A calendar file by its name: iCalendar (.ics, .ical, .ifb) or a zip of them (Google's export). */
export function isCalendarFile(name: string): boolean {
  return /\.(ics|ical|ifb|zip)$/i.test(name);
}

/** A file or folder in a folder that is never a calendar: hidden, or macOS's `__MACOSX` copies of a zip it unpacked. */
export function isSkippedInFolder(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX';
}

/**
 * Whether a file found in a chosen or dropped folder (`path` within it, `/`-separated) is a
 * calendar to import: iCalendar files only, for a zip there may hold anything; nothing
 * `isSkippedInFolder` on its way.
 */
export function isCalendarInFolder(path: string): boolean {
  const parts = path.split('/');
  return /\.(ics|ical|ifb)$/i.test(parts[parts.length - 1]) && !parts.some(isSkippedInFolder);
}

/** Files one import reads at most (a folder dropped by mistake, a home folder, is no calendar). */
export const MAX_CALENDAR_FILES = 50;

/**
 * The names files found in folders are imported under (`paths` within the folders): each its
 * own file name, as when the file itself is chosen, or its path where two share a file name.
 */
export function folderFileNames(paths: string[]): string[] {
  const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const seen = new Map<string, number>();
  for (const path of paths) seen.set(fileName(path), (seen.get(fileName(path)) ?? 0) + 1);
  return paths.map((path) => (seen.get(fileName(path))! > 1 ? path : fileName(path)));
}

/** What the user is told when the folders they gave hold no calendar to import. */
export function noCalendarIn(folders: string[]): string {
  return `There is no calendar (.ics) file in the folder ${folders.join(', ')}.`;
}
