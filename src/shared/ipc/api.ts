import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';
import type { EventName, EventPayloads } from './events';

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `window.rapport`: one typed method per channel, grouped by domain (`rapport.contacts.list`). */
export type RapportApi = {
  [D in Domain<Channel>]: {
    [V in Verb<Channel, D>]: `${D}:${V}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>
      : never;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.rapport` from the channel and event names. It must stay self-contained
 * (no imports, no outer variables): the end-to-end harness injects its source text into
 * the browser page so the tests exercise this very function.
 */
export function buildRapportApi(
  channelNames: readonly string[],
  allowedEvents: readonly string[],
  invoke: Invoke,
  subscribe: Subscribe,
): unknown {
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':');
    const group = (api[domain] ??= Object.create(null)) as Record<string, unknown>;
    group[verb] = (input: unknown) => invoke(channel, input === undefined ? {} : input);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!allowedEvents.includes(event)) throw new Error(`Unknown event: ${event}`);
    return subscribe(event, listener);
  };
  return Object.freeze(api);
}
