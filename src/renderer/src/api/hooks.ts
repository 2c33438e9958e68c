import { useEffect } from 'react';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call, type RapportError } from './client';

/** Query keys start with the channel's domain, so a `data:changed` event can invalidate by domain. */
export function queryKey<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const [domain, verb] = channel.split(':');
  return [domain, verb, input] as const;
}

export function useRapportQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, RapportError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<C>, RapportError>({
    queryKey: queryKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  });
}

export function useRapportMutation<C extends Channel>(channel: C) {
  return useMutation<ChannelOutput<C>, RapportError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
  });
}

/**
 * Whether a cached answer can go out of date. A contact's photo cannot: it is asked for by the
 * version the contact names, and a new photo is a new version, so photos are never fetched again.
 */
export function changeable(query: Query): boolean {
  return !(query.queryKey[0] === 'contacts' && query.queryKey[1] === 'photo');
}

/**
 * Keeps every cached query honest: any change in main marks all queries stale, because
 * derived views (strength, goals, the dashboard) depend on more than their own domain.
 * Only the queries on screen refetch, and they are local and fast.
 */
export function useDataChangedInvalidation(): void {
  const client = useQueryClient();
  useEffect(
    () => window.rapport.on('data:changed', () => void client.invalidateQueries({ predicate: changeable })),
    [client],
  );
}
