import { useCallback, useEffect, useState } from 'react';
import { getPluginSettings } from '../../api/pluginSettings';
import { fetchSloSnapshots } from '../../api/sloStatus';
import type { SloRow } from './listModel';

export type SlosWithStatusState =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'data'; rows: SloRow[] };

/**
 * Loads the SLOs and the app settings (one read of the plugin settings: the SLOs live in its jsonData), then the
 * current snapshot of every SLO. `reload` starts over; answers to superseded loads are dropped.
 */
export function useSlosWithStatus(now: () => number = Date.now): SlosWithStatusState & { reload: () => void } {
  const [result, setResult] = useState<SlosWithStatusState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    (async () => {
      const settings = await getPluginSettings();
      const slos = settings.jsonData?.slos ?? [];
      const snapshots = await fetchSloSnapshots(slos, settings.jsonData?.settings?.defaultPrometheusUid, now());
      const rows = slos.flatMap((slo) => {
        const snapshot = snapshots.get(slo.id);
        return snapshot ? [{ slo, snapshot }] : [];
      });
      if (current) {
        setResult({ state: 'data', rows });
      }
    })().catch((e: unknown) => {
      if (current) {
        setResult({ state: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    });
    return () => {
      current = false;
    };
    // `now` is a clock, not an input: a new function identity must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, reload };
}
