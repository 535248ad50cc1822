/**
 * PromQL for the SLO detail page, read from the generated recording rules (README "rules contract"): the page is
 * cheap to render and shows exactly what the alerts see. Pure: no React, no scenes.
 */
import type { Slo } from '../../../domain/slo/model';
import { errorBudget, resolveTiers, withDefaults, type ResolvedTier } from '../../../domain/slo/defaults';
import { normalizeDuration } from '../../../domain/slo/durations';
import { escapeLabelValue } from '../../../domain/slo/promql';
import { SERIES, num } from '../../../domain/rules/names';
import { alertRatioSeries } from '../../../domain/rules/recording';

export interface PromTarget {
  refId: string;
  expr: string;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
  format?: 'time_series' | 'table';
}

/** `{slo_id="<id>"}` with the id escaped. */
export function sloMatcher(slo: Pick<Slo, 'id'>): string {
  return `{slo_id="${escapeLabelValue(slo.id)}"}`;
}

/** Burn rate over a window: the recorded error ratio (bad-slice ratio for timeslices SLOs) over the budget. */
export function burnRateExpr(slo: Slo, window: string): string {
  return `${alertRatioSeries(slo, normalizeDuration(window))}${sloMatcher(slo)} / ${num(errorBudget(slo.objective.target))}`;
}

/** The enabled tiers whose long window gets a burn-rate series, fastest first. */
export function burnRateTiers(slo: Slo): ResolvedTier[] {
  return resolveTiers(slo).filter((t) => t.enabled);
}

/** Every query the page (and the generated dashboard) runs for one SLO. */
export function sloQueries(slo: Slo) {
  const m = sloMatcher(slo);
  const alertName = withDefaults(slo).alerting.name;
  return {
    /** SLI over the whole SLO window (1 − the event-weighted period error ratio). */
    sli: { refId: 'sli', expr: `1 - ${SERIES.periodErrorRatio}${m}`, legendFormat: 'SLI' },
    objective: { refId: 'objective', expr: `${SERIES.objective}${m}`, legendFormat: 'Objective' },
    budgetRemaining: { refId: 'remaining', expr: `${SERIES.budgetRemaining}${m}`, legendFormat: 'Budget remaining' },
    burnRate1h: { refId: 'burn1h', expr: `${SERIES.burnRate1h}${m}`, legendFormat: 'Burn rate (1h)' },
    burnRate6h: { refId: 'burn6h', expr: burnRateExpr(slo, '6h'), legendFormat: 'Burn rate (6h)' },
    tierBurnRates: burnRateTiers(slo).map(
      (t): PromTarget => ({
        refId: `burn_${t.tier}`,
        expr: burnRateExpr(slo, t.longWindow),
        legendFormat: `${t.tier} (${normalizeDuration(t.longWindow)})`,
      })
    ),
    /** Pending and firing burn-rate alerts of this SLO, one row per tier. */
    alerts: {
      refId: 'alerts',
      expr: `ALERTS{alertname="${escapeLabelValue(alertName)}", slo_id="${escapeLabelValue(slo.id)}"}`,
      instant: true,
      range: false,
      format: 'table' as const,
    },
  };
}

export interface ThresholdStep {
  value: number | null;
  color: string;
}

/** Threshold steps at each enabled tier's factor (ticket tiers orange, page tiers red), ascending as Grafana wants. */
export function burnRateThresholds(tiers: ResolvedTier[]): ThresholdStep[] {
  const steps = [...tiers]
    .sort((a, b) => a.factor - b.factor)
    .map((t) => ({ value: t.factor, color: t.severity === 'page' ? 'red' : 'orange' }));
  return [{ value: null, color: 'green' }, ...steps];
}

/** Incident annotations of this SLO: region annotations tagged `sre-incident` and `slo:<id>`, both required. */
export function incidentTags(slo: Pick<Slo, 'id'>): string[] {
  return ['sre-incident', `slo:${slo.id}`];
}
