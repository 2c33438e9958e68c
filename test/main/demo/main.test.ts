import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('prepares its own data folder and, without a display, says how to open it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, RAPPORT_DATA_DIR: dir };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await promisify(execFile)('npx', ['tsx', join('src', 'main', 'demo', 'main.ts')], {
      env,
    });
    expect(stdout).toMatch(/Wrote 300 contacts across 30 organisations/);
    expect(stdout).toContain(`RAPPORT_DATA_DIR=${dir} npm run dev`);

    const sqlite = new BetterSqlite3(join(dir, 'rapport.sqlite'), { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(300);
      expect(sqlite.prepare('SELECT count(DISTINCT circle) FROM contact_circles').pluck().get()).toBe(7);
      expect(sqlite.prepare('SELECT count(*) FROM contact_links').pluck().get()).toBeGreaterThan(200);
    } finally {
      sqlite.close();
    }
  });
});
