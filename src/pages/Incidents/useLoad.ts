import { useEffect, useState } from 'react';

export type LoadState<T> =
  | { loading: true }
  | { loading: false; error: string }
  | { loading: false; error?: undefined; value: T };

/**
 * Runs `load` whenever `key` changes and returns its state. Loading is derived from the key of the last result,
 * so a new key shows loading at once without a setState inside the effect; stale answers are dropped.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): LoadState<T> {
  const [result, setResult] = useState<{ key: string; state: LoadState<T> }>();
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ key, state: { loading: false, value } }),
      (e: unknown) =>
        live && setResult({ key, state: { loading: false, error: e instanceof Error ? e.message : String(e) } })
    );
    return () => {
      live = false;
    };
    // `key` names everything `load` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.state : { loading: true };
}
