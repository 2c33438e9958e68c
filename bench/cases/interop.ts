import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/db/open';
import { generateNetwork, writeNetwork, type DemoNetwork } from '../../src/main/demo/generator';
import { generateJournal, writeJournal } from '../../src/main/demo/journalGenerator';
import { createBackup } from '../../src/main/interop/backup';
import { commitContactsImport } from '../../src/main/interop/commit';
import { loadExisting } from '../../src/main/interop/existing';
import { exportTo } from '../../src/main/interop/exports';
import { readJsonExport, restoreJsonExport, writeJsonExport } from '../../src/main/interop/jsonExport';
import { planImport } from '../../src/main/interop/plan';
import { readContactsFile } from '../../src/main/interop/read';
import { percentile, timeOnce } from '../lib/timing';
import type { BenchResult } from '../lib/types';

/**
 * Contacts import, exports and backups (issue 7): LinkedIn import of 10,000 into a database
 * of 10,000 (a third of them already known, some with a new job), vCard export of 10,000,
 * JSON export and restore of the 200,000-interaction demo database, and a backup of it.
 * Self-timing: every iteration needs a fresh copy of the database, which is not timed.
 */
const size = 10_000;
const interactions = 200_000;
const now = new Date('2026-06-01T12:00:00.000Z');

/** CPU time of the process across the timed runs, reported beside the wall time: on a loaded machine it is the steadier figure. */
let cpuMark = process.cpuUsage();
function markCpu(): void {
  cpuMark = process.cpuUsage();
}

function result(name: string, n: number, samples: number[]): BenchResult {
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const cpu = process.cpuUsage(cpuMark);
  process.stderr.write(
    `  ${name}: CPU ${((cpu.user + cpu.system) / 1000 / samples.length).toFixed(0)} ms per run (incl. untimed setup)\n`,
  );
  return { case: name, n, median_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)) };
}

/** A LinkedIn export where every third row is a person the database already has (by email), some at a new company. */
function linkedInExport(network: DemoNetwork): Uint8Array {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (let i = 0; i < size; i++) {
    if (i % 3 === 0) {
      const p = network.people[i];
      const company = i % 9 === 0 ? 'Litware Inc.' : p.organisation;
      lines.push(
        [
          p.givenName,
          p.familyName,
          `https://www.linkedin.com/in/known-${i}`,
          p.emails[0]?.email ?? '',
          company,
          p.title,
          '14 Mar 2019',
        ]
          .map(quote)
          .join(','),
      );
    } else {
      lines.push(
        [
          `New${i}`,
          `Person ${i}`,
          `https://www.linkedin.com/in/new-${i}`,
          i % 2 ? `new${i}@example.org` : '',
          'Contoso, Ltd.',
          'Engineer',
          '02 Nov 2021',
        ]
          .map(quote)
          .join(','),
      );
    }
  }
  return new Uint8Array(Buffer.from(`${lines.join('\n')}\n`));
}

/**
 * The same 10,000 as a Google Contacts CSV, each with three custom fields (a team, what they
 * know, a desk), so their writes and the search text their triggers keep are measured.
 */
function googleExport(network: DemoNetwork): Uint8Array {
  const fields = ['Team', 'Expertise', 'Desk'];
  const header = [
    'Name',
    'Given Name',
    'Family Name',
    'E-mail 1 - Label',
    'E-mail 1 - Value',
    'Organization Name',
  ];
  fields.forEach((_, n) => header.push(`Custom Field ${n + 1} - Label`, `Custom Field ${n + 1} - Value`));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [header.join(',')];
  for (let i = 0; i < size; i++) {
    const p = network.people[i];
    const known = i % 3 === 0;
    const given = known ? p.givenName : `New${i}`;
    const family = known ? p.familyName : `Person ${i}`;
    const email = known ? (p.emails[0]?.email ?? '') : `new${i}@example.org`;
    const values = [`Team ${i % 40}`, `Distributed systems, topic ${i % 300}`, `${(i % 12) + 1}F-${i % 97}`];
    lines.push(
      [`${given} ${family}`, given, family, '* Work', email, known ? p.organisation : 'Contoso, Ltd.']
        .concat(fields.flatMap((label, n) => [label, values[n]]))
        .map(quote)
        .join(','),
    );
  }
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`));
}

/**
 * Five imports of a file, each into its own copy of the 10,000 (the copying not timed); what the
 * first one did goes to stderr.
 */
async function timedImports(
  template: string,
  dir: string,
  fileName: string,
  file: Uint8Array,
  what: string,
): Promise<number[]> {
  const samples: number[] = [];
  markCpu();
  for (let i = 0; i < 5; i++) {
    const store = await freshCopy(template, dir, i);
    let outcome = '';
    samples.push(
      await timeOnce(() => {
        const parsed = readContactsFile(fileName, file);
        const plan = planImport(parsed, loadExisting(store.sqlite));
        const done = commitContactsImport(store.sqlite, parsed, plan, { circle: 'colleague', now });
        outcome = `${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged`;
      }),
    );
    if (i === 0) {
      const fields = store.sqlite.prepare('SELECT count(*) FROM contact_custom_fields').pluck().get();
      process.stderr.write(`  ${what} import: ${outcome}, ${String(fields)} custom fields\n`);
    }
    await store.close();
    rmSync(join(dir, `copy-${i}.sqlite`), { force: true });
  }
  return samples;
}

async function freshCopy(template: string, dir: string, i: number): Promise<Store> {
  const path = join(dir, `copy-${i}.sqlite`);
  copyFileSync(template, path);
  return openStore(path);
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-interop-'));
  const results: BenchResult[] = [];
  try {
    const network = generateNetwork({ size, now });
    const template = join(dir, 'contacts.sqlite');
    const base = await openStore(template);
    writeNetwork(base, network);
    base.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    // vCard export of 10,000 contacts, to a file.
    const vcard: number[] = [];
    markCpu();
    for (let i = 0; i < 7; i++)
      vcard.push(await timeOnce(() => exportTo(base.sqlite, 'vcard', join(dir, 'all.vcf'))));
    results.push(result('interop: vCard export of 10,000 contacts', size, vcard.slice(2)));
    await base.close();

    // LinkedIn import of 10,000 into the 10,000: read, match, write in one transaction.
    const imports = await timedImports(template, dir, 'Connections.csv', linkedInExport(network), 'LinkedIn');
    results.push(result('interop: LinkedIn import of 10,000 into 10,000', size, imports));

    // The same people from Google Contacts, each with three custom fields.
    const googleImports = await timedImports(template, dir, 'contacts.csv', googleExport(network), 'Google');
    results.push(
      result(
        'interop: Google CSV import of 10,000 with 3 custom fields each, into 10,000',
        size,
        googleImports,
      ),
    );

    // The 200,000-interaction demo database: JSON export, restore into an empty one, backup.
    const big = await openStore(join(dir, 'journal.sqlite'));
    const bigIds = writeNetwork(big, network);
    writeJournal(big, bigIds, generateJournal(network, { now, target: interactions }), now);
    big.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const exportPath = join(dir, 'export.json');
    const exports: number[] = [];
    markCpu();
    for (let i = 0; i < 3; i++)
      exports.push(await timeOnce(() => writeJsonExport(big.sqlite, exportPath, now)));
    const jsonBytes = statSync(exportPath).size;
    results.push(
      result(
        `interop: JSON export of 200,000 interactions (${(jsonBytes / 1e6).toFixed(1)} MB)`,
        interactions,
        exports,
      ),
    );

    const restores: number[] = [];
    markCpu();
    for (let i = 0; i < 3; i++) {
      const empty = await openStore(join(dir, `restore-${i}.sqlite`));
      restores.push(await timeOnce(() => restoreJsonExport(empty.sqlite, readJsonExport(exportPath))));
      await empty.close();
      rmSync(join(dir, `restore-${i}.sqlite`), { force: true });
    }
    results.push(result('interop: JSON re-import of 200,000 interactions', interactions, restores));

    const backups: number[] = [];
    markCpu();
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      backups.push(
        await timeOnce(async () => {
          bytes = (await createBackup(big, join(dir, 'backups'), 'bench', new Date(now.getTime() + i * 1000)))
            .bytes;
        }),
      );
    }
    results.push(
      result(
        `interop: backup of the 200,000-interaction database (${(bytes / 1e6).toFixed(1)} MB)`,
        interactions,
        backups,
      ),
    );
    await big.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
