import type { InputHTMLAttributes } from 'react';
import {
  folderFileNames,
  isCalendarInFolder,
  isSkippedInFolder,
  MAX_CALENDAR_FILES,
} from '../../../../shared/calendar/calendarFiles';

/** A file found in a folder, at `path` within it (the folder's own name first). */
interface FoundFile {
  path: string;
  file: File;
}

/** The calendars of files found in folders, each named as `folderFileNames` says. */
function calendarsOfFolders(found: FoundFile[]): File[] {
  const calendars = found.filter((f) => isCalendarInFolder(f.path));
  const names = folderFileNames(calendars.map((f) => f.path));
  return calendars.map(({ file }, i) => (file.name === names[i] ? file : new File([file], names[i], file)));
}

/**
 * Makes a file input choose a folder: Chromium's `webkitdirectory`, which React passes through
 * but does not type.
 */
export const folderInput = { webkitdirectory: '' } as InputHTMLAttributes<HTMLInputElement>;

/** The files picked with a folder chooser (each knows its path from the folder's name on): its calendars. */
export function calendarsOfPickedFolder(files: File[]): DroppedFiles {
  const found = files.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const folders = [...new Set(found.map((f) => f.path.split('/')[0]))];
  return { files: calendarsOfFolders(found), folders };
}

/** What the user is told when what they dropped could not be read. */
export const unreadableDrop = (error: Error): string =>
  `What was dropped could not be read: ${error.message}`;

const entriesOf = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** Entries a dropped folder is searched through at most: a home folder dropped by mistake is not walked. */
const MAX_ENTRIES = 20_000;

interface Walk {
  found: FoundFile[];
  entries: number;
}

/**
 * The calendars in a folder and its folders, until more are found than one import reads, or
 * too many entries are seen. Folders `isSkippedInFolder` are not entered.
 */
async function walk(folder: FileSystemDirectoryEntry, path: string, state: Walk): Promise<void> {
  const reader = folder.createReader();
  // readEntries gives a folder's entries a batch at a time, and an empty batch at its end.
  for (let batch = await entriesOf(reader); batch.length > 0; batch = await entriesOf(reader)) {
    for (const entry of batch) {
      if (state.found.length > MAX_CALENDAR_FILES || ++state.entries > MAX_ENTRIES) return;
      const at = `${path}/${entry.name}`;
      if (entry.isDirectory) {
        if (!isSkippedInFolder(entry.name)) await walk(entry as FileSystemDirectoryEntry, at, state);
      } else if (isCalendarInFolder(at)) {
        state.found.push({ path: at, file: await fileOf(entry as FileSystemFileEntry) });
      }
    }
  }
}

/** What was dropped: the files, a dropped folder giving the calendars in it; and the folders' names. */
export interface DroppedFiles {
  files: File[];
  folders: string[];
}

/**
 * The files of a drop. A folder (Google's export as macOS unpacks it on download) gives the
 * calendars in it, named as when they are chosen from a folder.
 */
export async function droppedFiles(data: DataTransfer): Promise<DroppedFiles> {
  // Read before the first await: once the drop event returns, its data is gone.
  const files = [...data.files];
  // Items are where folders show; a drop made by a script may carry files alone.
  const items = Array.from((data.items as DataTransferItemList | undefined) ?? []);
  const entries = items.map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  if (!entries.some((entry) => entry?.isDirectory)) return { files, folders: [] };
  const picked: File[] = [];
  const state: Walk = { found: [], entries: 0 };
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry?.isDirectory) {
      folders.push(entry.name);
      await walk(entry as FileSystemDirectoryEntry, entry.name, state);
    } else if (entry?.isFile) {
      picked.push(await fileOf(entry as FileSystemFileEntry));
    }
  }
  return { files: [...picked, ...calendarsOfFolders(state.found)], folders };
}
