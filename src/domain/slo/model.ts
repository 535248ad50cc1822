/**
 * The SLO model: the exact form the app stores in plugin settings (`jsonData.slos`) and the form that
 * `sre-reliability convert --to json` prints. Pure data, JSON-serialisable, no functions.
 *
 * Conventions
 * - Targets are fractions in (0, 1): 0.999, never 99.9. Importers normalise.
 * - Durations are Prometheus duration strings ("5m", "30d").
 * - Every optional field has a documented default that `withDefaults()` fills in (see defaults.ts).
 */

export const SLO_SPEC_API_VERSION = 'sre-reliability/v1';

export type LabelMatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher, kept structured so that values are always escaped when PromQL is built. */
export interface LabelMatcher {
  name: string;
  op: LabelMatchOp;
  value: string;
}

/**
 * Good or bad events over total events.
 * Exactly one of `good` and `bad` is set. Each query is either a template holding `{{.window}}` (Sloth's convention,
 * e.g. `sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))`) or a plain counter selector
 * (e.g. `http_requests_total{job="api",code!~"5.."}`), which is wrapped as `sum(rate(<selector>[<window>]))`.
 */
export interface RatioSli {
  kind: 'ratio';
  good?: string;
  bad?: string;
  total: string;
}

/** Latency threshold over a (classic) histogram: good = `<metric>_bucket{le="<threshold>"}`, total = `<metric>_count`. */
export interface LatencySli {
  kind: 'latency';
  /** Histogram base name without suffix, e.g. `http_server_requests_seconds`. */
  metric: string;
  /** Must equal one of the histogram's bucket boundaries (`le`), in the metric's unit (usually seconds). */
  threshold: number;
  matchers: LabelMatcher[];
}

/** A 0/1 gauge such as `up` or `probe_success`; the SLI is its average over time. */
export interface AvailabilitySli {
  kind: 'availability';
  metric: string;
  matchers: LabelMatcher[];
}

/** An error-ratio PromQL expression holding the `{{.window}}` placeholder. */
export interface FreeformSli {
  kind: 'freeform';
  errorRatio: string;
}

export type Sli = RatioSli | LatencySli | AvailabilitySli | FreeformSli;
export type SliKind = Sli['kind'];

export type SloWindow =
  | { type: 'rolling'; duration: string }
  | { type: 'calendar'; unit: 'month' | 'quarter'; timeZone: string };

export type BudgetingMethod =
  | { method: 'occurrences' }
  /** A slice is good when its own good ratio is >= sliceTarget. The SLI is good slices / all slices. */
  | { method: 'timeslices'; sliceDuration: string; sliceTarget: number };

export type BurnRateTierName = 'fast' | 'medium' | 'slow' | 'long';
export type AlertSeverity = 'page' | 'ticket';

/** Per-SLO override of one burn-rate alert tier; unset fields keep the defaults (see defaults.ts). */
export interface BurnRateTierOverride {
  tier: BurnRateTierName;
  enabled?: boolean;
  longWindow?: string;
  shortWindow?: string;
  /** Burn-rate factor. When unset it is derived: budgetShare × SLO window / longWindow. */
  factor?: number;
  /** Share of the whole error budget that, burnt within longWindow, should alert. */
  budgetShare?: number;
  severity?: AlertSeverity;
  /** Prometheus `for` duration. */
  for?: string;
  /**
   * Labels of this tier's alert only, over alerting.labels; may set `severity` (an imported Sloth spec's
   * page_alert/ticket_alert labels, which Alertmanager routes are keyed on).
   */
  labels?: Record<string, string>;
  /** Annotations of this tier's alert only, over alerting.annotations. */
  annotations?: Record<string, string>;
}

export interface SloAlerting {
  /** Default true. When false no alert rules are generated (recording rules still are). */
  enabled?: boolean;
  /** Alert name, default `SLOErrorBudgetBurn`. */
  name?: string;
  tiers?: BurnRateTierOverride[];
  /** Low-traffic guard: a tier only fires when its long window saw at least this many events. */
  minEvents?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  runbookUrl?: string;
  /** Generate `SLOMetricAbsent` when the SLI series vanish. Default false. */
  absentAlert?: boolean;
}

export interface DataSourceRef {
  uid: string;
  type?: string;
}

export interface Slo {
  /** Slug: lower-case letters, digits and dashes; unique. */
  id: string;
  name: string;
  description?: string;
  service: string;
  /** Extra labels (team, tier, ...) carried by every generated series. */
  labels?: Record<string, string>;
  /** Prometheus-compatible data source (Prometheus, Mimir, Thanos). Unset: the app's default. */
  datasource?: DataSourceRef;
  sli: Sli;
  objective: { target: number };
  window: SloWindow;
  budgeting?: BudgetingMethod;
  alerting?: SloAlerting;
  /** Id of the error-budget policy the SLO follows (jsonData.policies / a spec's `policies:`); unset: the Workbook's. */
  policy?: string;
  /** Loki stream selector for the service's logs, e.g. `{service="checkout"}`. */
  logs?: { selector?: string };
  /** Optimistic-concurrency counter, incremented by every save from the app. */
  revision?: number;
}

/** One validation problem. `path` is a JSONPath-like location, e.g. `slos[2].objective.target`. */
export interface Problem {
  path: string;
  message: string;
}

/** The native multi-SLO spec file (YAML or JSON). */
export interface SloSpecFile {
  apiVersion: typeof SLO_SPEC_API_VERSION;
  kind: 'SLOList';
  slos: Slo[];
}
