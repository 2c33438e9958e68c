import { join } from 'node:path';

/** `RAPPORT_DATA_DIR` wins (tests, demos, the CLI); otherwise Electron's per-user folder. */
export function resolveDataDir(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.RAPPORT_DATA_DIR?.trim();
  return override ? override : userDataDir;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'rapport.sqlite');
}
