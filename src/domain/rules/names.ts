/**
 * Names of generated series: a stable contract (DESIGN.md §5) that dashboards, the app pages and users build on.
 * Change them only with a migration note in the README.
 */
import { normalizeDuration } from '../slo/durations';
import { escapeLabelValue } from '../slo/promql';

export const PLUGIN_ID = 'sre-reliability-app';

/** Error ratio over a window, e.g. `slo:sli_error:ratio_rate5m`. */
export const errorRatioSeries = (window: string): string => `slo:sli_error:ratio_rate${normalizeDuration(window)}`;
/** Fraction of bad slices over a window (timeslices SLOs only). */
export const sliceBadRatioSeries = (window: string): string =>
  `slo:sli_slice_bad:ratio_rate${normalizeDuration(window)}`;

export const SERIES = {
  totalRate5m: 'slo:sli_total:rate5m',
  badRate5m: 'slo:sli_bad:rate5m',
  totalRate1h: 'slo:sli_total:rate1h',
  badRate1h: 'slo:sli_bad:rate1h',
  sliceGood: 'slo:sli_slice_good:ratio',
  periodErrorRatio: 'slo:sli_error:ratio_period',
  /** The period ratio as the hourly group computes it; `periodErrorRatio` forwards it every interval. */
  periodErrorRatioHourly: 'slo:sli_error:ratio_period_hourly',
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  budgetRemaining: 'slo:error_budget_remaining:ratio',
  burnRate1h: 'slo:burn_rate:ratio_rate1h',
} as const;

/** Name of the per-SLO rule group. */
export const groupName = (sloId: string): string => `sre-slo-${sloId}`;

/**
 * Name of the per-SLO group of rules whose value changes once an hour, evaluated every `HOURLY_INTERVAL`. SLO ids
 * are slugs without dots, so no SLO's own group can equal it.
 */
export const hourlyGroupName = (sloId: string): string => `${groupName(sloId)}.hourly`;

/** Evaluation interval of the hourly groups. */
export const HOURLY_INTERVAL = '1h';

/** Selects one SLO's copy of a recorded series. */
export const sloSeries = (name: string, sloId: string): string => `${name}{slo_id="${escapeLabelValue(sloId)}"}`;

/** Link to the SLO's page in the app; relative when no Grafana URL is known. */
export function sloPageUrl(sloId: string, grafanaUrl = ''): string {
  return `${grafanaUrl.replace(/\/+$/, '')}/a/${PLUGIN_ID}/slos/${encodeURIComponent(sloId)}`;
}

/** Makes user text literal inside a Go template (Prometheus and Grafana annotations are templates). */
export function goTemplateLiteral(text: string): string {
  return text.replace(/\{\{|\}\}/g, (m) => `{{ "${m}" }}`);
}

/** Formats a number for PromQL without float noise (0.001, not 0.0010000000000000009). */
export function num(n: number): string {
  return String(Number(n.toPrecision(12)));
}
