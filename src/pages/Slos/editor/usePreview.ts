import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchSloPreview, type SloPreview } from '../../../api/sloPreview';
import type { Slo } from '../../../domain/slo/model';
import { errorMessage, queryClient } from '../../data/queryClient';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; preview: SloPreview }
  | { status: 'error'; message: string };

/** `value`, once it has stayed the same for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Fetches the preview `debounceMs` after the last change, and only for a valid SLO with a data source. The SLO is
 * keyed by the JSON of the parts the queries use, so an equal SLO is served from the cache, never queried again.
 */
export function usePreview(
  slo: Slo,
  valid: boolean,
  datasourceUid: string | undefined,
  debounceMs: number
): PreviewState {
  const key = valid && datasourceUid ? JSON.stringify([slo.sli, slo.objective, slo.window, datasourceUid]) : '';
  const settledKey = useDebounced(key, debounceMs);
  const query = useQuery(
    {
      queryKey: ['slo-preview', settledKey],
      // The SLO's own ref carries the data source's plugin type; the app default is a bare uid.
      queryFn: () => fetchSloPreview(slo, slo.datasource && slo.datasource.uid === datasourceUid ? slo.datasource : datasourceUid!),
      enabled: Boolean(key) && settledKey === key,
      // A preview is of the last 7 days: a minute-old answer is as good.
      staleTime: 60_000,
    },
    queryClient
  );
  if (!key) {
    return { status: 'idle' };
  }
  if (settledKey !== key || query.isPending) {
    return { status: 'loading' };
  }
  if (query.isError) {
    return { status: 'error', message: errorMessage(query.error) || String(query.error) };
  }
  return { status: 'done', preview: query.data };
}
