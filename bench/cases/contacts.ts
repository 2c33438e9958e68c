import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openStore, type Store } from '../../src/main/db/open';
import { generateNetwork, writeNetwork } from '../../src/main/demo/generator';
import type { HandlerContext } from '../../src/main/ipc/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { toPrefixQuery } from '../../src/main/search/ftsQuery';
import { contactStrengths } from '../../src/main/strength/service';
import type { Circle, ContactSummary } from '../../src/shared/contacts/schemas';
import type { BenchCase } from '../lib/types';

const size = 10_000;
const pageSize = 100;

interface Fixture {
  dir: string;
  store: Store;
  ctx: HandlerContext;
  /** The hand-written statements a careful author would use instead of Kysely and the bridge. */
  firstPage: BetterSqlite3.Statement;
  firstPageCount: BetterSqlite3.Statement;
  search: BetterSqlite3.Statement;
  searchCount: BetterSqlite3.Statement;
  allIds: BetterSqlite3.Statement;
  keystrokes: string[];
  /** The list's columns, for the peer's statements. */
  columns: string;
  pageById: Map<number, BetterSqlite3.Statement>;
}

let fixture: Promise<Fixture> | undefined;

/** One generated 10,000-contact database in a temp folder, shared by every case here. */
function shared(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
    const store = await openStore(join(dir, 'rapport.sqlite'));
    const network = generateNetwork({ size });
    writeNetwork(store, network);
    store.sqlite.pragma('optimize');
    const ctx: HandlerContext = { store, dataDir: dir, now: () => new Date(), emit: () => {} };
    const columns = `c.id, c.display_name, c.organisation, c.title, c.location, c.archived, c.updated_at,
      (SELECT group_concat(circle) FROM contact_circles WHERE contact_id = c.id) AS circles,
      (SELECT email FROM contact_emails WHERE contact_id = c.id ORDER BY position LIMIT 1) AS primary_email,
      (SELECT updated_at FROM contact_photos WHERE contact_id = c.id) AS photo`;
    const inSearch = 'c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)';
    const order = 'ORDER BY c.display_name COLLATE NOCASE ASC, c.id LIMIT ? OFFSET ?';
    // Typed letter by letter: a family name, an organisation, a given name and a title word.
    const words = [
      network.people[10].familyName,
      network.organisations[3].name.split(' ')[0],
      network.people[42].givenName,
      'engineer',
    ];
    return {
      dir,
      store,
      ctx,
      firstPage: store.sqlite.prepare(`SELECT ${columns} FROM contacts c WHERE c.archived = ? ${order}`),
      firstPageCount: store.sqlite.prepare('SELECT count(*) AS n FROM contacts c WHERE c.archived = ?'),
      search: store.sqlite.prepare(
        `SELECT ${columns} FROM contacts c WHERE c.archived = ? AND ${inSearch} ${order}`,
      ),
      searchCount: store.sqlite.prepare(
        `SELECT count(*) AS n FROM contacts c WHERE c.archived = ? AND ${inSearch}`,
      ),
      allIds: store.sqlite
        .prepare(
          'SELECT c.id FROM contacts c WHERE c.archived = ? ORDER BY c.display_name COLLATE NOCASE, c.id',
        )
        .pluck(),
      columns,
      pageById: new Map(),
      keystrokes: words.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.slice(0, i + 1))),
    };
  })();
  return fixture;
}

export async function dispose(): Promise<void> {
  if (!fixture) return;
  const { store, dir } = await fixture;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  fixture = undefined;
}

interface Row {
  id: number;
  display_name: string;
  organisation: string | null;
  title: string | null;
  location: string | null;
  archived: number;
  updated_at: string;
  circles: string | null;
  primary_email: string | null;
  photo: string | null;
}

/** The same shape the list returns, strength from the same model, so the peer does the same work. */
function toPage(f: Fixture, rows: Row[], total: number) {
  const strengths = contactStrengths(f.store.sqlite, f.ctx.now().getTime());
  const items: ContactSummary[] = rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    organisation: r.organisation,
    title: r.title,
    location: r.location,
    circles: r.circles ? (r.circles.split(',').sort() as Circle[]) : [],
    primaryEmail: r.primary_email,
    archived: r.archived === 1,
    updatedAt: r.updated_at,
    photo: r.photo,
    strength: strengths.summary(r.id),
  }));
  return { items, total, offset: 0 };
}

async function viaBridge(f: Fixture, payload: unknown): Promise<unknown> {
  const result = await dispatch('contacts:list', payload, f.ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A peer that answered differently would make the ratio meaningless: check before timing. */
async function sameAnswers(
  f: Fixture,
  runs: number,
  ours: (f: Fixture, i: number) => Promise<unknown>,
  theirs: (f: Fixture, i: number) => unknown,
): Promise<Fixture> {
  for (let i = 0; i < runs; i++) {
    const [a, b] = [JSON.stringify(await ours(f, i)), JSON.stringify(theirs(f, i))];
    if (a !== b)
      throw new Error(`The peer answers run ${i} differently:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`);
  }
  return f;
}

const listFirstPage = (f: Fixture) => viaBridge(f, { limit: pageSize });
const peerFirstPage = (f: Fixture) =>
  toPage(f, f.firstPage.all(0, pageSize, 0) as Row[], (f.firstPageCount.get(0) as { n: number }).n);
const searchKeystroke = (f: Fixture, i: number) =>
  viaBridge(f, { query: f.keystrokes[i % f.keystrokes.length], limit: pageSize });
const peerKeystroke = (f: Fixture, i: number) => {
  const match = toPrefixQuery(f.keystrokes[i % f.keystrokes.length]);
  return toPage(
    f,
    f.search.all(0, match, pageSize, 0) as Row[],
    (f.searchCount.get(0, match) as { n: number }).n,
  );
};

const listStrongest = (f: Fixture) => viaBridge(f, { sort: 'strength', direction: 'desc', limit: pageSize });
/** One page's rows by id, prepared once per page length as a careful author would. */
function pageStatement(f: Fixture, length: number): BetterSqlite3.Statement {
  let statement = f.pageById.get(length);
  if (!statement) {
    statement = f.store.sqlite.prepare(
      `SELECT ${f.columns} FROM contacts c WHERE c.id IN (${Array.from({ length }, () => '?').join(', ')})`,
    );
    f.pageById.set(length, statement);
  }
  return statement;
}

/** Every id by name, the strongest first (a stable sort keeps name order among equals), one page. */
const peerStrongest = (f: Fixture) => {
  const strengths = contactStrengths(f.store.sqlite, f.ctx.now().getTime());
  const ids = f.allIds.all(0) as number[];
  ids.sort((a, b) => strengths.t(b) - strengths.t(a));
  const page = ids.slice(0, pageSize);
  const rows = pageStatement(f, page.length).all(...page) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toPage(
    f,
    page.map((id) => byId.get(id)!),
    ids.length,
  );
};

const firstPage: BenchCase<Fixture> = {
  name: 'contacts: first page of the list',
  n: size,
  iterations: 200,
  warmup: 30,
  setup: async () => sameAnswers(await shared(), 1, listFirstPage, peerFirstPage),
  run: listFirstPage,
  peerName: 'better-sqlite3 statement',
  peer: peerFirstPage,
};

const searchAsYouType: BenchCase<Fixture> = {
  name: 'contacts: search as you type (one keystroke)',
  n: size,
  iterations: 270,
  warmup: 30,
  setup: async () => {
    const f = await shared();
    return sameAnswers(f, f.keystrokes.length, searchKeystroke, peerKeystroke);
  },
  run: searchKeystroke,
  peerName: 'better-sqlite3 statement',
  peer: peerKeystroke,
};

const strongestFirst: BenchCase<Fixture> = {
  name: 'contacts: first page, strongest first',
  n: size,
  iterations: 200,
  warmup: 30,
  setup: async () => sameAnswers(await shared(), 1, listStrongest, peerStrongest),
  run: listStrongest,
  peerName: 'better-sqlite3 statements',
  peer: peerStrongest,
};

export const cases = [firstPage, searchAsYouType, strongestFirst];
