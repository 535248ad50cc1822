import { useEffect, useState } from 'react';
import { fetchSloPreview, type SloPreview } from '../../../api/sloPreview';
import type { Slo } from '../../../domain/slo/model';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; preview: SloPreview }
  | { status: 'error'; message: string };

/**
 * Fetches the preview `debounceMs` after the last change, and only for a valid SLO with a data source.
 * The SLO is compared by its JSON so that re-renders with an equal SLO do not query again.
 */
export function usePreview(
  slo: Slo,
  valid: boolean,
  datasourceUid: string | undefined,
  debounceMs: number
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const key = valid && datasourceUid ? JSON.stringify([slo.sli, slo.objective, datasourceUid]) : '';
  useEffect(() => {
    if (!key || !datasourceUid) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    const timer = setTimeout(() => {
      fetchSloPreview(slo, datasourceUid)
        .then((preview) => !cancelled && setState({ status: 'done', preview }))
        .catch((e: Error) => !cancelled && setState({ status: 'error', message: e.message || String(e) }));
    }, debounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `key` stands for the parts of `slo` the queries use.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, debounceMs]);
  return state;
}
