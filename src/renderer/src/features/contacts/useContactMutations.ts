import { useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

/**
 * Calls a contacts channel and refreshes the contacts queries straight away. main also
 * emits data:changed, but the view should not depend on an event to show its own write.
 */
export function useContactWrite() {
  const client = useQueryClient();
  return async function write<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    await client.invalidateQueries({ queryKey: ['contacts'] });
    return result;
  };
}
