/**
 * Run as a separate process by crash.test.ts, which kills it with SIGKILL at a random
 * moment. It prints "ready" just before the operation under test starts and "done" after.
 *   node crashChild.ts import DB PARSED.json (bundled by the test first)
 *   node crashChild.ts restore DB BACKUP
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore } from '../../../src/main/db/open';
import { commitParsed } from '../../../src/main/interop/contactsImport';
import { restoreFromFile } from '../../../src/main/interop/restore';

const [mode, dbPath, file] = process.argv.slice(2);
const store = await openStore(dbPath);
if (mode === 'import') {
  // The file was read and parsed once by the test; the operation under test is the import's write.
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof commitParsed>[1];
  process.stdout.write('ready\n');
  await commitParsed(store, parsed, {
    circle: 'colleague',
    now: new Date(),
    dataDir: dirname(dbPath),
    backup: false,
  });
  await store.close();
} else {
  const holder = { store };
  process.stdout.write('ready\n');
  await restoreFromFile(holder, dirname(dbPath), file);
  await holder.store.close();
}
process.stdout.write('done\n');
