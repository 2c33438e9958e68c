import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { handlers } from '../../../src/main/ipc/handlers';
import type { HandlerContext, HandlerMap } from '../../../src/main/ipc/context';
import { channels, contract, type Channel } from '../../../src/shared/ipc/contract';
import { tempStore, type TempStore } from '../../support/store';
import { contentHash } from '../../support/dbHash';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore(() => new Date('2026-03-01T12:00:00.000Z'));
  // Some data for a malformed update or delete to damage, were one to get through.
  for (const [name, email] of [
    ['Amara Okafor', 'amara@example.org'],
    ['Lars Nilsson', 'lars@example.se'],
  ]) {
    const created = await dispatch('contacts:create', { displayName: name, emails: [{ email }] }, t.ctx);
    expect(created.ok).toBe(true);
  }
});
afterAll(async () => {
  await t.cleanup();
});

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
function hasForbiddenKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (k) => forbiddenKeys.has(k) || hasForbiddenKey((value as Record<string, unknown>)[k]),
  );
}

/** Invalid for a channel: its schema refuses it, or it carries a key that reaches for a prototype. */
function isInvalid(channel: Channel, payload: unknown): boolean {
  return hasForbiddenKey(payload) || !contract[channel].input.safeParse(payload).success;
}

function shapeKeys(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

const huge = 'x'.repeat(200_000);
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant(huge),
  fc.constant(`${huge}@example.com`),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.array(fc.constant(huge), { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  fc.constant(Number.NaN),
  fc.constant(-1),
  fc.constant(2 ** 53),
);

/**
 * Payloads built for one channel from its schema's keys, then kept only when really
 * invalid: non-objects, fields of the wrong type or missing, huge strings, extra keys,
 * and objects carrying `__proto__` (as JSON.parse makes them, an own key).
 */
function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const keys = shapeKeys(contract[channel].input);
  const fields =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] })
      : fc.constant({});
  const everyStringHuge = fc.constant(Object.fromEntries(keys.map((k) => [k, huge])));
  const withProto = fields.map((f) => ({
    ...f,
    ...(JSON.parse('{"__proto__":{"polluted":true}}') as object),
  }));
  const nestedProto = fields.map((f) => ({
    ...f,
    nested: JSON.parse('{"a":{"__proto__":{"isAdmin":true}}}') as unknown,
  }));
  const constructorKey = fields.map((f) => ({ ...f, constructor: { prototype: { polluted: true } } }));
  return fc
    .oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.constant(huge),
      fc.array(fc.anything(), { maxLength: 4 }),
      fields,
      everyStringHuge,
      withProto,
      nestedProto,
      constructorKey,
      fc.anything(),
    )
    .filter((payload) => isInvalid(channel, payload));
}

/** The real handlers, counting calls, so a test can prove a refused payload never reached one. */
function countingHandlers(): { map: HandlerMap<Channel>; calls: string[] } {
  const calls: string[] = [];
  const map = Object.fromEntries(
    channels.map((c) => [
      c,
      (input: unknown, ctx: HandlerContext) => {
        calls.push(c);
        return (handlers[c] as (i: unknown, x: HandlerContext) => unknown)(input, ctx);
      },
    ]),
  ) as unknown as HandlerMap<Channel>;
  return { map, calls };
}

describe('the registry', () => {
  it('has a handler for every contract channel and a schema for every handler', () => {
    expect(channels.length).toBeGreaterThan(0);
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      expect(contract[channel].input, channel).toBeInstanceOf(z.ZodType);
      expect(typeof handlers[channel], channel).toBe('function');
      expect(channel, 'channel names are domain:verb').toMatch(/^[a-z]+:[a-zA-Z0-9]+$/);
    }
  });
});

describe('malformed payloads', () => {
  it.each(channels)('%s rejects them with VALIDATION and changes nothing', async (channel) => {
    const before = contentHash(t.store.sqlite);
    const { map, calls } = countingHandlers();
    await fc.assert(
      fc.asyncProperty(malformed(channel), async (payload) => {
        const result = await dispatch(channel, payload, t.ctx, map);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('VALIDATION');
        expect(calls).toEqual([]);
      }),
      { numRuns: 120 },
    );
    expect(contentHash(t.store.sqlite)).toBe(before);
    // Nothing leaked onto Object.prototype from the `__proto__` payloads.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names the forbidden key when a payload reaches for a prototype', async () => {
    const payload = JSON.parse('{"displayName":"Eve","__proto__":{"admin":true}}') as unknown;
    const result = await dispatch('contacts:create', payload, t.ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/__proto__/);
  });

  it('reports where a field is wrong', async () => {
    const result = await dispatch(
      'contacts:create',
      { displayName: 'Ok', emails: [{ email: 'nope' }] },
      t.ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) {
      expect(result.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['emails', '0', 'email'] })]),
      );
    }
  });
});

describe('channels', () => {
  it.each([
    ['contacts:nope'],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    [''],
    [42],
    [null],
  ])('refuses the unknown channel %j', async (channel) => {
    const before = contentHash(t.store.sqlite);
    const result = await dispatch(channel, {}, t.ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(contentHash(t.store.sqlite)).toBe(before);
  });

  it('answers a valid call with ok and its value', async () => {
    const result = await dispatch('contacts:list', {}, t.ctx);
    expect(result).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it('answers two simultaneous saves of one address with ok and CONFLICT', async () => {
    const payload = { displayName: 'Twice', emails: [{ email: 'double-click@example.org' }] };
    const results = await Promise.all([
      dispatch('contacts:create', payload, t.ctx),
      dispatch('contacts:create', payload, t.ctx),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'CONFLICT']);
    const created = results[0].ok ? (results[0].value as { id: number }) : undefined;
    expect((await dispatch('contacts:delete', { id: created?.id }, t.ctx)).ok).toBe(true);
  });

  it('turns a handler failure into an envelope, never a throw', async () => {
    const result = await dispatch('contacts:get', { id: 999_999 }, t.ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const boom = { ...handlers, 'contacts:list': () => Promise.reject(new Error('disk on fire')) };
    expect(await dispatch('contacts:list', {}, t.ctx, boom as HandlerMap<Channel>)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk on fire' },
    });
  });
});
