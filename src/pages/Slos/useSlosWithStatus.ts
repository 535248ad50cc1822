import { useMemo } from 'react';
import { useIsFetching, useQueries, useQuery } from '@tanstack/react-query';
import { fetchSloSnapshots, type SloSnapshot } from '../../api/sloStatus';
import type { BrokenItem } from '../../api/storedItems';
import type { ErrorBudgetPolicy } from '../../domain/policy/model';
import type { Slo } from '../../domain/slo/model';
import { useAppData } from '../data/appData';
import { SETTINGS_STALE_MS, errorMessage, queryClient } from '../data/queryClient';
import type { SloRow } from './listModel';

export type SlosWithStatusState =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | {
      state: 'data';
      rows: SloRow[];
      /** Stored SLOs that failed validation, each with its problems. */
      broken: BrokenItem[];
      /** Stored error-budget policies (valid ones), for each row's policy decision. */
      policies: ErrorBudgetPolicy[];
      defaultUid?: string;
    };

const RULES_KEY = ['slo-status', 'rules'] as const;
const RAW_KEY = ['slo-status', 'raw'] as const;

/** A row's placeholder until its data source's rule read answers. */
const PENDING: SloSnapshot = { errorRatio: null, sli: null, remaining: null, burnRate1h: null, status: 'no_data', source: 'none' };

/** A raw answer is only good for the SLO definition it was computed from. */
const rawKey = (slo: Slo) => `${slo.id}@${slo.revision ?? 0}`;

function byDatasource(slos: Slo[], defaultUid: string | undefined): Slo[][] {
  const groups = new Map<string, Slo[]>();
  for (const slo of slos) {
    const uid = slo.datasource?.uid || defaultUid || '';
    groups.set(uid, [...(groups.get(uid) ?? []), slo]);
  }
  return [...groups.values()];
}

/** Every raw answer still in the cache, by rawKey: rows keep their numbers when the page's raw query changes. */
function cachedRaw(): Map<string, SloSnapshot> {
  const out = new Map<string, SloSnapshot>();
  for (const [, data] of queryClient.getQueriesData<Map<string, SloSnapshot>>({ queryKey: RAW_KEY })) {
    data?.forEach((snapshot, key) => out.set(key, snapshot));
  }
  return out;
}

/**
 * The SLOs (one settings read, shared with every page) and their statuses, shown as they arrive: one rule read per
 * data source, each answering on its own. SLOs without rules are `no_rules` until useRawFallback runs their raw
 * queries; the list does that for the rows on screen only, because those queries are the expensive ones.
 */
export function useSlosWithStatus(): SlosWithStatusState & { reload: () => void } {
  const app = useAppData();
  const slos = app.data?.slos.items;
  const defaultUid = app.data?.defaultUid;
  const groups = useMemo(() => byDatasource(slos ?? [], defaultUid), [slos, defaultUid]);
  const rules = useQueries(
    {
      queries: groups.map((group) => ({
        queryKey: [...RULES_KEY, defaultUid, group.map(rawKey).join(',')],
        queryFn: () => fetchSloSnapshots(group, defaultUid, Date.now(), 'rules'),
        staleTime: SETTINGS_STALE_MS,
      })),
    },
    queryClient
  );
  // Re-render (and re-read the raw answers) whenever a raw fetch starts or ends.
  const rawFetching = useIsFetching({ queryKey: RAW_KEY }, queryClient);
  const ruleData = rules.map((r) => r.data);
  const rows = useMemo(() => {
    const raw = cachedRaw();
    const known = new Map<string, SloSnapshot>();
    ruleData.forEach((data) => data?.forEach((snapshot, id) => known.set(id, snapshot)));
    return (slos ?? []).map((slo): SloRow => {
      const snapshot = known.get(slo.id);
      if (!snapshot) {
        return { slo, snapshot: PENDING, pending: true };
      }
      return { slo, snapshot: snapshot.source === 'no_rules' ? (raw.get(rawKey(slo)) ?? snapshot) : snapshot };
    });
    // ruleData is a fresh array each render; the answers' timestamps say when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slos, rawFetching, rules.map((r) => r.dataUpdatedAt).join(',')]);

  const reload = () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'plugin-settings' || q.queryKey[0] === 'slo-status' });
  if (app.isPending) {
    return { state: 'loading', reload };
  }
  if (app.isError) {
    return { state: 'error', error: errorMessage(app.error), reload };
  }
  return { state: 'data', rows, broken: app.data.slos.broken, policies: app.data.policies.items, defaultUid, reload };
}

/**
 * Runs the raw SLI queries of `rows` that have no recording rules (one request per data source), for the rows on
 * screen. The answers land in the cache, where useSlosWithStatus picks them up.
 */
export function useRawFallback(rows: SloRow[], defaultUid: string | undefined): void {
  const needed = rows.filter((r) => !r.pending && (r.snapshot.source === 'no_rules' || r.snapshot.source === 'raw'));
  const slos = needed.map((r) => r.slo);
  const key = slos.map(rawKey).sort().join(',');
  useQuery(
    {
      queryKey: [...RAW_KEY, defaultUid, key],
      queryFn: async () => {
        const snapshots = await fetchSloSnapshots(slos, defaultUid, Date.now(), 'raw');
        return new Map(slos.flatMap((slo) => (snapshots.has(slo.id) ? [[rawKey(slo), snapshots.get(slo.id)!]] : [])));
      },
      enabled: slos.length > 0,
      staleTime: SETTINGS_STALE_MS,
    },
    queryClient
  );
}

/** Cached snapshots of one SLO from the list's reads, so its page shows the same numbers at once. */
export function cachedSnapshot(slo: Slo): { snapshot: SloSnapshot; updatedAt: number } | undefined {
  let best: { snapshot: SloSnapshot; updatedAt: number } | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['slo-status'] })) {
    const data = query.state.data;
    // The list's reads hold a Map per batch; an SLO page's own read holds one snapshot.
    const snapshot = data instanceof Map ? ((data.get(slo.id) ?? data.get(rawKey(slo))) as SloSnapshot | undefined) : undefined;
    if (snapshot && snapshot.source !== 'no_rules' && (!best || query.state.dataUpdatedAt > best.updatedAt)) {
      best = { snapshot, updatedAt: query.state.dataUpdatedAt };
    }
  }
  return best;
}
