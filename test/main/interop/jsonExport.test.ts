import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../src/main/db/migrations';
import { openStore } from '../../../src/main/db/open';
import { dispatch } from '../../../src/main/ipc/dispatch';
import {
  dataTables,
  parseJsonExport,
  restoreJsonExport,
  writeJsonExport,
} from '../../../src/main/interop/jsonExport';
import { restoreFromFile } from '../../../src/main/interop/restore';
import { insertJobChangeEntry } from '../../support/migrationDb';
import { tempStore, type TempStore } from '../../support/store';
import { dumpTables, seedNetwork } from './seed';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  seedNetwork(t.store, 30, 4);
});
afterEach(async () => {
  await t.cleanup();
});

describe('JSON export', () => {
  it('covers every ordinary table and none of the full-text index tables', () => {
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out, new Date('2026-02-02T00:00:00Z'));
    const doc = parseJsonExport(readFileSync(out, 'utf8'));
    const all = t.store.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .pluck()
      .all() as string[];
    const shadows = all.filter((n) => /_fts_(data|idx|docsize|config|content)$/.test(n));
    expect(Object.keys(doc.tables).sort()).toEqual(all.filter((n) => !shadows.includes(n)).sort());
    expect(doc).toMatchObject({
      format: 'rapport-export',
      formatVersion: 1,
      exportedAt: '2026-02-02T00:00:00.000Z',
    });
    expect(doc.schemaVersion).toBe(t.store.sqlite.pragma('user_version', { simple: true }));
    expect(doc.tables.contact_photos.rows[0][2]).toEqual({ $base64: 'iVBORwABAv8=' });
  });

  it('round-trips into an empty database with every table identical and search working', async () => {
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_custom_fields (contact_id, label, value, position) VALUES (2, 'Expertise', 'Kubernetes', 0)`,
      )
      .run();
    t.store.sqlite
      .prepare(
        `INSERT INTO contact_important_dates (contact_id, label, date, position)
         VALUES (2, 'Work anniversary', '2019-12-03', 0), (2, 'Anniversary', '--02-29', 1)`,
      )
      .run();
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out);
    const fresh = await openStore(join(t.dir, 'fresh.sqlite'));
    try {
      restoreJsonExport(fresh.sqlite, parseJsonExport(readFileSync(out, 'utf8')));
      const tables = dataTables(t.store.sqlite);
      expect(dumpTables(fresh, tables)).toEqual(dumpTables(t.store, tables));
      expect(
        fresh.sqlite
          .prepare(`SELECT contact_id, label, date, position FROM contact_important_dates ORDER BY position`)
          .raw(true)
          .all(),
      ).toEqual([
        [2, 'Work anniversary', '2019-12-03', 0],
        [2, 'Anniversary', '--02-29', 1],
      ]);
      // Full-text indexes were rebuilt after the rows came in.
      const hit = fresh.sqlite
        .prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH 'engin*'`)
        .pluck()
        .all();
      expect(hit).toHaveLength(30);
      // A custom field's value is searched as the contact's own text was.
      expect(
        fresh.sqlite
          .prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH 'kubernetes'`)
          .pluck()
          .all(),
      ).toEqual([2]);
      expect(fresh.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // The restore wrote through a rollback journal and left the store in WAL mode again.
      expect(fresh.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(existsSync(join(t.dir, 'fresh.sqlite-journal'))).toBe(false);
      // A second restore is refused: the database is no longer empty.
      expect(() => restoreJsonExport(fresh.sqlite, parseJsonExport(readFileSync(out, 'utf8')))).toThrow(
        /empty/,
      );
    } finally {
      await fresh.close();
    }
  });

  it('refuses unknown tables, columns, newer schemas and broken files before writing anything', async () => {
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out);
    const text = readFileSync(out, 'utf8');
    const fresh = await openStore(':memory:');
    try {
      const variants: Array<[string, RegExp]> = [
        [text.replace('"contact_photos":', '"martian_table":'), /martian_table/],
        [text.replace('"display_name"', '"shoe_size"'), /shoe_size/],
        [text.replace(/"schemaVersion":\d+/, '"schemaVersion":999'), /newer Rapport/],
        [text.slice(0, text.length / 2), /does not parse/],
        ['{"format":"something-else"}', /format/],
      ];
      for (const [variant, error] of variants) {
        expect(() => restoreJsonExport(fresh.sqlite, parseJsonExport(variant))).toThrow(error);
        expect(fresh.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
      }
    } finally {
      await fresh.close();
    }
  });

  it('restores a JSON export over the live database through the restore path', async () => {
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out);
    const tables = dataTables(t.store.sqlite);
    const before = dumpTables(t.store, tables);
    t.store.sqlite.prepare('DELETE FROM interactions').run();
    await restoreFromFile(t.ctx, t.dir, out);
    t.store = t.ctx.store;
    expect(dumpTables(t.ctx.store, tables)).toEqual(before);
    await t.ctx.store.close();
  });

  it('brings an export written by an older Rapport up to date, as it would an old backup', async () => {
    // Schema 20: job changes were recorded, the role each ended was not (021 keeps it, 022
    // reads it from the older entries' wording).
    const old = await openStore(join(t.dir, 'v20.sqlite'), { schemaVersion: 20 });
    const out = join(t.dir, 'v20-export.json');
    try {
      expect(old.sqlite.pragma('user_version', { simple: true })).toBe(20);
      const at = '2025-03-01T09:00:00.000Z';
      const ana = old.sqlite
        .prepare(
          `INSERT INTO contacts (display_name, organisation, created_at, updated_at) VALUES ('Ana Souza', 'Litware', ?, ?)`,
        )
        .run(at, at).lastInsertRowid;
      const move = insertJobChangeEntry(old.sqlite, at);
      old.sqlite
        .prepare(
          `INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, 'mentioned', ?)`,
        )
        .run(move, ana, at);
      writeJsonExport(old.sqlite, out);
    } finally {
      await old.close();
    }
    expect(parseJsonExport(readFileSync(out, 'utf8')).schemaVersion).toBe(20);

    await restoreFromFile(t.ctx, t.dir, out);
    t.store = t.ctx.store;
    expect(t.store.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(t.store.sqlite.prepare('SELECT organisation, title FROM previous_roles').all()).toEqual([
      { organisation: 'Acme', title: null },
    ]);
    const list = await dispatch('contacts:list', { organisation: 'acme', formerToo: true }, t.ctx);
    expect(list).toMatchObject({ ok: true, value: { items: [{ displayName: 'Ana Souza' }] } });
  });

  it('restores an export from the first schema, before the journal had a table', async () => {
    const old = await openStore(join(t.dir, 'v1.sqlite'), { schemaVersion: 1 });
    const out = join(t.dir, 'v1-export.json');
    try {
      const at = '2024-01-01T00:00:00.000Z';
      old.sqlite
        .prepare(`INSERT INTO contacts (display_name, created_at, updated_at) VALUES ('Ana Souza', ?, ?)`)
        .run(at, at);
      writeJsonExport(old.sqlite, out);
    } finally {
      await old.close();
    }
    expect(Object.keys(parseJsonExport(readFileSync(out, 'utf8')).tables)).not.toContain('interactions');
    await restoreFromFile(t.ctx, t.dir, out);
    t.store = t.ctx.store;
    expect(t.store.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(t.store.sqlite.prepare('SELECT display_name FROM contacts').pluck().all()).toEqual(['Ana Souza']);
  });

  it('refuses an export whose schema version is not one', async () => {
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out);
    const text = readFileSync(out, 'utf8');
    for (const version of ['0', '2.5', '"22"']) {
      writeFileSync(out, text.replace(/"schemaVersion":\d+/, `"schemaVersion":${version}`));
      await expect(restoreFromFile(t.ctx, t.dir, out)).rejects.toThrow(/is not a schema version/);
    }
    expect(t.ctx.store.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(30);
  });

  it('rolls back a restore whose rows break a reference', async () => {
    const out = join(t.dir, 'export.json');
    writeJsonExport(t.store.sqlite, out);
    const doc = parseJsonExport(readFileSync(out, 'utf8'));
    doc.tables.contact_emails.rows.push([999, 4242, 'ghost@example.org', null, 0]);
    writeFileSync(out, JSON.stringify(doc));
    const fresh = await openStore(':memory:');
    try {
      expect(() => restoreJsonExport(fresh.sqlite, parseJsonExport(readFileSync(out, 'utf8')))).toThrow(
        /refer/,
      );
      expect(fresh.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
