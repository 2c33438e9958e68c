import { useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

/** Calls a follow-ups channel and refreshes the follow-up lists straight away. */
export function useFollowUpWrite() {
  const client = useQueryClient();
  return async function write<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    await client.invalidateQueries({ queryKey: ['followups'] });
    return result;
  };
}
