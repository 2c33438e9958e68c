import { openStore } from '../../src/main/db/open';
import { reconnectQueue } from '../../src/main/reconnect/queue';
const store = await openStore('/tmp/jb/t.sqlite');
const now = new Date('2026-06-01T12:00:00.000Z');
await reconnectQueue(store.db, now, 50);
const s = performance.now();
for (let i = 0; i < 10; i++) await reconnectQueue(store.db, now, 50);
console.log('queue', (performance.now() - s) / 10);
await store.close();
