import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src/shared/ipc/envelope';
import { channels } from '../../../src/shared/ipc/contract';
import { isAppUrl } from '../../../src/main/security/policy';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';

type Listener = (event: unknown, payload: unknown) => Promise<Envelope<unknown>>;
const registered = vi.hoisted(() => new Map<string, Listener>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('../../../src/main/ipc/register');

const appUrl = 'file:///opt/Rapport/resources/app.asar/out/renderer/index.html';
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

let t: TempStore;
let unregister: () => void;

beforeAll(async () => {
  t = await tempStore();
  unregister = registerIpc(t.ctx, (url) => isAppUrl(url));
});
afterAll(async () => {
  unregister();
  await t.cleanup();
});
beforeEach(() => {
  expect(registered.size).toBe(channels.length);
});

function call(channel: string, event: unknown, payload: unknown): Promise<Envelope<unknown>> {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(event, payload);
}

const create = { displayName: 'Mallory', emails: [{ email: 'mallory@evil.example' }] };

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('serves the app’s own top frame', async () => {
    const result = await call('contacts:list', topFrame(appUrl), {});
    expect(result).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it.each([
    ['a web page', topFrame('https://evil.example/renderer/index.html')],
    ['another local file', topFrame('file:///tmp/evil.html')],
    ['a network share', topFrame('file://evil.example/share/renderer/index.html')],
    ['a data URL', topFrame('data:text/html,<script>1</script>')],
    ['an empty URL', topFrame('')],
    ['a subframe of the app', { senderFrame: { url: appUrl, parent: { url: appUrl } } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN and writes nothing', async (_name, event) => {
    const before = contentHash(t.store.sqlite);
    for (const channel of channels) {
      const result = await call(channel, event, channel === 'contacts:create' ? create : {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('validates after the sender check', async () => {
    const result = await call('contacts:create', topFrame(appUrl), { displayName: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(registered.size).toBe(0);
    unregister = registerIpc(t.ctx, (url) => isAppUrl(url));
    expect(registered.size).toBe(channels.length);
  });
});
