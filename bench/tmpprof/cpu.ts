import { copyFileSync } from 'node:fs';
import { openStore } from '../../src/main/db/open';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { HandlerContext } from '../../src/main/ipc/context';
copyFileSync('/tmp/jb/bench.sqlite', '/tmp/jb/c.sqlite');
const store = await openStore('/tmp/jb/c.sqlite');
const now = new Date('2026-06-01T12:00:00.000Z');
const ctx: HandlerContext = { store, dataDir: '/tmp/jb', now: () => now, emit: () => {} };
async function t(label: string, channel: string, input: (i: number) => unknown, n = 20) {
  for (let i = 0; i < 3; i++) await dispatch(channel, input(i), ctx);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = await dispatch(channel, input(i), ctx);
    wall.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(2);
  const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)].toFixed(2);
  console.log(label.padEnd(12), 'cpu med', med(cpu), 'p95', p95(cpu), '| wall med', med(wall), 'p95', p95(wall));
}
const words = ['p', 'pr', 'pro', 'prom', 'promo', 'a', 'co', 'coffee', 're', 'reorg', 'garcia', 'mig'];
await t('reconnect', 'reconnect:list', () => ({}));
await t('dashboard', 'dashboard:get', () => ({}), 10);
await t('timeline', 'journal:timeline', (i) => ({ contactId: 1 + (i % 50) * 7, limit: 50 }), 50);
await t('search', 'search:query', (i) => ({ query: words[i % words.length] }), 48);
await t('log5', 'journal:create', (i) => ({ kind: 'meeting', title: 'x' + i, startsAt: now.toISOString(), durationMinutes: 30, participants: [1, 2, 3, 4, 5].map((c) => ({ contactId: c + i })) }), 40);
await store.close();
