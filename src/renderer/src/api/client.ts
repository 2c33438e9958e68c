import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ErrorCode, ErrorPayload } from '../../../shared/ipc/envelope';

/** A failed call, carrying the main process's error code and details for the view to show. */
export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(error: ErrorPayload) {
    super(error.message);
    this.name = 'RapportError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Calls a channel through `window.rapport` and unwraps the envelope (throws RapportError). */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [domain, verb] = channel.split(':') as [string, string];
  const group = (
    window.rapport as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
  )[domain];
  const result = (await group[verb](input)) as
    { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorPayload };
  if (!result.ok) throw new RapportError(result.error);
  return result.value;
}
