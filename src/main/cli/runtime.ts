import { dirname, resolve } from 'node:path';
import { openStore } from '../db/open';
import { dispatch } from '../ipc/dispatch';
import type { HandlerContext } from '../ipc/context';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Opens the database named by --db and calls channels through the same dispatch (and so
 * the same validation) as the app; a rejected call becomes an AppError with its message.
 */
export async function withCliContext<T>(
  dbPath: string,
  run: (
    call: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>,
    ctx: HandlerContext,
  ) => Promise<T>,
): Promise<T> {
  const path = resolve(dbPath);
  const store = await openStore(path);
  const ctx: HandlerContext = { store, dataDir: dirname(path), now: () => new Date(), emit: () => {} };
  try {
    return await run(async (channel, input) => {
      const result = await dispatch(channel, input, ctx);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as ChannelOutput<typeof channel>;
    }, ctx);
  } finally {
    await store.close();
  }
}
