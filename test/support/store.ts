import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/db/open';
import type { HandlerContext } from '../../src/main/ipc/context';
import type { EventName, EventPayloads } from '../../src/shared/ipc/events';

export interface TempStore {
  store: Store;
  dir: string;
  path: string;
  events: Array<{ event: EventName; payload: unknown }>;
  ctx: HandlerContext;
  cleanup(): Promise<void>;
}

/** A freshly migrated database in its own temporary folder, and a handler context over it. */
export async function tempStore(now: () => Date = () => new Date()): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const path = join(dir, 'rapport.sqlite');
  const store = await openStore(path);
  const events: TempStore['events'] = [];
  const ctx: HandlerContext = {
    store,
    dataDir: dir,
    now,
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      events.push({ event, payload });
    },
  };
  return {
    store,
    dir,
    path,
    events,
    ctx,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rapport-test-'));
}
