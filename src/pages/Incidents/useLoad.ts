import { useQuery } from '@tanstack/react-query';
import { errorMessage, queryClient } from '../data/queryClient';

export type LoadState<T> =
  | { loading: true }
  | { loading: false; error: string }
  | { loading: false; error?: undefined; value: T };

/**
 * Runs `load` through the app's query cache whenever `key` changes and returns its state: a new key shows loading
 * at once, stale answers are dropped, and a key seen before shows its cached value while it refetches. `key` names
 * everything `load` depends on; a string key is namespaced so two callers' strings cannot collide with other data.
 */
export function useLoad<T>(key: string | readonly unknown[], load: () => Promise<T>): LoadState<T> {
  const query = useQuery({ queryKey: typeof key === 'string' ? ['load', key] : key, queryFn: load }, queryClient);
  if (query.isPending) {
    return { loading: true };
  }
  if (query.isError) {
    return { loading: false, error: errorMessage(query.error) };
  }
  return { loading: false, value: query.data };
}
