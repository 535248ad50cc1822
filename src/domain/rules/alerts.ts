/**
 * Burn-rate alert definitions shared by the Prometheus and Grafana generators. Each enabled tier fires when the
 * burn rate (error ratio / error budget) exceeds the tier's factor over both its long and its short window
 * (SRE Workbook, multiwindow multi-burn-rate); the short window makes the alert reset soon after a burn stops.
 */
import { ABSENT_ALERT_NAME, errorBudget, type ResolvedTier, windowDuration, withDefaults } from '../slo/defaults';
import { normalizeDuration } from '../slo/durations';
import type { Slo } from '../slo/model';
import { SERIES, goTemplateLiteral, num, sloPageUrl, sloSeries } from './names';
import { alertRatioSeries, justUnder, seriesLabels } from './recording';

export interface TierAlertSpec {
  alertName: string;
  tier: ResolvedTier;
  /** Burn rate over the long window: the value shown in the description. */
  longBurnRate: string;
  shortBurnRate: string;
  /** Events seen in the long window, when `alerting.minEvents` is set. */
  longEvents?: string;
  minEvents?: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface AbsentAlertSpec {
  alertName: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** How the alert's current value is written in annotation templates (Prometheus: `$value`). */
export interface AnnotationStyle {
  burnRateValue: string;
}

/**
 * Alert label values are Go templates in Prometheus and in Grafana (recording-rule labels are not), so `{{` in a
 * value would be expanded or refused. Writing each brace pair as a template literal keeps every alert's labels
 * byte-identical to the recorded series' labels.
 */
function literalLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, goTemplateLiteral(v)]));
}

function percent(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

function commonAnnotations(slo: Slo, grafanaUrl: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (slo.alerting?.runbookUrl) {
    out.runbook_url = slo.alerting.runbookUrl;
  }
  out.slo_url = sloPageUrl(slo.id, grafanaUrl);
  return out;
}

/** Alert specs for every enabled tier; empty when alerting is disabled. */
export function tierAlertSpecs(slo: Slo, grafanaUrl: string | undefined, style: AnnotationStyle): TierAlertSpec[] {
  const s = withDefaults(slo);
  if (!s.alerting.enabled) {
    return [];
  }
  const budget = num(errorBudget(slo.objective.target));
  const name = goTemplateLiteral(slo.name);
  const window = windowDuration(slo);
  return s.alerting.tiers
    .filter((t) => t.enabled)
    .map((tier) => {
      const longWindow = normalizeDuration(tier.longWindow);
      const shortWindow = normalizeDuration(tier.shortWindow);
      const minEvents = s.alerting.minEvents;
      const total = sloSeries(SERIES.totalRate5m, slo.id);
      return {
        alertName: s.alerting.name,
        tier,
        longBurnRate: `${sloSeries(alertRatioSeries(slo, longWindow), slo.id)} / ${budget}`,
        shortBurnRate: `${sloSeries(alertRatioSeries(slo, shortWindow), slo.id)} / ${budget}`,
        // One 5m rate every 5m tiles the window exactly (the range is 1 ms short so the step at its start is not
        // taken too), so the sum × 300 s counts its events.
        longEvents: minEvents !== undefined ? `sum_over_time(${total}[${justUnder(longWindow)}:5m]) * 300` : undefined,
        minEvents,
        labels: literalLabels({
          ...s.alerting.labels,
          ...tier.labels,
          ...seriesLabels(slo),
          // An imported spec's own severity (Sloth's `severity: critical`) is what its Alertmanager routes match.
          severity: tier.labels?.severity ?? tier.severity,
          burnrate_tier: tier.tier,
          long_window: longWindow,
          short_window: shortWindow,
        }),
        annotations: {
          summary: `SLO "${name}" (${goTemplateLiteral(slo.service)}) is burning its error budget too fast`,
          description:
            `Error budget burn rate is ${style.burnRateValue}x over the last ${longWindow} and above ${num(tier.factor)}x ` +
            `over the last ${shortWindow} too. At ${num(tier.factor)}x, ${percent(tier.budgetShare)} of the ${window} ` +
            `error budget is spent in ${longWindow}.`,
          ...commonAnnotations(slo, grafanaUrl),
          ...s.alerting.annotations,
          ...tier.annotations,
        },
      };
    });
}

/**
 * `SLOMetricAbsent` when enabled: fires when the SLI's event-rate series disappears. `for` is 10m so a restart or
 * one failed scrape does not page; the recorded series itself has a 5m lookback.
 */
export function absentAlertSpec(slo: Slo, grafanaUrl: string | undefined): AbsentAlertSpec | undefined {
  const s = withDefaults(slo);
  if (!s.alerting.enabled || !s.alerting.absentAlert) {
    return undefined;
  }
  return {
    alertName: ABSENT_ALERT_NAME,
    expr: `absent(${sloSeries(SERIES.totalRate5m, slo.id)})`,
    for: '10m',
    labels: literalLabels({ ...s.alerting.labels, ...seriesLabels(slo), severity: 'ticket' }),
    annotations: {
      summary: `SLO "${goTemplateLiteral(slo.name)}" has no SLI data`,
      description: `The SLI series of "${goTemplateLiteral(slo.name)}" are missing, so its burn-rate alerts cannot fire. Check the scrape targets and the SLI queries.`,
      ...commonAnnotations(slo, grafanaUrl),
      ...s.alerting.annotations,
    },
  };
}
