import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { listMaintenance } from '../../api/maintenance';
import { fetchSlaResults } from '../../api/slaCompliance';
import { excludingWindows, type MaintenanceWindow } from '../../domain/sla/maintenance';
import type { Sla } from '../../domain/sla/model';
import { lastSlaPeriods, slaPeriodAt, type SlaPeriod } from '../../domain/sla/period';
import type { SlaPeriodResult } from '../../domain/sla/report';
import type { Slo } from '../../domain/slo/model';
import { useAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';

/** How far ahead the SLA page lists planned maintenance. */
export const UPCOMING_MS = 60 * 24 * 3_600_000;

export const MAINTENANCE_KEY = 'sla-maintenance';
const RESULTS_KEY = 'sla-results';

const slaKey = (sla: Sla) => `${sla.id}@${sla.revision ?? 0}`;

/** One read of the maintenance windows of a range (two requests), shared by every SLA on the page. */
export function useMaintenance(range: { from: number; to: number } | undefined) {
  return useQuery(
    {
      queryKey: [MAINTENANCE_KEY, range?.from, range?.to],
      queryFn: () => listMaintenance(range!),
      enabled: range !== undefined,
    },
    queryClient
  );
}

/** Results of one SLA for `periods`, once the maintenance is read; one /api/ds/query request. */
function resultsQuery(
  sla: Sla,
  slos: Slo[],
  periods: SlaPeriod[],
  windows: MaintenanceWindow[] | undefined,
  now: number,
  defaultUid: string | undefined
) {
  return {
    queryKey: [RESULTS_KEY, slaKey(sla), periods.map((p) => p.label).join(','), now, windows?.length],
    queryFn: (): Promise<SlaPeriodResult[]> =>
      fetchSlaResults(sla, slos, periods, excludingWindows(windows ?? []), now, defaultUid),
    enabled: windows !== undefined,
  };
}

/** The instant the page computes "now" for; Refresh moves it. */
function useNow(): [number, () => void] {
  const [now, setNow] = useState(() => Date.now());
  return [now, () => setNow(Date.now())];
}

/** Every SLA with this period's result (figures so far), each answering on its own. */
export function useSlaList() {
  const app = useAppData();
  const [now, refresh] = useNow();
  const slas = useMemo(() => app.data?.slas.items ?? [], [app.data]);
  const current = useMemo(() => slas.map((s) => slaPeriodAt(now, s.period.unit, s.period.timeZone)), [slas, now]);
  const range = current.length ? { from: Math.min(...current.map((p) => p.start)), to: now } : undefined;
  const maintenance = useMaintenance(range);
  const results = useQueries(
    {
      queries: slas.map((sla, i) =>
        resultsQuery(sla, app.data!.slos.items, [current[i]], maintenance.data?.windows, now, app.data?.defaultUid)
      ),
    },
    queryClient
  );
  const rows = slas.map((sla, i) => ({
    sla,
    result: results[i]?.data?.[0],
    error: results[i]?.error
      ? errorMessage(results[i].error)
      : maintenance.error
        ? errorMessage(maintenance.error)
        : undefined,
  }));
  return {
    app,
    rows,
    broken: app.data?.slas.broken ?? [],
    maintenanceProblems: maintenance.data?.problems ?? [],
    refresh,
  };
}

/** One SLA's last 12 periods (the current one live), its maintenance and everything its page needs. */
export function useSlaDetail(id: string | undefined) {
  const app = useAppData();
  const [now, refresh] = useNow();
  const sla = app.data?.slas.items.find((s) => s.id === id);
  const periods = useMemo(() => (sla ? lastSlaPeriods(now, sla.period.unit, sla.period.timeZone, 12) : []), [sla, now]);
  const range = periods.length
    ? { from: periods[0].start, to: Math.max(periods[periods.length - 1].end, now + UPCOMING_MS) }
    : undefined;
  const maintenance = useMaintenance(range);
  const results = useQuery(
    sla
      ? resultsQuery(sla, app.data!.slos.items, periods, maintenance.data?.windows, now, app.data?.defaultUid)
      : { queryKey: [RESULTS_KEY, 'none'], queryFn: () => [] as SlaPeriodResult[], enabled: false },
    queryClient
  );
  return { app, sla, now, periods, maintenance, results, refresh };
}
