import type { Store } from '../db/open';
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { EventName, EventPayloads } from '../../shared/ipc/events';

/** What every handler gets: the same in Electron, the CLI and the browser test harness. */
export interface HandlerContext {
  store: Store;
  dataDir: string;
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };
