import type { ErrorBudgetPolicy } from '../domain/policy/model';
import type { Sla } from '../domain/sla/model';
import type { Slo } from '../domain/slo/model';
import type { ToilTeamSettings } from '../domain/toil/model';

/** App-wide settings, edited on the app's configuration page. */
export interface AppSettings {
  /** UID of the Prometheus, Mimir or Thanos data source used when an SLO names none. */
  defaultPrometheusUid?: string;
  /** UID of the Loki data source that incident log links open. */
  lokiUid?: string;
  /** Loki stream label that holds the service name (Promtail and Alloy setups differ). */
  logServiceLabel?: string;
}

/** Everything the app keeps in its plugin settings `jsonData`. Provisioning YAML can set any of it. */
export interface AppJsonData {
  settings?: AppSettings;
  slos?: Slo[];
  /** Error-budget policies; one with id `workbook` overrides the built-in default. */
  policies?: ErrorBudgetPolicy[];
  /** SLAs: contracts on top of the SLOs (SLAs page; Admins edit). */
  slas?: Sla[];
  /** Each team's toil capacity and budget (Admin page). */
  toilTeams?: ToilTeamSettings[];
  /** Postmortem section template and policy, `{sections, policy, revision}` (Admin page; api/postmortemConfig.ts). */
  postmortems?: unknown;
  [key: string]: unknown;
}

/** The body of GET /api/plugins/:id/settings, narrowed to the fields we use and must preserve on write. */
export interface PluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData?: AppJsonData;
}

export const DEFAULT_SETTINGS: Required<AppSettings> = {
  defaultPrometheusUid: '',
  lokiUid: '',
  logServiceLabel: 'service',
};
