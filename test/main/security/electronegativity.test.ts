import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { value: number; name: string };
  confidence: { name: string };
  description: string;
}
interface AllowEntry {
  id: string;
  file: string;
  justification: string;
}
type Run = (
  options: Record<string, unknown>,
) => Promise<{ issues: Finding[]; errors: unknown[]; atomicChecks: number }>;

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

/**
 * Electronegativity fetches translations and Electron's release list over the network as it
 * starts; the scan must be offline and deterministic, so its HTTP client answers "offline".
 * (The release check, which only says whether a newer Electron exists, is excluded below.)
 */
function offlineElectronegativity(): Run {
  const gotPath = createRequire(join(packageDir, 'dist', 'locales', 'i18n.js')).resolve('got');
  const offline = () => Promise.reject(new Error('offline'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as NodeJS.Module;
  const run = require(packageDir) as Run | { default: Run };
  return typeof run === 'function' ? run : run.default;
}

const MEDIUM = 2;
const allowlist = JSON.parse(readFileSync('electronegativity-allowlist.json', 'utf8')) as AllowEntry[];

describe('Electronegativity', () => {
  it('has every allowlist entry justified', () => {
    for (const entry of allowlist) {
      expect(entry.id).toMatch(/^[A-Z_]+$/);
      expect(entry.file).toBeTruthy();
      expect(entry.justification.length, entry.id).toBeGreaterThan(40);
    }
  });

  it('finds nothing of MEDIUM or higher in src/ that the allowlist does not justify', async () => {
    const run = offlineElectronegativity();
    const result = await run({
      input: resolve('src'),
      isRelative: true,
      electronVersionOverride: (require('electron/package.json') as { version: string }).version,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.errors).toEqual([]);

    const serious = result.issues.filter((i) => i.severity.value >= MEDIUM);
    const allowed = (f: Finding) =>
      allowlist.some((a) => a.id === f.id && a.file === f.file.replace(/\\/g, '/'));
    const unexplained = serious
      .filter((f) => !allowed(f))
      .map((f) => `${f.severity.name} ${f.id} ${f.file}:${f.location.line} ${f.description}`);
    expect(unexplained).toEqual([]);

    // An entry nothing matches any more is stale: drop it so the list stays a reviewed list.
    const stale = allowlist.filter(
      (a) => !serious.some((f) => a.id === f.id && a.file === f.file.replace(/\\/g, '/')),
    );
    expect(stale).toEqual([]);
  });
});
