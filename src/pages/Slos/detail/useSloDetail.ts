import { useQuery } from '@tanstack/react-query';
import { fetchSloSnapshots, type SloSnapshot } from '../../../api/sloStatus';
import type { BrokenItem } from '../../../api/storedItems';
import type { Slo } from '../../../domain/slo/model';
import { useAppData } from '../../data/appData';
import { SETTINGS_STALE_MS, errorMessage, queryClient } from '../../data/queryClient';
import { cachedSnapshot } from '../useSlosWithStatus';

export type SloDetailState =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'not_found' }
  /** Stored, but invalid: the page says what is wrong instead of showing numbers. */
  | { state: 'broken'; broken: BrokenItem }
  | {
      state: 'data';
      slo: Slo;
      /** The SLO's data source, else the app default; undefined when neither is set. */
      datasourceUid?: string;
      /** The current status; undefined while it loads. */
      snapshot?: SloSnapshot;
    };

/**
 * One SLO from the shared settings read, then its current snapshot (its own query, so the page and the scene start
 * before it answers). Coming from the list or the overview, the snapshot they read shows at once.
 */
export function useSloDetail(id: string): SloDetailState & { reload: () => void } {
  const app = useAppData();
  const slo = app.data?.slos.items.find((s) => s.id === id);
  const defaultUid = app.data?.defaultUid;
  const cached = slo ? cachedSnapshot(slo) : undefined;
  const status = useQuery(
    {
      queryKey: ['slo-status', 'one', defaultUid, slo ? `${slo.id}@${slo.revision ?? 0}` : id],
      queryFn: async () => {
        const map = await fetchSloSnapshots([slo!], defaultUid, Date.now());
        return map.get(slo!.id) ?? null;
      },
      enabled: Boolean(slo),
      staleTime: SETTINGS_STALE_MS,
      initialData: cached?.snapshot,
      initialDataUpdatedAt: cached?.updatedAt,
    },
    queryClient
  );
  const reload = () => {
    void app.refetch();
    void status.refetch();
  };
  if (app.isPending) {
    return { state: 'loading', reload };
  }
  if (app.isError) {
    return { state: 'error', error: errorMessage(app.error), reload };
  }
  if (!slo) {
    const broken = app.data.slos.broken.find((b) => b.id === id);
    return broken ? { state: 'broken', broken, reload } : { state: 'not_found', reload };
  }
  const datasourceUid = slo.datasource?.uid || defaultUid || undefined;
  return { state: 'data', slo, datasourceUid, snapshot: status.data ?? undefined, reload };
}
