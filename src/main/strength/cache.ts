import type BetterSqlite3 from 'better-sqlite3';
import {
  groupByContact,
  scoreContact,
  type ContactScore,
  type StrengthInteraction,
} from '../../shared/strength/model';
import type { StrengthParams } from '../../shared/strength/params';
import { tieWeights, type Tie } from '../../shared/strength/ties';
import { loadAllInteractions, loadInteractions } from './load';
import { parseParams, readRawParams } from './params';

/** Scores move by under 0.02% in ten minutes (H = 30 days): recompute everything no more often. */
const STALE_MS = 10 * 60_000;
/** Past this many changed interactions, one full read is cheaper than patching. */
const PATCH_LIMIT = 5_000;

export interface Snapshot {
  params: StrengthParams;
  /** The instant the scores are for (epoch ms). */
  at: number;
  scores: ReadonlyMap<number, ContactScore>;
}

/**
 * The journal as the strength model sees it, held in memory with every contact's score. The
 * `strength_dirty` log (filled by triggers, migration 004) tells it which interactions changed,
 * whoever changed them; only the contacts in those interactions are scored again.
 */
export class StrengthCache {
  private interactions = new Map<number, StrengthInteraction>();
  private byContact = new Map<number, StrengthInteraction[]>();
  private loaded = false;
  private scores = new Map<number, ContactScore>();
  private scoredAt = Number.NaN;
  private params: StrengthParams | null = null;
  private paramsRaw: string | null | undefined = undefined;
  private pending = new Set<number>();
  private tieCache: { at: number; ties: Tie[] } | null = null;
  /**
   * The earliest interaction later than the scores' instant (epoch ms): the scores leave it out,
   * so once the clock passes it everyone is scored again (a coffee logged "just now" counts at once).
   */
  private nextUncounted = Number.POSITIVE_INFINITY;

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  /** Scores for `now`, catching up with any change to the journal or the parameters first. */
  snapshot(now: number): Snapshot {
    this.sync();
    const raw = readRawParams(this.sqlite);
    if (
      raw !== this.paramsRaw ||
      this.params === null ||
      !(Math.abs(now - this.scoredAt) < STALE_MS) ||
      this.nextUncounted <= now
    ) {
      if (raw !== this.paramsRaw || this.params === null) this.params = parseParams(raw).params;
      this.paramsRaw = raw;
      this.rescoreAll(now);
    } else if (this.pending.size > 0) {
      for (const c of this.pending) this.rescore(c);
      this.pending.clear();
    }
    return { params: this.params, at: this.scoredAt, scores: this.scores };
  }

  /** The interactions a contact took part in. */
  interactionsOf(contactId: number): readonly StrengthInteraction[] {
    this.sync();
    return this.byContact.get(contactId) ?? [];
  }

  allInteractions(): Iterable<StrengthInteraction> {
    this.sync();
    return this.interactions.values();
  }

  contactIds(): Iterable<number> {
    this.sync();
    return this.byContact.keys();
  }

  /** Contact-to-contact ties at the snapshot's instant, computed once per snapshot. */
  ties(snapshot: Snapshot): Tie[] {
    if (this.tieCache === null || this.tieCache.at !== snapshot.at) {
      this.tieCache = {
        at: snapshot.at,
        ties: tieWeights(this.interactions.values(), snapshot.params, snapshot.at),
      };
    }
    return this.tieCache.ties;
  }

  /** Forgets everything: the next read loads the journal again. */
  invalidate(): void {
    this.loaded = false;
    this.scoredAt = Number.NaN;
  }

  private rescoreAll(now: number): void {
    const scores = new Map<number, ContactScore>();
    for (const [contactId, list] of this.byContact) {
      scores.set(contactId, scoreContact(contactId, list, this.params!, now, { trusted: true }));
    }
    this.scores = scores;
    this.scoredAt = now;
    this.nextUncounted = Number.POSITIVE_INFINITY;
    for (const i of this.interactions.values())
      if (i.at > now) this.nextUncounted = Math.min(this.nextUncounted, i.at);
    this.pending.clear();
    this.tieCache = null;
  }

  private rescore(contactId: number): void {
    const list = this.byContact.get(contactId);
    if (list && list.length > 0)
      this.scores.set(
        contactId,
        scoreContact(contactId, list, this.params!, this.scoredAt, { trusted: true }),
      );
    else this.scores.delete(contactId);
  }

  private sync(): void {
    if (!this.loaded) {
      this.reload();
      return;
    }
    const any = this.sqlite.prepare('SELECT 1 FROM strength_dirty LIMIT 1').pluck().get();
    if (any === undefined) return;
    const changed = this.sqlite
      .transaction(() => {
        const ids = this.sqlite
          .prepare('SELECT interaction_id FROM strength_dirty')
          .pluck()
          .all() as number[];
        if (ids.length > PATCH_LIMIT) return null;
        const fresh = loadInteractions(this.sqlite, ids);
        this.sqlite.prepare('DELETE FROM strength_dirty').run();
        return { ids, fresh };
      })
      .immediate();
    if (changed === null) {
      this.reload();
      return;
    }
    for (const id of changed.ids) this.patch(id, changed.fresh.get(id));
    this.tieCache = null;
  }

  private patch(id: number, next: StrengthInteraction | undefined): void {
    const prev = this.interactions.get(id);
    if (prev) {
      for (const c of prev.participants) {
        const list = this.byContact.get(c);
        if (!list) continue;
        const kept = list.filter((i) => i.id !== id);
        if (kept.length > 0) this.byContact.set(c, kept);
        else this.byContact.delete(c);
        this.pending.add(c);
      }
      this.interactions.delete(id);
    }
    if (next) {
      if (next.at > this.scoredAt) this.nextUncounted = Math.min(this.nextUncounted, next.at);
      this.interactions.set(id, next);
      for (const c of next.participants) {
        const list = this.byContact.get(c);
        if (list) list.push(next);
        else this.byContact.set(c, [next]);
        this.pending.add(c);
      }
    }
  }

  private reload(): void {
    this.interactions = this.sqlite
      .transaction(() => {
        this.sqlite.prepare('DELETE FROM strength_dirty').run();
        return loadAllInteractions(this.sqlite);
      })
      .immediate();
    this.byContact = groupByContact(this.interactions.values());
    this.loaded = true;
    this.scoredAt = Number.NaN;
    this.pending.clear();
    this.tieCache = null;
  }
}

const caches = new WeakMap<BetterSqlite3.Database, StrengthCache>();

/** One cache per open database connection. */
export function strengthCacheFor(sqlite: BetterSqlite3.Database): StrengthCache {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new StrengthCache(sqlite)));
  return cache;
}
