import { useQuery } from '@tanstack/react-query';
import { getPluginSettings } from '../../api/pluginSettings';
import { readPolicies } from '../../api/policies';
import { type PostmortemConfig, readPostmortemConfig } from '../../api/postmortemConfig';
import { readSlas } from '../../api/slas';
import { readSlos } from '../../api/slos';
import { readToilTeams } from '../../api/toilTeams';
import type { StoredList } from '../../api/storedItems';
import { type AppSettings, DEFAULT_SETTINGS } from '../../api/types';
import type { ErrorBudgetPolicy } from '../../domain/policy/model';
import type { Sla } from '../../domain/sla/model';
import type { Slo } from '../../domain/slo/model';
import type { ToilTeamSettings } from '../../domain/toil/model';
import { SETTINGS_STALE_MS, queryClient } from './queryClient';

/** Everything the pages read from the plugin settings, validated once. */
export interface AppData {
  settings: Required<AppSettings>;
  /** The default Prometheus-compatible data source uid, or undefined when none is set. */
  defaultUid?: string;
  slos: StoredList<Slo>;
  policies: StoredList<ErrorBudgetPolicy>;
  /** SLAs, valid ones and broken ones (each with its problems). */
  slas: StoredList<Sla>;
  toilTeams: StoredList<ToilTeamSettings>;
  /** The postmortem section template and policy, defaults for anything missing or invalid. */
  postmortems: PostmortemConfig;
}

export const APP_DATA_KEY = ['plugin-settings'] as const;

async function fetchAppData(): Promise<AppData> {
  const { jsonData } = await getPluginSettings();
  const settings = { ...DEFAULT_SETTINGS, ...jsonData?.settings };
  return {
    settings,
    defaultUid: settings.defaultPrometheusUid || undefined,
    slos: readSlos(jsonData),
    policies: readPolicies(jsonData),
    slas: readSlas(jsonData),
    toilTeams: readToilTeams(jsonData),
    postmortems: readPostmortemConfig(jsonData),
  };
}

/** The app's settings and SLOs, shared by every page through the query cache. */
export function useAppData() {
  return useQuery({ queryKey: APP_DATA_KEY, queryFn: fetchAppData, staleTime: SETTINGS_STALE_MS }, queryClient);
}

/** The same data outside React (for example before a write); served from the cache while it is fresh. */
export function loadAppData(): Promise<AppData> {
  return queryClient.query({ queryKey: APP_DATA_KEY, queryFn: fetchAppData, staleTime: SETTINGS_STALE_MS });
}

/** After our own write: drop the cached settings and statuses so every page reads what is stored now. */
export function invalidateAppData(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === APP_DATA_KEY[0] || q.queryKey[0] === 'slo-status' });
}
