import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../db/open';
import { databasePath } from '../db/paths';
import { defaultDemoSeed, defaultDemoSize, generateNetwork } from './generator';
import { writeDemo } from './writeDemo';

/**
 * `npm run demo [-- --fresh] [--seed N] [--size N]`: fills a separate data folder with the
 * generated network, then opens the app on it when a display and the Electron binary are
 * there, or says how to open it.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean' },
      seed: { type: 'string' },
      size: { type: 'string' },
      'no-launch': { type: 'boolean' },
    },
    strict: true,
  });
  const dataDir = resolve(process.env.RAPPORT_DATA_DIR?.trim() || '.rapport-data/demo');
  const path = databasePath(dataDir);
  if (values.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });

  if (existsSync(path)) {
    console.log(`Using the demo data already in ${dataDir} (run with --fresh to generate it again).`);
  } else {
    const network = generateNetwork({
      seed: values.seed ? Number(values.seed) : defaultDemoSeed,
      size: values.size ? Number(values.size) : defaultDemoSize,
    });
    const store = await openStore(path);
    try {
      writeDemo(store, network);
    } finally {
      await store.close();
    }
    console.log(
      `Wrote ${network.people.length} contacts across ${network.organisations.length} organisations to ${path}.`,
    );
  }

  const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const electron = electronBinary();
  if (values['no-launch'] || !display || !electron) {
    const why = values['no-launch']
      ? ''
      : !display
        ? ' (no display found)'
        : ' (the Electron binary is not installed)';
    console.log(
      `Not opening the app${why}. To open it on this data:\n  RAPPORT_DATA_DIR=${dataDir} npm run dev`,
    );
    return 0;
  }
  console.log(`Opening Rapport on ${dataDir} ...`);
  const child = spawn('npx', ['electron-vite', 'dev'], {
    stdio: 'inherit',
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir },
  });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
}

/**
 * The Electron binary's path when it is already installed. Requiring the `electron`
 * package would instead start downloading it, so look where it keeps the binary.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
