import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autoBackup,
  backupBeforeRiskyChange,
  backupPathByName,
  backupsDir,
  backupsOverview,
  createBackup,
  listBackups,
} from '../../../src/main/interop/backup';
import { backupsToDelete } from '../../../src/main/interop/rotation';
import { restoreFromFile } from '../../../src/main/interop/restore';
import { dataTables } from '../../../src/main/interop/jsonExport';
import { syncedFolderProvider } from '../../../src/shared/interop/synced';
import { channels } from '../../../src/shared/ipc/contract';
import { tempStore, type TempStore } from '../../support/store';
import { call } from '../journal/call';
import { dumpTables, seedNetwork } from './seed';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  seedNetwork(t.store);
});
afterEach(async () => {
  await t.cleanup();
});

const count = (table: string) => t.ctx.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('backups', () => {
  it('writes a verified copy under its final name, listed with date, reason and size', async () => {
    const info = await createBackup(
      t.store,
      backupsDir(t.dir),
      'manual',
      new Date('2026-03-04T05:06:07.089Z'),
    );
    expect(info.name).toBe('rapport-2026-03-04T05-06-07-089Z-manual.sqlite');
    expect(info.bytes).toBeGreaterThan(4096);
    expect(readdirSync(backupsDir(t.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const [listed] = listBackups(backupsDir(t.dir));
    expect(listed).toMatchObject({
      name: info.name,
      createdAt: '2026-03-04T05:06:07.089Z',
      reason: 'manual',
    });
  });

  it('backs up at start at most once a day', async () => {
    expect(await autoBackup(t.store, t.dir, new Date('2026-03-04T08:00:00Z'))).not.toBeNull();
    expect(await autoBackup(t.store, t.dir, new Date('2026-03-04T22:00:00Z'))).toBeNull();
    expect(await autoBackup(t.store, t.dir, new Date('2026-03-05T08:00:00Z'))).not.toBeNull();
    expect(listBackups(backupsDir(t.dir))).toHaveLength(2);
  });

  it('always backs up before a risky change, named for it', async () => {
    const a = await backupBeforeRiskyChange(t.store, t.dir, 'import', new Date('2026-03-04T08:00:00Z'));
    const b = await backupBeforeRiskyChange(t.store, t.dir, 'import', new Date('2026-03-04T08:00:00Z'));
    expect(a.reason).toBe('before-import');
    expect(a.name).not.toBe(b.name);
  });

  it('rotates to 7 daily, 4 weekly and 12 monthly (plus the 3 newest)', () => {
    // One backup a day for two years, newest first.
    const backups = Array.from({ length: 730 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 1) - i * 86_400_000);
      return { name: `b${i}`, createdAt: d.toISOString() };
    });
    const deleted = new Set(backupsToDelete(backups));
    const kept = backups.filter((b) => !deleted.has(b.name)).map((b) => b.createdAt.slice(0, 10));
    // 7 days, then Mondays-of-week newest per week (4 weeks overlap the days), then months.
    expect(kept.slice(0, 7)).toEqual([
      '2026-01-01',
      '2025-12-31',
      '2025-12-30',
      '2025-12-29',
      '2025-12-28',
      '2025-12-27',
      '2025-12-26',
    ]);
    expect(kept).toContain('2025-12-21'); // newest of the week of 15 Dec
    expect(kept).toContain('2025-11-30'); // newest of November
    expect(kept).toContain('2025-02-28'); // twelfth month
    expect(kept).not.toContain('2025-01-31');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    // Many backups on one day: the three newest stay.
    const sameDay = Array.from({ length: 6 }, (_, i) => ({
      name: `s${i}`,
      createdAt: `2026-01-01T0${i}:00:00.000Z`,
    }));
    expect(backupsToDelete(sameDay).sort()).toEqual(['s0', 's1', 's2']);
  });

  it('refuses names outside the backups folder', () => {
    expect(() => backupPathByName(t.dir, '../rapport.sqlite')).toThrow(/not a Rapport backup/);
    expect(() => backupPathByName(t.dir, 'rapport-2026-03-04T05-06-07-089Z-manual.sqlite')).toThrow(
      /no backup/,
    );
  });

  it('detects synced folders', () => {
    expect(syncedFolderProvider('/Users/ana/Dropbox/rapport')).toBe('Dropbox');
    expect(syncedFolderProvider('/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/Rapport')).toBe(
      'iCloud Drive',
    );
    expect(syncedFolderProvider('C:\\Users\\ana\\OneDrive - Contoso\\Rapport')).toBe('OneDrive');
    expect(syncedFolderProvider('/Users/ana/Library/CloudStorage/GoogleDrive-ana@x.com/My Drive/r')).toBe(
      'Google Drive',
    );
    expect(syncedFolderProvider('G:\\My Drive\\Rapport')).toBe('Google Drive');
    expect(syncedFolderProvider('/home/ana/.config/Rapport')).toBeNull();
    expect(syncedFolderProvider('/home/ana/dropboxer/x')).toBeNull();
    expect(backupsOverview('/Users/ana/Dropbox/r').syncedFolder).toBe('Dropbox');
  });
});

describe('restore', () => {
  it('restores a backup over changed data, keeps a safety backup, leaves no stale WAL', async () => {
    const tables = dataTables(t.store.sqlite);
    const before = dumpTables(t.store, tables);
    const backup = await createBackup(t.store, backupsDir(t.dir), 'manual');
    t.store.sqlite.prepare('DELETE FROM contacts WHERE id <= 10').run();
    t.store.sqlite.prepare(`INSERT INTO tags (name) VALUES ('after')`).run();
    expect(existsSync(`${t.path}-wal`)).toBe(true);

    const holder = t.ctx;
    const outcome = await restoreFromFile(holder, t.dir, backup.path);
    t.store = holder.store; // cleanup closes the live store
    expect(dumpTables(holder.store, tables)).toEqual(before);
    expect(outcome.safetyBackup).toMatch(/before-restore/);
    expect(existsSync(`${t.path}.restore-tmp`)).toBe(false);
    expect(holder.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The state just before the restore is itself restorable.
    await restoreFromFile(holder, t.dir, outcome.safetyBackup as string);
    t.store = holder.store;
    expect(count('tags')).toBe(3);
    expect(count('contacts')).toBe(10);
  });

  it('restores through its channel and tells every domain the data changed', async () => {
    const backup = await call(t.ctx, 'interop:backupNow', {});
    await call(t.ctx, 'interop:restoreBackup', { name: backup.name });
    t.store = t.ctx.store;
    const domains = new Set(channels.map((channel) => channel.split(':')[0]));
    expect(t.events.at(-1)).toEqual({ event: 'data:changed', payload: { domains: [...domains] } });
    expect(domains).toContain('followups');
    expect(domains).toContain('reminders');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const bad = join(t.dir, 'bad.sqlite');
    writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(5000, 7)]));
    await expect(restoreFromFile(t.ctx, t.dir, bad)).rejects.toThrow(/not a readable|integrity/);
    expect(count('contacts')).toBe(20);
    expect(listBackups(backupsDir(t.dir))).toHaveLength(0);
  });
});
