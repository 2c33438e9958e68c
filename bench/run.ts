import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, measure } from './lib/timing';
import type { BenchModule, BenchResult } from './lib/types';

/**
 * `npm run bench [-- --filter NAME ...]`: runs every case in bench/cases/*.ts (those whose
 * name contains a filter, when given), prints a table and writes bench/results.json.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { filter: { type: 'string', multiple: true } }, strict: true });
  const filters = (values.filter ?? []).map((f) => f.toLowerCase());
  const wanted = (name: string) =>
    filters.length === 0 || filters.some((f) => name.toLowerCase().includes(f));

  const here = dirname(fileURLToPath(import.meta.url));
  const casesDir = join(here, 'cases');
  const resultsPath = join(here, 'results.json');
  // A filtered run updates its own rows and keeps the others from the last run.
  const earlier: BenchResult[] =
    filters.length > 0 && existsSync(resultsPath)
      ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResult[])
      : [];
  const results: BenchResult[] = [];
  // Written after every module, so a long or failing module further on loses nothing before it.
  const save = () => {
    const fresh = new Set(results.map((r) => r.case));
    const merged = [...earlier.filter((r) => !fresh.has(r.case)), ...results];
    writeFileSync(resultsPath, `${JSON.stringify(merged, null, 2)}\n`);
  };
  for (const file of readdirSync(casesDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(join(casesDir, file)).href)) as BenchModule;
    if (!module.cases && module.run) {
      // A self-timing module runs whole; a filter selects it by its file name or a case's name.
      if (filters.length > 0 && !wanted(file)) continue;
      process.stderr.write(`running ${file} ...\n`);
      results.push(
        ...(await module.run()).filter((r) => filters.length === 0 || wanted(r.case) || wanted(file)),
      );
      save();
      continue;
    }
    const selected = (module.cases ?? []).filter((c) => wanted(c.name));
    if (selected.length === 0) continue;
    try {
      for (const benchCase of selected) {
        process.stderr.write(`running ${benchCase.name} ...\n`);
        results.push(await measure(benchCase));
      }
    } finally {
      await module.dispose?.();
    }
    save();
  }
  if (results.length === 0) {
    console.error(`No bench case matches ${filters.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  console.log(formatTable(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
