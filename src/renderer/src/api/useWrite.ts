import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call } from './client';
import { changeable } from './hooks';

/**
 * Calls a channel, then refreshes the queries of `domain` (every query when none is named)
 * straight away. main also emits data:changed, but a view should not depend on an event to
 * show its own write. The function keeps its identity between renders.
 */
export function useWrite(domain?: string) {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = await call(channel, input);
      await client.invalidateQueries({
        queryKey: domain === undefined ? undefined : [domain],
        predicate: changeable,
      });
      return result;
    },
    [client, domain],
  );
}
