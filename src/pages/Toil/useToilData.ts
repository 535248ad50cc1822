import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listTeams } from '../../api/teams';
import { listToil } from '../../api/toil';
import { listDerivedToil } from '../../api/toilDerived';
import type { ToilEntry, ToilEstimates, ToilProblem, ToilTeamSettings } from '../../domain/toil';
import { useAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';
import { TOIL_QUERY_KEY } from './queryKeys';

/** Grafana's teams change rarely; suggestions may be five minutes old. */
const TEAMS_STALE_MS = 5 * 60_000;

export type ToilData =
  | { loading: true }
  | { loading: false; error: string; retry: () => void }
  | {
      loading: false;
      error?: undefined;
      /** Logged entries, with derived ones merged in (newest first) when asked for. */
      entries: ToilEntry[];
      estimates: ToilEstimates;
      /** What was skipped or could not be read; the rest is shown. */
      problems: ToilProblem[];
      settings: ToilTeamSettings[];
      /** Team names to suggest: Grafana's teams, teams with settings and teams in the entries. */
      teams: string[];
      derivedLoading: boolean;
      retry: () => void;
    };

/**
 * The toil of a range through the app's query cache: the entries (three requests), the team settings (the shared
 * settings read), Grafana's team names and, when asked for, derived entries. Keys start with TOIL_QUERY_KEY, so a
 * write anywhere (quick log, CSV import) invalidates them all.
 */
export function useToilData(range: { from: number; to: number }, derived: boolean): ToilData {
  const app = useAppData();
  const list = useQuery(
    { queryKey: [...TOIL_QUERY_KEY, 'list', range.from, range.to], queryFn: () => listToil(range) },
    queryClient
  );
  const uid = app.data?.defaultUid;
  const derivedQuery = useQuery(
    {
      queryKey: [...TOIL_QUERY_KEY, 'derived', range.from, range.to, uid],
      queryFn: () => listDerivedToil(range, { incidents: true, pages: true, datasourceUid: uid }),
      enabled: derived && app.isSuccess,
    },
    queryClient
  );
  const grafanaTeams = useQuery(
    { queryKey: ['grafana-teams'], queryFn: listTeams, staleTime: TEAMS_STALE_MS },
    queryClient
  );

  return useMemo((): ToilData => {
    const retry = () => {
      void app.refetch();
      void list.refetch();
      if (derived) {
        void derivedQuery.refetch();
      }
    };
    if (list.isPending || app.isPending) {
      return { loading: true };
    }
    if (list.isError || app.isError) {
      return { loading: false, error: errorMessage(list.error ?? app.error), retry };
    }
    const problems = [...list.data.problems];
    for (const b of app.data.toilTeams.broken) {
      const raw = b.raw as { team?: unknown } | null;
      const name = typeof raw?.team === 'string' && raw.team.trim() ? raw.team : (b.id ?? `#${b.index + 1}`);
      const why = b.problems.map((p) => p.message).join('; ');
      problems.push({ message: `team settings ${name} are invalid (fix them on the Admin page): ${why}` });
    }
    let entries = list.data.entries;
    if (derived && derivedQuery.isSuccess) {
      problems.push(...derivedQuery.data.problems);
      entries = [...entries, ...derivedQuery.data.entries].sort((a, b) => b.at - a.at);
    }
    if (derived && derivedQuery.isError) {
      problems.push({ message: `derived toil is missing: ${errorMessage(derivedQuery.error)}` });
    }
    const settings = app.data.toilTeams.items;
    const names = new Map<string, string>();
    for (const name of [
      ...(grafanaTeams.data?.teams ?? []),
      ...settings.map((s) => s.team),
      ...list.data.entries.map((e) => e.team),
    ]) {
      const key = name.trim().toLowerCase();
      if (key && !names.has(key)) {
        names.set(key, name.trim());
      }
    }
    return {
      loading: false,
      entries,
      estimates: list.data.estimates,
      problems,
      settings,
      teams: [...names.values()].sort((a, b) => a.localeCompare(b)),
      derivedLoading: derived && derivedQuery.isPending,
      retry,
    };
    // The query results are the inputs; the query objects themselves change identity every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    list.data,
    list.error,
    list.status,
    app.data,
    app.error,
    app.status,
    derived,
    derivedQuery.data,
    derivedQuery.status,
    grafanaTeams.data,
  ]);
}

/** Refetches every toil query after a write. */
export function invalidateToil(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: TOIL_QUERY_KEY });
}
