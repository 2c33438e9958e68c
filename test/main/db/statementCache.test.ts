import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/main/db/statementCache';

let sqlite: BetterSqlite3.Database;
beforeEach(() => {
  sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
});
afterEach(() => {
  if (sqlite.open) sqlite.close();
});

describe('withStatementCache', () => {
  it('hands back the same prepared statement for the same SQL', () => {
    const db = withStatementCache(sqlite);
    const a = db.prepare('SELECT x FROM t WHERE x > ?');
    expect(db.prepare('SELECT x FROM t WHERE x > ?')).toBe(a);
    expect(db.prepare('SELECT x FROM t WHERE x < ?')).not.toBe(a);
    expect(a.all([1])).toEqual([{ x: 2 }, { x: 3 }]);
  });

  it('drops the least recently used statement past its capacity', () => {
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const db = withStatementCache(sqlite);
    const sql = 'SELECT x FROM t ORDER BY x';
    const streaming = db.prepare(sql);
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ x: 1 });
    const other = db.prepare(sql);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    rows.return?.();
  });

  it('closes the connection', () => {
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
