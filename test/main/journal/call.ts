import { dispatch } from '../../../src/main/ipc/dispatch';
import type { HandlerContext } from '../../../src/main/ipc/context';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';
import type { ErrorPayload } from '../../../src/shared/ipc/envelope';

/** Calls a channel through the real dispatch (schema, handler, envelope) and unwraps it. */
export async function call<C extends Channel>(
  ctx: HandlerContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await dispatch(channel, input, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** The error a call is refused with (fails the test if it succeeds). */
export async function refused(ctx: HandlerContext, channel: Channel, input: unknown): Promise<ErrorPayload> {
  const result = await dispatch(channel, input, ctx);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

/** The field paths a VALIDATION error names, dotted. */
export function fields(error: ErrorPayload): string[] {
  return ((error.details as Array<{ path: string[] }> | undefined) ?? []).map((d) => d.path.join('.'));
}

export async function addContact(
  ctx: HandlerContext,
  displayName: string,
  extra: Partial<ChannelInput<'contacts:create'>> = {},
): Promise<number> {
  return (await call(ctx, 'contacts:create', { displayName, ...extra })).id;
}
