import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

/**
 * Calls a goals channel that writes, then refreshes every goal view. Main also emits
 * `data:changed`, but a view should not depend on the event arriving first.
 */
export function useGoalsWrite() {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = await call(channel, input);
      await client.invalidateQueries({ queryKey: ['goals'] });
      return result;
    },
    [client],
  );
}
