import { z } from 'zod';
import { contract, type Channel } from '../../shared/ipc/contract';
import { AppError, type Envelope } from '../../shared/ipc/envelope';
import type { HandlerContext, HandlerMap } from './context';
import { handlers as allHandlers } from './handlers';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Payloads that try to reach an object's prototype are refused outright, at any depth. */
function findForbiddenKey(value: unknown, depth = 0): string | null {
  if (depth > 32) return '(nested too deep)';
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return key;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

function toEnvelope(error: unknown): Envelope<never> {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * The single path every call takes, whatever the caller: channel known, input valid
 * against the contract, then the handler; every outcome an envelope, never a throw.
 */
export async function dispatch(
  channel: unknown,
  payload: unknown,
  ctx: HandlerContext,
  handlers: HandlerMap<Channel> = allHandlers,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` } };
  }
  const forbidden = findForbiddenKey(payload);
  if (forbidden) {
    return {
      ok: false,
      error: { code: 'VALIDATION', message: `Input for ${channel} has a forbidden key: ${forbidden}` },
    };
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return toEnvelope(error);
  }
}
