import { useCallback, useEffect, useState } from 'react';
import { getPluginSettings } from '../../../api/pluginSettings';
import { fetchSloSnapshots, type SloSnapshot } from '../../../api/sloStatus';
import type { Slo } from '../../../domain/slo/model';

export type SloDetailState =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'not_found' }
  | {
      state: 'data';
      slo: Slo;
      /** The SLO's data source, else the app default; undefined when neither is set. */
      datasourceUid?: string;
      /** The current status; undefined while it loads. */
      snapshot?: SloSnapshot;
    };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Loads one SLO from the plugin settings, then its current snapshot (a second request, so the page and the scene
 * can start before it answers). Answers to superseded loads (another id, reload) are dropped.
 */
export function useSloDetail(id: string, now: () => number = Date.now): SloDetailState & { reload: () => void } {
  const [result, setResult] = useState<SloDetailState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    (async () => {
      const settings = await getPluginSettings();
      const slo = settings.jsonData?.slos?.find((s) => s.id === id);
      if (!current) {
        return;
      }
      if (!slo) {
        setResult({ state: 'not_found' });
        return;
      }
      const defaultUid = settings.jsonData?.settings?.defaultPrometheusUid;
      const datasourceUid = slo.datasource?.uid || defaultUid || undefined;
      setResult({ state: 'data', slo, datasourceUid });
      const snapshots = await fetchSloSnapshots([slo], defaultUid, now());
      if (current) {
        setResult({ state: 'data', slo, datasourceUid, snapshot: snapshots.get(slo.id) });
      }
    })().catch((e: unknown) => {
      if (current) {
        setResult({ state: 'error', error: message(e) });
      }
    });
    return () => {
      current = false;
    };
    // `now` is a clock, not an input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, reload };
}
