/**
 * Which file-sync service, if any, a folder lives in. Sync clients copy a live SQLite file
 * and its -wal separately and can hand back a torn pair, so the app warns about these.
 * Pure string work so it runs (and is tested) anywhere; both separators are accepted.
 */
const providers: Array<[name: string, pattern: RegExp]> = [
  [
    'iCloud Drive',
    /(^|\/)(iCloud Drive|iCloudDrive)(\/|$)|\/Library\/Mobile Documents\/com~apple~CloudDocs(\/|$)/i,
  ],
  ['Dropbox', /(^|\/)Dropbox( \([^/]*\))?(\/|$)|\/CloudStorage\/Dropbox/i],
  ['OneDrive', /(^|\/)OneDrive( - [^/]*)?(\/|$)|\/CloudStorage\/OneDrive/i],
  ['Google Drive', /(^|\/)(Google Drive|GoogleDrive|My Drive)(\/|$)|\/CloudStorage\/GoogleDrive/i],
];

export function syncedFolderProvider(path: string): string | null {
  const normalised = path.replace(/\\/g, '/');
  for (const [name, pattern] of providers) if (pattern.test(normalised)) return name;
  return null;
}
